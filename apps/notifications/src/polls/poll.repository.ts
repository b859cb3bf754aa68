import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PollEntity } from './poll.entity';

const COLUMNS = `id, organisation_id AS "organisationId", case_id AS "caseId", session_id AS "sessionId", participant_id AS "participantId",
  options, closes_at AS "closesAt", created_at AS "createdAt"`;

export type NewPoll = Omit<PollEntity, 'createdAt'>;

@Injectable()
export class PollRepository {
  /** Keeps a poll as first told: poll.opened delivered again changes nothing. */
  async keep(manager: EntityManager, poll: NewPoll): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.poll (id, organisation_id, case_id, session_id, participant_id, options, closes_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [poll.id, poll.organisationId, poll.caseId, poll.sessionId, poll.participantId, JSON.stringify(poll.options), poll.closesAt],
    );
  }

  async findMany(manager: EntityManager, ids: string[]): Promise<PollEntity[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${COLUMNS} FROM notifications.poll WHERE id = ANY($1)`, [ids]);
  }

  /** The poll a reminder (of kind poll) was planned for. */
  async ofReminder(manager: EntityManager, reminderId: string): Promise<PollEntity | null> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM notifications.poll WHERE id = (SELECT poll_id FROM notifications.reminder WHERE id = $1)`,
      [reminderId],
    );
    return row ?? null;
  }
}
