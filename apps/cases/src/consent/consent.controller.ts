import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { CASE_READERS, PRACTITIONERS } from '../access/roles';
import { ConsentService } from './consent.service';
import { ConsentView, JointMeetingReadinessView, RecordConsentDto, WithdrawConsentDto } from './dto/consent.dto';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Post('participants/:participantId/consents')
  @Roles(...PRACTITIONERS)
  @ApiCreatedResponse({ type: ConsentView })
  record(
    @CurrentUser() user: Principal,
    @UuidParam('caseId') caseId: string,
    @UuidParam('participantId') participantId: string,
    @Body() dto: RecordConsentDto,
  ) {
    return this.consent.record(user, caseId, participantId, dto);
  }

  @Post('consents/:consentId/withdrawal')
  @HttpCode(200)
  @Roles(...PRACTITIONERS)
  @ApiOkResponse({ type: ConsentView })
  withdraw(
    @CurrentUser() user: Principal,
    @UuidParam('caseId') caseId: string,
    @UuidParam('consentId') consentId: string,
    @Body() dto: WithdrawConsentDto,
  ) {
    return this.consent.withdraw(user, caseId, consentId, dto);
  }

  @Get('consents')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: ConsentView, isArray: true })
  list(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.consent.list(user, caseId);
  }

  @Get('joint-meeting-readiness')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: JointMeetingReadinessView })
  readiness(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.consent.jointMeetingReadiness(user, caseId);
  }
}
