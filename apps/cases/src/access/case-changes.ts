import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal, Role } from '#auth';
import type { EventPayloads, EventType } from '#contracts';
import { Outbox } from '#messaging';
import type { AuditAction, AuditDetail } from '../audit/audit-entry.entity';
import { AuditLog } from '../audit/audit-log';
import { CaseEntity } from '../case/case.entity';
import { CASES_DB } from '../database';
import { CaseAccess } from './case-access';

/** What a change to a case works with: all inside one transaction, with the case row locked. */
export interface CaseChange {
  manager: EntityManager;
  case: CaseEntity;
  principal: Principal;
  /** Records a domain event of this case, published once the transaction commits. */
  emit<T extends EventType>(type: T, payload: EventPayloads[T]): Promise<void>;
  /** Records who changed what (field names and codes, never values). */
  audit(action: AuditAction, subject: string, subjectId: string | null, detail?: AuditDetail): Promise<void>;
}

/**
 * Runs a change to one case: lock, access check, the change, its events and its audit entry
 * commit together or not at all, so no half-written record and no event without its change.
 */
@Injectable()
export class CaseChanges {
  constructor(
    @InjectDataSource(CASES_DB) private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly outbox: Outbox,
    private readonly auditLog: AuditLog,
  ) {}

  apply<T>(principal: Principal, caseId: string, roles: readonly Role[], change: (tx: CaseChange) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.access.lockForChange(manager, principal, caseId, roles);
      const result = await change({
        manager,
        case: locked,
        principal,
        emit: (type, payload) =>
          this.outbox.record(manager, { type, caseId: locked.id, organisationId: locked.organisationId, payload }),
        audit: (action, subject, subjectId, detail) =>
          this.auditLog.record(manager, principal, { caseId: locked.id, action, subject, subjectId, detail }),
      });
      await manager.update(CaseEntity, { id: locked.id }, { updatedAt: new Date() });
      return result;
    });
  }
}
