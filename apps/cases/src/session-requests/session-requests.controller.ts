import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { CASE_READERS, CASE_WRITERS } from '../access/roles';
import { RequestSessionDto, SessionRequestView } from './dto/session-request.dto';
import { SessionRequestsService } from './session-requests.service';

@ApiTags('session requests')
@ApiBearerAuth()
@Controller('cases/:caseId/session-requests')
export class SessionRequestsController {
  constructor(private readonly requests: SessionRequestsService) {}

  @Post()
  @Roles(...CASE_WRITERS)
  @ApiCreatedResponse({ type: SessionRequestView, description: 'Sent to the scheduling service' })
  @ApiConflictResponse({ description: 'Not allowed yet (for a conference: the joint meeting rule)' })
  request(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Body() dto: RequestSessionDto) {
    return this.requests.request(user, caseId, dto);
  }

  @Get()
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: SessionRequestView, isArray: true })
  list(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.requests.list(user, caseId);
  }
}
