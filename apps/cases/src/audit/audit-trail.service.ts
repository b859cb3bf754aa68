import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal, Role } from '#auth';
import { CaseAccess } from '../access/case-access';
import { CASES_DB } from '../database';
import { AuditLog } from './audit-log';
import type { AuditEntryView, AuditQuery } from './dto/audit.dto';

export const AUDITORS: Role[] = ['manager', 'partnership-lead'];

@Injectable()
export class AuditTrailService {
  constructor(
    @InjectDataSource(CASES_DB) private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditLog,
  ) {}

  /** Who read or changed the case record, newest first; reading it is itself recorded. */
  async forCase(principal: Principal, caseId: string, query: AuditQuery): Promise<AuditEntryView[]> {
    await this.access.read(principal, caseId, 'audit', null, AUDITORS);
    const entries = await this.audit.forCase(this.dataSource.manager, caseId, query.limit, query.before);
    return entries.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorUserId: e.actorUserId,
      actorRoles: e.actorRoles,
      action: e.action,
      subject: e.subject,
      subjectId: e.subjectId,
      detail: e.detail,
    }));
  }
}
