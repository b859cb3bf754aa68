import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SessionEntity } from './session.entity';

const COLUMNS = `id, case_id AS "caseId", organisation_id AS "organisationId", kind, version, status, starts_at AS "startsAt",
  ends_at AS "endsAt", venue_id AS "venueId", venue_kind AS "venueKind", participant_ids AS "participantIds",
  facilitator_ids AS "facilitatorIds", confirmed_participant_ids AS "confirmedParticipantIds", updated_at AS "updatedAt"`;

export type SessionFacts = Omit<SessionEntity, 'updatedAt' | 'confirmedParticipantIds'>;

@Injectable()
export class SessionRepository {
  /**
   * Keeps the newest version only: an event older than what is stored (late, or delivered out of
   * order) changes nothing. True when this version was stored. Taking the row lock here also waits
   * for any reminder that is deciding, under its share lock, whether to go.
   */
  async upsertIfNewer(manager: EntityManager, s: SessionFacts): Promise<boolean> {
    const stored: unknown[] = await manager.query(
      `INSERT INTO notifications.session AS s (id, case_id, organisation_id, kind, version, status, starts_at, ends_at, venue_id, venue_kind, participant_ids, facilitator_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
         starts_at = COALESCE(EXCLUDED.starts_at, s.starts_at), ends_at = COALESCE(EXCLUDED.ends_at, s.ends_at),
         venue_id = COALESCE(EXCLUDED.venue_id, s.venue_id), venue_kind = COALESCE(EXCLUDED.venue_kind, s.venue_kind),
         participant_ids = EXCLUDED.participant_ids, facilitator_ids = EXCLUDED.facilitator_ids,
         confirmed_participant_ids = '{}', updated_at = now()
       WHERE s.version < EXCLUDED.version
       RETURNING id`,
      [s.id, s.caseId, s.organisationId, s.kind, s.version, s.status, s.startsAt, s.endsAt, s.venueId, s.venueKind, s.participantIds, s.facilitatorIds],
    );
    return stored.length > 0;
  }

  async find(manager: EntityManager, id: string): Promise<SessionEntity | null> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM notifications.session WHERE id = $1`, [id]);
    return row ?? null;
  }

  async findMany(manager: EntityManager, ids: string[]): Promise<SessionEntity[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${COLUMNS} FROM notifications.session WHERE id = ANY($1)`, [ids]);
  }

  /** Sessions held still while messages about them are decided on, locked in id order (see `share`). */
  async shareMany(manager: EntityManager, ids: string[]): Promise<SessionEntity[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${COLUMNS} FROM notifications.session WHERE id = ANY($1) ORDER BY id FOR SHARE`, [ids]);
  }

  /** The session held still while a message about it is decided on: a new version waits until then. */
  async share(manager: EntityManager, id: string): Promise<SessionEntity | null> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM notifications.session WHERE id = $1 FOR SHARE`, [id]);
    return row ?? null;
  }

  async confirm(manager: EntityManager, id: string, version: number, participantId: string): Promise<void> {
    await manager.query(
      `UPDATE notifications.session SET confirmed_participant_ids = array_append(confirmed_participant_ids, $3::uuid)
       WHERE id = $1 AND version = $2 AND NOT ($3::uuid = ANY (confirmed_participant_ids))`,
      [id, version, participantId],
    );
  }
}
