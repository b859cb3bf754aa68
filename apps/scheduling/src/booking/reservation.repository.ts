import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toEntities } from '../entity-rows';
import { preparedQuery } from '../prepared-query';
import { SessionEntity } from '../sessions/session.entity';

/** A person or a venue, as the reservation table names it. */
export type Resource = `person:${string}` | `venue:${string}`;

/** Another session already holds one of the resources over an overlapping time. */
export class ReservationClash extends Error {
  constructor(
    /** Null only if Postgres's message could not be read. */
    readonly resource: Resource | null,
    readonly during: string | null,
  ) {
    super(`${resource ?? 'a person or venue'} is already reserved${during ? ` for ${during}` : ''}`);
  }
}

const EXCLUSION_VIOLATION = '23P01';

/** A placement asked for: the session, where and when, and how far the rules across sessions reach. */
export interface Placement {
  sessionId: string;
  venueId: string;
  start: Date;
  travelMinutes: number;
  separationMinutes: number;
}

/**
 * The reservation table: one row per person and non-remote venue of each held or booked
 * session, taken and released in the statement that saves the session's change
 * (`SessionRepository.record`). Its EXCLUDE constraint is the guarantee against double
 * booking; two transactions racing for one resource both reach Postgres, and one of them gets
 * `ReservationClash`. Here: what a placement waits for before it checks the rules the
 * reservations cannot see.
 */
@Injectable()
export class ReservationRepository {
  /**
   * Reads the session, then waits for, and holds until the transaction ends, what the rules a
   * reservation cannot see reach across: its case (the chain rules: alone when the session
   * follows others, shared otherwise, so unrelated sessions of a case go side by side), and at
   * an in-person venue each attendee's (interpreters of the case included) and the venue's UTC
   * days that its stretch touches with the travel time or the separation gap either side (two
   * sessions those rules tie always share such a day). A video session takes only the case's
   * lock: nobody travels to it, and it keeps nobody apart. Locks are taken in one order by
   * everyone, so placements wait for each other and never deadlock.
   *
   * The session is as it was before the wait: what the world is then read for, and what the
   * change is saved against (`SessionRepository.record` refuses it if it changed meanwhile).
   */
  async lockForPlacement(manager: EntityManager, placement: Placement): Promise<SessionEntity | null> {
    const rows = await preparedQuery(
      manager,
      'scheduling-placement-locks',
      `WITH s AS (SELECT * FROM scheduling.session WHERE id = $1),
       stretch AS (SELECT extract(epoch FROM $3::timestamptz) AS lo, extract(epoch FROM $3::timestamptz) + 60 * s.duration_minutes AS hi FROM s),
       in_person AS (SELECT EXISTS (SELECT 1 FROM scheduling.venue WHERE id = $2::uuid AND kind <> 'video') AS yes),
       keys AS (
         SELECT 'case:' || s.case_id AS name, 0 AS day, jsonb_array_length(s.after_rules) > 0 AS alone FROM s
         UNION ALL
         SELECT 'person:' || p, d, true
         FROM s, stretch, in_person,
           unnest(s.participant_ids || s.facilitator_ids || ARRAY(SELECT id FROM scheduling.person WHERE case_id = s.case_id AND role = 'interpreter')) AS p,
           generate_series(floor((stretch.lo - 60 * $4::int) / 86400)::int, ceil((stretch.hi + 60 * $4::int) / 86400)::int - 1) AS d
         WHERE in_person.yes
         UNION ALL
         SELECT 'venue:' || $2::uuid, d, true
         FROM stretch, in_person, generate_series(floor((stretch.lo - 60 * $5::int) / 86400)::int, ceil((stretch.hi + 60 * $5::int) / 86400)::int - 1) AS d
         WHERE in_person.yes
       )
       SELECT row_to_json(s) AS session, (
         SELECT count(CASE WHEN alone THEN pg_advisory_xact_lock(hashtext(name), day)::text ELSE pg_advisory_xact_lock_shared(hashtext(name), day)::text END)
         FROM (SELECT name, day, alone FROM (SELECT DISTINCT name, day, alone FROM keys) AS k ORDER BY hashtext(name), day, alone DESC) AS ordered
       ) AS locks
       FROM s`,
      [placement.sessionId, placement.venueId, placement.start, placement.travelMinutes, placement.separationMinutes],
    );
    return toEntities(manager, SessionEntity, rows.map((row) => row.session as Record<string, unknown>), true)[0] ?? null;
  }
}

// Postgres names the clashing key in the error detail: `Key (resource, during)=(person:…, [...)) conflicts with existing key (...)`.
export function clashOf(error: unknown): ReservationClash | null {
  const driverError = (error as { driverError?: { code?: string; detail?: string } }).driverError ?? (error as { code?: string; detail?: string });
  if (driverError.code !== EXCLUSION_VIOLATION) return null;
  const match = /existing key \(resource, during\)=\(((?:person|venue):[0-9a-f-]+), (.+)\)\.?$/.exec(driverError.detail ?? '');
  if (!match) return new ReservationClash(null, null);
  return new ReservationClash(match[1] as Resource, match[2]!);
}
