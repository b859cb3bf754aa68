import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { Public, UuidParam } from '#platform';
import { SCHEDULE_READERS, SCHEDULERS } from '../access/roles';
import { AnswerPollDto, OpenPollDto, PollView, PublicPollView } from './dto/poll.dto';
import { PollsService } from './polls.service';

@ApiTags('polls')
@ApiBearerAuth()
@Controller('sessions/:sessionId/polls')
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Post()
  @Roles(...SCHEDULERS)
  @ApiCreatedResponse({ type: PollView, description: 'Candidate times that suit everyone else; the token makes the participant\'s link' })
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
  @ApiOkResponse({ type: PublicPollView })
  @ApiNotFoundResponse({ description: 'No poll for this link' })
  show(@Param('token') token: string) {
    return this.polls.show(token);
  }

  @Post('answer')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicPollView })
  answer(@Param('token') token: string, @Body() dto: AnswerPollDto) {
    return this.polls.answer(token, dto);
  }
}
