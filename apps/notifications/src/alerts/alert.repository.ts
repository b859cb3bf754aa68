import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AlertEntity } from './alert.entity';

export type NewAlert = Pick<AlertEntity, 'organisationId' | 'caseId' | 'kind' | 'detail'> &
  Partial<Pick<AlertEntity, 'sessionId' | 'participantId' | 'messageId' | 'inboundId' | 'facilitatorIds'>>;

const COLUMNS = `id, organisation_id AS "organisationId", case_id AS "caseId", kind, session_id AS "sessionId",
  participant_id AS "participantId", message_id AS "messageId", inbound_id AS "inboundId", facilitator_ids AS "facilitatorIds",
  detail, created_at AS "createdAt", acknowledged_at AS "acknowledgedAt", acknowledged_by AS "acknowledgedBy"`;

@Injectable()
export class AlertRepository {
  async raise(manager: EntityManager, alert: NewAlert): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO notifications.alert (id, organisation_id, case_id, kind, session_id, participant_id, message_id, inbound_id, facilitator_ids, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, alert.organisationId, alert.caseId, alert.kind, alert.sessionId ?? null, alert.participantId ?? null, alert.messageId ?? null,
        alert.inboundId ?? null, alert.facilitatorIds ?? [], alert.detail],
    );
    return id;
  }

  open(manager: EntityManager, organisationId: string, caseId: string | null): Promise<AlertEntity[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM notifications.alert WHERE organisation_id = $1 AND acknowledged_at IS NULL AND ($2::uuid IS NULL OR case_id = $2)
       ORDER BY created_at, id`,
      [organisationId, caseId],
    );
  }

  find(manager: EntityManager, id: string): Promise<AlertEntity | null> {
    return manager.query(`SELECT ${COLUMNS} FROM notifications.alert WHERE id = $1`, [id]).then((rows: AlertEntity[]) => rows[0] ?? null);
  }

  async acknowledge(manager: EntityManager, id: string, by: string): Promise<void> {
    await manager.query(`UPDATE notifications.alert SET acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL`, [id, by]);
  }
}
