import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import { AuditAction, AuditDetail, AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  caseId: string | null;
  action: AuditAction;
  /** What was touched: case, participant, consent, note, ... */
  subject: string;
  subjectId?: string | null;
  /** Field names and codes only, never values. */
  detail?: AuditDetail;
}

/** Writes the audit trail of case records, in the transaction of the read or change it records. */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, principal: Principal, record: AuditRecord): Promise<void> {
    await this.recordAll(manager, [{ principal, record }]);
  }

  /** Several entries in one statement (a batch read by another service). */
  async recordAll(manager: EntityManager, entries: { principal: Principal; record: AuditRecord }[]): Promise<void> {
    if (entries.length === 0) return;
    const at = new Date();
    await manager.insert(
      AuditEntryEntity,
      entries.map(({ principal, record }) => ({
        caseId: record.caseId,
        actorUserId: principal.userId,
        actorRoles: principal.roles,
        organisationId: principal.organisationId,
        action: record.action,
        subject: record.subject,
        subjectId: record.subjectId ?? null,
        detail: record.detail ?? null,
        at,
      })),
    );
  }

  async forCase(manager: EntityManager, caseId: string, limit: number, beforeId?: string): Promise<AuditEntryEntity[]> {
    const query = manager
      .createQueryBuilder(AuditEntryEntity, 'a')
      .where('a.case_id = :caseId', { caseId })
      .orderBy('a.id', 'DESC')
      .limit(limit);
    if (beforeId) query.andWhere('a.id < :beforeId', { beforeId });
    return query.getMany();
  }
}
