import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toEntities } from '../entity-rows';
import { PersonEntity } from '../people/person.entity';
import { preparedQuery } from '../prepared-query';
import { SessionEntity } from '../sessions/session.entity';
import { VenueEntity } from '../venues/venue.entity';
import type { Span, WeeklyWindow } from '../venues/weekly-hours';

/** What some sessions' world is built from: a superset the builder narrows down, read at once. */
export interface WorldRows {
  /** The cases' people still on them, the people named, and everyone in a session read. */
  people: PersonEntity[];
  /** The organisation's venues in their order of preference (oldest first), then others' used by a session read. */
  venues: VenueEntity[];
  /** Held (not lapsed) and booked sessions reserving a person of the cases, a person named or a room of the organisation within the stretch. */
  reserved: SessionEntity[];
  /** The cases' held (not lapsed) and booked sessions, whenever they are: the chain rules' neighbours. */
  caseSessions: SessionEntity[];
  /** Weekly windows and dated exceptions within the stretch, of the cases' people and the people named. */
  weekly: Map<string, WeeklyWindow[]>;
  exceptions: Map<string, { span: Span; available: boolean }[]>;
}

export interface WorldQuery {
  caseIds: string[];
  /** Besides the cases' people: the sessions' participants and facilitators. */
  personIds: string[];
  organisationId: string;
  from: number;
  to: number;
  /** A hold that lapsed by then no longer counts. */
  now: Date;
}

// A hold counts until it lapses, whether or not the sweep has put it back to pending yet.
const PLACED = `(status = 'booked' OR (status = 'held' AND hold_expires_at > $6))`;

/**
 * The reads of a suggestion, a booking's check or a plan in one statement: one round trip, and
 * one snapshot, so the parts agree with each other. Sessions around are found through their
 * reservations (the EXCLUDE constraint's GiST index on resource and time), not a scan.
 */
const WORLD_SQL = `
  WITH case_people AS (
    SELECT * FROM scheduling.person WHERE case_id = ANY($1::uuid[]) AND removed_at IS NULL
  ), named_people AS (
    SELECT * FROM scheduling.person WHERE id = ANY($2::uuid[]) AND NOT coalesce(case_id = ANY($1::uuid[]) AND removed_at IS NULL, false)
  ), org_venues AS (
    SELECT * FROM scheduling.venue WHERE organisation_id = $3
  ), resources AS (
    SELECT 'person:' || id AS resource FROM case_people
    UNION SELECT 'person:' || id FROM unnest($2::uuid[]) AS id
    UNION SELECT 'venue:' || id FROM org_venues WHERE kind <> 'video'
  ), reserved AS (
    SELECT * FROM scheduling.session WHERE ${PLACED} AND id = ANY(ARRAY(
      SELECT r.session_id FROM resources, LATERAL (
        -- OFFSET 0 keeps this a probe of the (resource, during) index per resource, not a scan of the whole stretch.
        SELECT session_id FROM scheduling.reservation WHERE resource = resources.resource AND during && tstzrange($4, $5, '[)') OFFSET 0) AS r))
  ), others AS (
    SELECT * FROM scheduling.person WHERE id = ANY(ARRAY(
      SELECT unnest(participant_ids || facilitator_ids) FROM reserved
      EXCEPT SELECT id FROM case_people EXCEPT SELECT unnest($2::uuid[])))
  ), attendees AS (
    SELECT id FROM case_people UNION SELECT id FROM named_people
  )
  SELECT
    (SELECT coalesce(json_agg(p), '[]') FROM (SELECT * FROM case_people UNION ALL SELECT * FROM named_people UNION ALL SELECT * FROM others) p) AS people,
    (SELECT coalesce(json_agg(v ORDER BY v.organisation_id <> $3, v.created_at, v.id), '[]') FROM scheduling.venue v
      WHERE v.organisation_id = $3 OR v.id IN (SELECT venue_id FROM reserved)) AS venues,
    (SELECT coalesce(json_agg(s), '[]') FROM reserved s) AS reserved,
    (SELECT coalesce(json_agg(s), '[]') FROM scheduling.session s WHERE case_id = ANY($1::uuid[]) AND ${PLACED}) AS case_sessions,
    (SELECT coalesce(json_agg(json_build_object('p', person_id, 'd', weekday, 's', start_time, 'e', end_time) ORDER BY weekday, start_time), '[]')
      FROM scheduling.availability_rule WHERE person_id = ANY(ARRAY(SELECT id FROM attendees))) AS weekly,
    (SELECT coalesce(json_agg(json_build_object('p', person_id, 's', extract(epoch FROM lower(during)) * 1000, 'e', extract(epoch FROM upper(during)) * 1000, 'a', available)
        ORDER BY lower(during)), '[]')
      FROM scheduling.availability_exception WHERE person_id = ANY(ARRAY(SELECT id FROM attendees)) AND during && tstzrange($4, $5, '[)')) AS exceptions`;

/** The statement's one row: entities' rows as Postgres writes them in JSON, availability in short keys. */
interface WorldRow {
  people: Record<string, unknown>[];
  venues: Record<string, unknown>[];
  reserved: Record<string, unknown>[];
  case_sessions: Record<string, unknown>[];
  /** Person, ISO weekday, start and end as HH:MM:SS. */
  weekly: { p: string; d: number; s: string; e: string }[];
  /** Person, start and end in epoch ms, available or busy. */
  exceptions: { p: string; s: number; e: number; a: boolean }[];
}

/** The world's reads. */
@Injectable()
export class WorldRepository {
  async read(manager: EntityManager, query: WorldQuery): Promise<WorldRows> {
    const [row] = await preparedQuery<WorldRow>(manager, 'scheduling-world', WORLD_SQL, [
      query.caseIds,
      query.personIds,
      query.organisationId,
      new Date(query.from),
      new Date(query.to),
      query.now,
    ]);
    const weekly = new Map<string, WeeklyWindow[]>();
    for (const w of row!.weekly) {
      // Postgres writes a time as HH:MM:SS, and midnight at the end of a day as 24:00:00.
      push(weekly, w.p, { weekday: w.d, start: w.s.slice(0, 5), end: w.e.slice(0, 5) });
    }
    const exceptions = new Map<string, { span: Span; available: boolean }[]>();
    for (const e of row!.exceptions) push(exceptions, e.p, { span: [e.s, e.e], available: e.a });
    return {
      people: toEntities(manager, PersonEntity, row!.people, true),
      venues: toEntities(manager, VenueEntity, row!.venues, true),
      reserved: toEntities(manager, SessionEntity, row!.reserved, true),
      caseSessions: toEntities(manager, SessionEntity, row!.case_sessions, true),
      weekly,
      exceptions,
    };
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
