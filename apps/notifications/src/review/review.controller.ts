import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { REVIEWERS } from '../access/roles';
import { EditHeldMessageDto, HeldMessageView } from './dto/review.dto';
import { ReviewService } from './review.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...REVIEWERS)
@Controller('notifications/review')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get()
  @ApiOperation({ summary: 'Messages the content policy held back, with its reasons' })
  @ApiOkResponse({ type: [HeldMessageView] })
  list(@CurrentUser() user: Principal): Promise<HeldMessageView[]> {
    return this.review.list(user);
  }

  @Put(':messageId')
  @ApiOperation({ summary: 'Edit a held message; the text is screened again and the reasons updated' })
  @ApiOkResponse({ type: HeldMessageView })
  edit(@CurrentUser() user: Principal, @UuidParam('messageId') messageId: string, @Body() dto: EditHeldMessageDto): Promise<HeldMessageView> {
    return this.review.edit(user, messageId, { subject: dto.subject ?? null, body: dto.body });
  }

  @Post(':messageId/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a held message once the policy allows it (409 with the reasons otherwise)' })
  @ApiOkResponse({ type: HeldMessageView })
  release(@CurrentUser() user: Principal, @UuidParam('messageId') messageId: string): Promise<HeldMessageView> {
    return this.review.release(user, messageId);
  }

  @Post(':messageId/discard')
  @HttpCode(200)
  @ApiOperation({ summary: 'Discard a held message: it is never sent' })
  @ApiOkResponse({ type: HeldMessageView })
  discard(@CurrentUser() user: Principal, @UuidParam('messageId') messageId: string): Promise<HeldMessageView> {
    return this.review.discard(user, messageId);
  }
}
