import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectEntities } from '../entity-rows';
import type { SessionEntity } from '../sessions/session.entity';
import { AttendanceConfirmationEntity, RescheduleRequestEntity, SessionOutcomeEntity } from './attendance.entity';

/** What has been said about sessions' current versions: confirmations, reschedule requests, outcome. */
export interface SessionRecord {
  confirmations: AttendanceConfirmationEntity[];
  rescheduleRequests: RescheduleRequestEntity[];
  outcome: SessionOutcomeEntity | null;
}

@Injectable()
export class AttendanceRepository {
  /** True when this is the first confirmation of the participant for this version. */
  async confirm(manager: EntityManager, row: AttendanceConfirmationEntity): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO scheduling.attendance_confirmation (session_id, session_version, participant_id, via, confirmed_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [row.sessionId, row.sessionVersion, row.participantId, row.via, row.confirmedAt],
    );
    return inserted.length === 1;
  }

  /** True when this is the participant's first request to move this version. */
  async requestReschedule(manager: EntityManager, row: RescheduleRequestEntity): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO scheduling.reschedule_request (session_id, session_version, participant_id, requested_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [row.sessionId, row.sessionVersion, row.participantId, row.requestedAt],
    );
    return inserted.length === 1;
  }

  /** Records or corrects the outcome; false when it was already this one. */
  async recordOutcome(manager: EntityManager, row: SessionOutcomeEntity): Promise<boolean> {
    const changed: unknown[] = await manager.query(
      `INSERT INTO scheduling.session_outcome (session_id, session_version, outcome, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id) DO UPDATE SET session_version = EXCLUDED.session_version, outcome = EXCLUDED.outcome,
         recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
       WHERE (session_outcome.outcome, session_outcome.session_version) IS DISTINCT FROM (EXCLUDED.outcome, EXCLUDED.session_version)
       RETURNING 1`,
      [row.sessionId, row.sessionVersion, row.outcome, row.recordedBy, row.recordedAt],
    );
    return changed.length === 1;
  }

  /** The record of each session's current version, by session id. */
  async ofSessions(manager: EntityManager, sessions: readonly Pick<SessionEntity, 'id' | 'version'>[]): Promise<Map<string, SessionRecord>> {
    const records = new Map<string, SessionRecord>(sessions.map((s) => [s.id, { confirmations: [], rescheduleRequests: [], outcome: null }]));
    if (sessions.length === 0) return records;
    const parameters = [sessions.map((s) => s.id), sessions.map((s) => s.version)];
    const current = `(session_id, session_version) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))`;
    // One after the other: the manager may be a transaction's, whose one connection runs one query at a time.
    const confirmations = await selectEntities(manager, AttendanceConfirmationEntity, `SELECT * FROM scheduling.attendance_confirmation WHERE ${current} ORDER BY confirmed_at, participant_id`, parameters);
    const requests = await selectEntities(manager, RescheduleRequestEntity, `SELECT * FROM scheduling.reschedule_request WHERE ${current} ORDER BY requested_at, participant_id`, parameters);
    const outcomes = await selectEntities(manager, SessionOutcomeEntity, 'SELECT * FROM scheduling.session_outcome WHERE session_id = ANY($1::uuid[])', [parameters[0]]);
    for (const c of confirmations) records.get(c.sessionId)!.confirmations.push(c);
    for (const r of requests) records.get(r.sessionId)!.rescheduleRequests.push(r);
    for (const o of outcomes) records.get(o.sessionId)!.outcome = o;
    return records;
  }
}
