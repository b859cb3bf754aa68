import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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
const DAY_MS = 86_400_000;

/**
 * The reservation table: one row per person and non-remote venue of each held or booked
 * session. Its EXCLUDE constraint is the guarantee against double booking; two transactions
 * racing for one resource both reach Postgres, and one of them gets `ReservationClash`.
 */
@Injectable()
export class ReservationRepository {
  async reserve(manager: EntityManager, sessionId: string, resources: Resource[], start: Date, end: Date): Promise<void> {
    try {
      // In one order for everyone: two bookings waiting on each other's rows would deadlock.
      await manager.query(
        `INSERT INTO scheduling.reservation (session_id, resource, during)
         SELECT $1, resource, tstzrange($3, $4, '[)') FROM unnest($2::text[]) WITH ORDINALITY AS r(resource, n) ORDER BY n`,
        [sessionId, [...resources].sort(), start, end],
      );
    } catch (error) {
      throw clashOf(error) ?? error;
    }
  }

  /**
   * Waits for, then holds until the transaction ends, the venue for each UTC day that
   * [from, to) touches (epoch ms): bookings whose stretches overlap share a day, and take
   * their days in one order, so they run one after the other and never wait on each other.
   */
  async lockVenue(manager: EntityManager, venueId: string, from: number, to: number): Promise<void> {
    const days: number[] = [];
    for (let day = Math.floor(from / DAY_MS); day <= Math.floor((to - 1) / DAY_MS); day += 1) days.push(day);
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1), day) FROM (SELECT unnest($2::int[]) AS day ORDER BY 1) AS d`, [`venue:${venueId}`, days]);
  }

  async release(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query('DELETE FROM scheduling.reservation WHERE session_id = $1', [sessionId]);
  }
}

// Postgres names the clashing key in the error detail: `Key (resource, during)=(person:…, [...)) conflicts with existing key (...)`.
function clashOf(error: unknown): ReservationClash | null {
  const driverError = (error as { driverError?: { code?: string; detail?: string } }).driverError ?? (error as { code?: string; detail?: string });
  if (driverError.code !== EXCLUSION_VIOLATION) return null;
  const match = /existing key \(resource, during\)=\(((?:person|venue):[0-9a-f-]+), (.+)\)\.?$/.exec(driverError.detail ?? '');
  if (!match) return new ReservationClash(null, null);
  return new ReservationClash(match[1] as Resource, match[2]!);
}
