import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1 } from '#messaging';

/**
 * The scheduling schema. It holds no names or contact details: people are ids with the facts
 * scheduling needs (role, time zone, custody establishment, access and interpreter needs).
 * Double booking is impossible in the database itself: every person and non-remote venue of
 * a held or booked session has a `reservation` row, and no two rows of one resource overlap.
 */
export class SchedulingInitial1767312000000 implements MigrationInterface {
  name = 'SchedulingInitial1767312000000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      ...messagingTablesV1('scheduling'),
      // Once per database; IF NOT EXISTS because another service's schema may have made it.
      `CREATE EXTENSION IF NOT EXISTS btree_gist`,
      `CREATE TABLE scheduling.person (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('participant', 'facilitator')),
        organisation_id text NOT NULL,
        case_id uuid NULL,
        role text NOT NULL,
        supports_participant_id uuid NULL,
        language text NULL,
        time_zone text NOT NULL,
        in_custody boolean NOT NULL DEFAULT false,
        establishment text NULL,
        needs_accessible_venue boolean NOT NULL DEFAULT false,
        interpreter_language text NULL,
        active boolean NOT NULL DEFAULT true,
        removed_at timestamptz NULL,
        source_sequence bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT in_custody OR establishment IS NOT NULL)
      )`,
      `CREATE INDEX person_case ON scheduling.person (case_id)`,
      `CREATE TABLE scheduling."case" (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        stage text NULL,
        lead_facilitator_id uuid NULL,
        co_facilitator_id uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE scheduling.venue (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('community', 'prison', 'video')),
        label text NOT NULL,
        time_zone text NOT NULL,
        capacity integer NULL CHECK (capacity > 0),
        accessible boolean NOT NULL,
        establishment text NULL,
        hours jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'prison') = (establishment IS NOT NULL))
      )`,
      `CREATE INDEX venue_organisation ON scheduling.venue (organisation_id)`,
      `CREATE TABLE scheduling.availability_rule (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES scheduling.person (id),
        weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_time time NOT NULL,
        end_time time NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (start_time < end_time)
      )`,
      `CREATE INDEX availability_rule_person ON scheduling.availability_rule (person_id)`,
      `CREATE TABLE scheduling.availability_exception (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES scheduling.person (id),
        during tstzrange NOT NULL CHECK (NOT isempty(during)),
        available boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX availability_exception_person ON scheduling.availability_exception USING gist (person_id, during)`,
      `CREATE TABLE scheduling.session (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        organisation_id text NOT NULL,
        kind text NOT NULL,
        delivery text NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
        participant_ids uuid[] NOT NULL,
        facilitator_ids uuid[] NOT NULL,
        not_before timestamptz NULL,
        after_rules jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'held', 'booked', 'cancelled')),
        version integer NOT NULL,
        starts_at timestamptz NULL,
        ends_at timestamptz NULL,
        venue_id uuid NULL REFERENCES scheduling.venue (id),
        hold_expires_at timestamptz NULL,
        cancel_reason text NULL,
        requested_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status IN ('held', 'booked')) = (starts_at IS NOT NULL AND venue_id IS NOT NULL)),
        CHECK ((status = 'held') = (hold_expires_at IS NOT NULL))
      )`,
      `CREATE INDEX session_case ON scheduling.session (case_id)`,
      `CREATE INDEX session_organisation ON scheduling.session (organisation_id, status)`,
      `CREATE INDEX session_hold ON scheduling.session (hold_expires_at) WHERE status = 'held'`,
      `CREATE TABLE scheduling.reservation (
        id bigserial PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES scheduling.session (id),
        resource text NOT NULL,
        during tstzrange NOT NULL,
        EXCLUDE USING gist (resource WITH =, during WITH &&)
      )`,
      `CREATE INDEX reservation_session ON scheduling.reservation (session_id)`,
      `CREATE TABLE scheduling.session_change (
        id bigserial PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES scheduling.session (id),
        version integer NOT NULL,
        action text NOT NULL,
        status text NOT NULL,
        starts_at timestamptz NULL,
        venue_id uuid NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX session_change_session ON scheduling.session_change (session_id, id)`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA scheduling CASCADE');
  }
}
