import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What participants and coordinators say about a booked session: attendance confirmed and
 * reschedule requests, each for one session version (a reschedule bumps the version, so what
 * was said of the old time no longer counts), and whether it took place. Also the token
 * subject of a facilitator, to show them the sessions of their own cases, and a stable id
 * for each candidate time of a poll (given to polls made before).
 */
export class SchedulingReplies1767661200000 implements MigrationInterface {
  name = 'SchedulingReplies1767661200000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE scheduling.attendance_confirmation (
        session_id uuid NOT NULL REFERENCES scheduling.session (id),
        session_version integer NOT NULL,
        participant_id uuid NOT NULL,
        via text NOT NULL CHECK (via IN ('reply', 'coordinator')),
        confirmed_at timestamptz NOT NULL,
        PRIMARY KEY (session_id, session_version, participant_id)
      )`,
      `CREATE TABLE scheduling.reschedule_request (
        session_id uuid NOT NULL REFERENCES scheduling.session (id),
        session_version integer NOT NULL,
        participant_id uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        PRIMARY KEY (session_id, session_version, participant_id)
      )`,
      `CREATE TABLE scheduling.session_outcome (
        session_id uuid PRIMARY KEY REFERENCES scheduling.session (id),
        session_version integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('took-place', 'did-not-take-place')),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`,
      `ALTER TABLE scheduling.person ADD COLUMN user_id text NULL`,
      `CREATE INDEX person_facilitator_user ON scheduling.person (organisation_id, user_id) WHERE kind = 'facilitator'`,
      `UPDATE scheduling.poll p SET candidates = (
         SELECT jsonb_agg(c || jsonb_build_object('optionId', gen_random_uuid()) ORDER BY n)
         FROM jsonb_array_elements(p.candidates) WITH ORDINALITY AS t(c, n))
       WHERE jsonb_array_length(p.candidates) > 0`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    const statements = [
      `UPDATE scheduling.poll p SET candidates = (
         SELECT jsonb_agg(c - 'optionId' ORDER BY n) FROM jsonb_array_elements(p.candidates) WITH ORDINALITY AS t(c, n))
       WHERE jsonb_array_length(p.candidates) > 0`,
      'DROP INDEX scheduling.person_facilitator_user',
      'ALTER TABLE scheduling.person DROP COLUMN user_id',
      'DROP TABLE scheduling.session_outcome',
      'DROP TABLE scheduling.reschedule_request',
      'DROP TABLE scheduling.attendance_confirmation',
    ];
    for (const statement of statements) await runner.query(statement);
  }
}
