import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReminderEntity, ReminderKind } from './reminder.entity';
import type { ReminderSettingsRow } from './reminder-plan';

const COLUMNS = `id, organisation_id AS "organisationId", case_id AS "caseId", session_id AS "sessionId",
  participant_id AS "participantId", kind, session_version AS "sessionVersion", poll_id AS "pollId", due_at AS "dueAt",
  status, outcome, created_at AS "createdAt", updated_at AS "updatedAt"`;

export type NewReminder = Pick<ReminderEntity, 'id' | 'organisationId' | 'caseId' | 'sessionId' | 'participantId' | 'kind' | 'sessionVersion' | 'pollId' | 'dueAt'>;

export interface DueReminder {
  id: string;
  dueAt: Date;
}

@Injectable()
export class ReminderRepository {
  /** Plans reminders; one already planned (same session, participant, kind and version) stays as it is. */
  async plan(manager: EntityManager, reminders: NewReminder[]): Promise<void> {
    if (reminders.length === 0) return;
    await manager.query(
      `INSERT INTO notifications.reminder (id, organisation_id, case_id, session_id, participant_id, kind, session_version, poll_id, due_at, status)
       SELECT r.id, r.organisation_id, r.case_id, r.session_id, r.participant_id, r.kind, r.session_version, r.poll_id, r.due_at, 'planned'
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, organisation_id text, case_id uuid, session_id uuid, participant_id uuid,
         kind text, session_version int, poll_id uuid, due_at timestamptz)
       ON CONFLICT (session_id, participant_id, kind, session_version, poll_id) DO NOTHING`,
      [
        JSON.stringify(
          reminders.map((r) => ({
            id: r.id,
            organisation_id: r.organisationId,
            case_id: r.caseId,
            session_id: r.sessionId,
            participant_id: r.participantId,
            kind: r.kind,
            session_version: r.sessionVersion,
            poll_id: r.pollId,
            due_at: r.dueAt.toISOString(),
          })),
        ),
      ],
    );
  }

  /** Reminders of earlier versions that had not gone yet: they never will. */
  async dropOlderThan(manager: EntityManager, sessionId: string, version: number, outcome: string): Promise<void> {
    await manager.query(
      `UPDATE notifications.reminder SET status = 'dropped', outcome = $3, updated_at = now()
       WHERE session_id = $1 AND session_version < $2 AND status = 'planned'`,
      [sessionId, version, outcome],
    );
  }

  async findMany(manager: EntityManager, ids: string[]): Promise<ReminderEntity[]> {
    return manager.query(`SELECT ${COLUMNS} FROM notifications.reminder WHERE id = ANY($1)`, [ids]);
  }

  // UPDATE ... RETURNING is read through a CTE: TypeORM answers a bare UPDATE with [rows, count].

  /**
   * planned → messaged, once: the ids claimed now (not those another run or a drop got first).
   * Rows are locked in id order, so two batches that share a reminder wait rather than deadlock.
   */
  async claim(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `WITH u AS (
         UPDATE notifications.reminder r SET status = 'messaged', updated_at = now()
         FROM (SELECT id FROM notifications.reminder WHERE id = ANY($1) AND status = 'planned' ORDER BY id FOR UPDATE) c
         WHERE r.id = c.id AND r.status = 'planned' RETURNING r.id)
       SELECT id FROM u`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Reminders already messaged, held while another channel is tried for them: the ids still so. */
  async lockMessaged(manager: EntityManager, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM notifications.reminder WHERE id = ANY($1) AND status = 'messaged' ORDER BY id FOR UPDATE`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Planned reminders that will never go, each with why: the ids dropped now. */
  async drop(manager: EntityManager, drops: { id: string; outcome: string }[]): Promise<Set<string>> {
    if (drops.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `WITH u AS (
         UPDATE notifications.reminder r SET status = 'dropped', outcome = x.outcome, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, outcome text) WHERE r.id = x.id AND r.status = 'planned' RETURNING r.id)
       SELECT id FROM u`,
      [JSON.stringify(drops)],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Planned reminders due in quiet hours, moved to their end. */
  async defer(manager: EntityManager, defers: { id: string; dueAt: Date }[]): Promise<void> {
    if (defers.length === 0) return;
    await manager.query(
      `UPDATE notifications.reminder r SET due_at = x.due_at, outcome = 'deferred-quiet-hours', updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, due_at timestamptz) WHERE r.id = x.id AND r.status = 'planned'`,
      [JSON.stringify(defers.map((d) => ({ id: d.id, due_at: d.dueAt.toISOString() })))],
    );
  }

  /** A case's reminders deferred by quiet hours and still to go: the message log shows them as planned. */
  deferredOfCase(manager: EntityManager, organisationId: string, caseId: string): Promise<ReminderEntity[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM notifications.reminder
       WHERE organisation_id = $1 AND case_id = $2 AND status = 'planned' AND outcome = 'deferred-quiet-hours' ORDER BY created_at, id`,
      [organisationId, caseId],
    );
  }

  /** Reminders still planned and due before this time: what the sweeper makes sure has a job. */
  plannedBefore(manager: EntityManager, before: Date, limit: number): Promise<DueReminder[]> {
    return manager.query(
      `SELECT id, due_at AS "dueAt" FROM notifications.reminder WHERE status = 'planned' AND due_at < $1 ORDER BY due_at LIMIT $2`,
      [before, limit],
    );
  }

  ofSession(manager: EntityManager, sessionId: string): Promise<ReminderEntity[]> {
    return manager.query(`SELECT ${COLUMNS} FROM notifications.reminder WHERE session_id = $1 ORDER BY session_version, due_at, kind`, [sessionId]);
  }

  settings(manager: EntityManager, organisationId: string, participantIds: string[]): Promise<ReminderSettingsRow[]> {
    return manager.query(
      `SELECT session_kind AS "sessionKind", participant_id AS "participantId", confirmation, offsets_minutes AS "offsetsMinutes"
       FROM notifications.reminder_plan WHERE organisation_id = $1 AND (participant_id IS NULL OR participant_id = ANY($2))`,
      [organisationId, participantIds],
    );
  }

  async saveSettings(
    manager: EntityManager,
    row: ReminderSettingsRow & { id: string; organisationId: string; updatedBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.reminder_plan (id, organisation_id, session_kind, participant_id, confirmation, offsets_minutes, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organisation_id, session_kind, participant_id) DO UPDATE
       SET confirmation = EXCLUDED.confirmation, offsets_minutes = EXCLUDED.offsets_minutes, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [row.id, row.organisationId, row.sessionKind, row.participantId, row.confirmation, row.offsetsMinutes, row.updatedBy],
    );
  }
}

export type { ReminderKind };
