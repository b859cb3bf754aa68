import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '#auth';
import { CaseAccess } from '../access/case-access';
import { AuditLog } from '../audit/audit-log';
import { CASES_DB } from '../database';
import { CaseViews } from './case-views';
import { CaseRepository } from './case.repository';
import type { CaseView } from './case.view';
import type { ListCasesQuery } from './dto/list-cases.query';

@Injectable()
export class CaseService {
  constructor(
    @InjectDataSource(CASES_DB) private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly access: CaseAccess,
    private readonly views: CaseViews,
    private readonly audit: AuditLog,
  ) {}

  async get(principal: Principal, caseId: string): Promise<CaseView> {
    const kase = await this.access.read(principal, caseId);
    return this.views.one(this.dataSource.manager, kase);
  }

  /** The cases the caller may see; each listed case counts as read in the audit trail. */
  async list(principal: Principal, filter: ListCasesQuery): Promise<{ items: CaseView[]; total: number }> {
    const { items, total } = await this.cases.listVisible(principal, filter, new Date());
    await this.dataSource.transaction(async (manager) => {
      for (const kase of items) await this.audit.record(manager, principal, { caseId: kase.id, action: 'read', subject: 'case-summary' });
    });
    return { items: await this.views.many(this.dataSource.manager, items), total };
  }
}
