import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere } from 'typeorm';
import type { Principal, Role } from '#auth';
import { NotFoundError } from '#platform';
import { AuditLog } from '../audit/audit-log';
import { CaseEntity } from '../case/case.entity';
import { CASES_DB } from '../database';
import { CASE_READERS } from './roles';
import { whereVisible } from './case-visibility';

/**
 * The one gate to a case record. A case the caller may not see answers exactly as one that
 * does not exist (404), so probing reveals nothing. Every read through it is audited.
 */
@Injectable()
export class CaseAccess {
  constructor(
    @InjectDataSource(CASES_DB) private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** Reads a case the principal may see acting in one of `roles`, and records the read of `subject`. */
  async read(
    principal: Principal,
    caseId: string,
    subject = 'case',
    subjectId: string | null = null,
    roles: readonly Role[] = CASE_READERS,
  ): Promise<CaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.find(manager, principal, caseId, roles, false);
      await this.audit.record(manager, principal, { caseId, action: 'read', subject, subjectId });
      return found;
    });
  }

  /** A case's records of one kind in the given order, once the principal may read them (audited as `subject`). */
  async rowsOf<T extends { caseId: string }>(
    principal: Principal,
    caseId: string,
    subject: string,
    entity: EntityTarget<T>,
    order: FindOptionsOrder<T>,
    roles: readonly Role[] = CASE_READERS,
  ): Promise<T[]> {
    await this.read(principal, caseId, subject, null, roles);
    return this.dataSource.manager.find(entity, { where: { caseId } as FindOptionsWhere<T>, order });
  }

  /** Locks a case for a change the principal may make acting in one of `roles`. */
  lockForChange(manager: EntityManager, principal: Principal, caseId: string, roles: readonly Role[]): Promise<CaseEntity> {
    return this.find(manager, principal, caseId, roles, true);
  }

  private async find(manager: EntityManager, principal: Principal, caseId: string, roles: readonly Role[], lock: boolean) {
    const query = whereVisible(manager.createQueryBuilder(CaseEntity, 'c').where('c.id = :caseId', { caseId }), principal, roles);
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    if (!found) throw new NotFoundError('case', caseId);
    return found;
  }
}
