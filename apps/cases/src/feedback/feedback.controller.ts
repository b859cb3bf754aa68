import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { CASE_READERS, PRACTITIONERS } from '../access/roles';
import { FeedbackView, RecordFeedbackDto } from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('cases/:caseId/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post()
  @Roles(...PRACTITIONERS)
  @ApiCreatedResponse({ type: FeedbackView })
  record(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Body() dto: RecordFeedbackDto) {
    return this.feedback.record(user, caseId, dto);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: FeedbackView, isArray: true })
  list(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.feedback.list(user, caseId);
  }
}
