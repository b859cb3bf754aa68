import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, type Principal, Roles } from '#auth';
import { Public, UuidParam } from '#platform';
import { SCHEDULE_READERS, SCHEDULERS } from '../access/roles';
import { AnswerPollDto, AnswerPollFormDto, OpenPollDto, PollView, PublicPollView } from './dto/poll.dto';
import { POLL_PAGE_HEADERS, type PollPage, renderPollPage } from './poll-page';
import { PollsService } from './polls.service';

@ApiTags('polls')
@ApiBearerAuth()
@Controller('sessions/:sessionId/polls')
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Post()
  @Roles(...SCHEDULERS)
  @ApiCreatedResponse({ type: PollView, description: 'Candidate times that suit everyone else; poll.opened goes out; the token makes the participant\'s link' })
  open(@CurrentUser() user: Principal, @UuidParam('sessionId') sessionId: string, @Body() dto: OpenPollDto) {
    return this.polls.open(user, sessionId, dto);
  }

  @Get()
  @Roles(...SCHEDULE_READERS)
  @ApiOkResponse({ type: PollView, isArray: true })
  list(@CurrentUser() user: Principal, @UuidParam('sessionId') sessionId: string) {
    return this.polls.ofSession(user, sessionId);
  }
}

/** The participant's side: no login, only the sealed token of their link. */
@ApiTags('polls')
@Public()
@Controller('polls/:token')
export class PollAnswersController {
  constructor(private readonly polls: PollsService) {}

  @Get()
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: PublicPollView, description: 'JSON for Accept: application/json (and by default); a page with a form for a browser (text/html)' })
  @ApiNotFoundResponse({ description: 'No poll for this link' })
  async show(@Param('token') token: string, @Req() req: Request, @Res() res: Response) {
    res.vary('Accept');
    if (req.accepts(['application/json', 'text/html']) === 'text/html') return sendPage(res, await this.polls.page(token));
    res.set('Cache-Control', 'no-store').json(await this.polls.show(token));
  }

  /** The page's own form. */
  @Post()
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page again, saying the answer is saved (400: a time not offered; 409: the poll has closed)' })
  async answerOnPage(@Param('token') token: string, @Body() dto: AnswerPollFormDto, @Res() res: Response) {
    sendPage(res, await this.polls.answerOnPage(token, dto.optionIds ?? []));
  }

  @Post('answer')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicPollView })
  answer(@Param('token') token: string, @Body() dto: AnswerPollDto) {
    return this.polls.answer(token, dto);
  }
}

function sendPage(res: Response, page: PollPage): void {
  const { status, html } = renderPollPage(page);
  res.status(status).set(POLL_PAGE_HEADERS).send(html);
}
