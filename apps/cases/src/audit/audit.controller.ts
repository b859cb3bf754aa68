import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { AUDITORS, AuditTrailService } from './audit-trail.service';
import { AuditEntryView, AuditQuery } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('cases/:caseId/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get()
  @Roles(...AUDITORS)
  @ApiOkResponse({ type: AuditEntryView, isArray: true })
  list(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string, @Query() query: AuditQuery): Promise<AuditEntryView[]> {
    return this.trail.forCase(user, caseId, query);
  }
}
