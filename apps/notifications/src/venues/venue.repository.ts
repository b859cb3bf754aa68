import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { VenueEntity } from './venue.entity';

const COLUMNS = `id, organisation_id AS "organisationId", kind, label, address, directions, time_zone AS "timeZone",
  source_sequence AS "sourceSequence", updated_at AS "updatedAt"`;

export type VenueFacts = Omit<VenueEntity, 'sourceSequence' | 'updatedAt'>;

@Injectable()
export class VenueRepository {
  /** Keeps the newest description only: an event older than the one stored (late, redelivered, out of order) changes nothing. */
  async upsertIfNewer(manager: EntityManager, v: VenueFacts, sequence: number): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.venue AS v (id, organisation_id, kind, label, address, directions, time_zone, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, kind = EXCLUDED.kind, label = EXCLUDED.label,
         address = EXCLUDED.address, directions = EXCLUDED.directions, time_zone = EXCLUDED.time_zone,
         source_sequence = EXCLUDED.source_sequence, updated_at = now()
       WHERE v.source_sequence < EXCLUDED.source_sequence`,
      [v.id, v.organisationId, v.kind, v.label, v.address, v.directions, v.timeZone, sequence],
    );
  }

  /** The venues of these sessions, in one read (a batch of reminders asks once). */
  async findMany(manager: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, VenueEntity>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows: VenueEntity[] = await manager.query(`SELECT ${COLUMNS} FROM notifications.venue WHERE id = ANY($1::uuid[])`, [wanted]);
    return new Map(rows.map((v) => [v.id, v]));
  }
}
