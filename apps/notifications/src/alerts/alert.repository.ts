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
    const [id] = await this.raiseAll(manager, [alert]);
    return id!;
  }

  async raiseAll(manager: EntityManager, alerts: NewAlert[]): Promise<string[]> {
    if (alerts.length === 0) return [];
    const rows = alerts.map((alert) => ({
      id: randomUUID(), organisation_id: alert.organisationId, case_id: alert.caseId, kind: alert.kind, session_id: alert.sessionId ?? null,
      participant_id: alert.participantId ?? null, message_id: alert.messageId ?? null, inbound_id: alert.inboundId ?? null,
      facilitator_ids: alert.facilitatorIds ?? [], detail: alert.detail,
    }));
    await manager.query(
      `INSERT INTO notifications.alert (id, organisation_id, case_id, kind, session_id, participant_id, message_id, inbound_id, facilitator_ids, detail)
       SELECT id, organisation_id, case_id, kind, session_id, participant_id, message_id, inbound_id, facilitator_ids, detail
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, organisation_id text, case_id uuid, kind text, session_id uuid, participant_id uuid,
         message_id uuid, inbound_id uuid, facilitator_ids uuid[], detail text)`,
      [JSON.stringify(rows)],
    );
    return rows.map((r) => r.id);
  }

  open(manager: EntityManager, organisationId: string, caseId: string | null): Promise<AlertEntity[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM notifications.alert WHERE organisation_id = $1 AND acknowledged_at IS NULL AND ($2::uuid IS NULL OR case_id = $2)
       ORDER BY created_at, id`,
      [organisationId, caseId],
    );
  }

  /** The replies these alerts point to, by inbound id; the text as stored (encrypted, or null for a reply word). */
  async replies(manager: EntityManager, inboundIds: readonly string[]): Promise<Map<string, { id: string; body: string | null; receivedAt: Date }>> {
    if (inboundIds.length === 0) return new Map();
    const rows: { id: string; body: string | null; receivedAt: Date }[] = await manager.query(
      `SELECT id, body, received_at AS "receivedAt" FROM notifications.inbound WHERE id = ANY($1::uuid[])`,
      [inboundIds],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  find(manager: EntityManager, id: string): Promise<AlertEntity | null> {
    return manager.query(`SELECT ${COLUMNS} FROM notifications.alert WHERE id = $1`, [id]).then((rows: AlertEntity[]) => rows[0] ?? null);
  }

  async acknowledge(manager: EntityManager, id: string, by: string): Promise<void> {
    await manager.query(`UPDATE notifications.alert SET acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL`, [id, by]);
  }
}
