import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { CASE_READERS, CASE_WRITERS, COORDINATION } from '../access/roles';
import { CaseView } from '../case/case.view';
import { ContactAttemptDto, ContactAttemptView } from './dto/contact-attempt.dto';
import { CreateReferralDto } from './dto/create-referral.dto';
import { TriageDto } from './dto/triage.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('cases')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @Roles(...COORDINATION)
  @ApiCreatedResponse({ type: CaseView, description: 'The case, opened at referred' })
  create(@CurrentUser() user: Principal, @Body() dto: CreateReferralDto): Promise<CaseView> {
    return this.referrals.create(user, dto);
  }

  @Post(':caseId/triage')
  @HttpCode(200)
  @Roles(...COORDINATION)
  @ApiOkResponse({ type: CaseView })
  triage(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Body() dto: TriageDto): Promise<CaseView> {
    return this.referrals.triage(user, caseId, dto);
  }

  @Post(':caseId/contact-attempts')
  @Roles(...CASE_WRITERS)
  @ApiCreatedResponse({ type: ContactAttemptView })
  recordContactAttempt(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Body() dto: ContactAttemptDto) {
    return this.referrals.recordContactAttempt(user, caseId, dto);
  }

  @Get(':caseId/contact-attempts')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ type: ContactAttemptView, isArray: true })
  contactAttempts(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.referrals.contactAttempts(user, caseId);
  }
}
