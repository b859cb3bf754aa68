import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Availability polls: candidate times sent to one participant, and their answer, which becomes
 * dated availability (tied to the poll, so a second answer replaces the first).
 */
export class SchedulingPolls1767398400000 implements MigrationInterface {
  name = 'SchedulingPolls1767398400000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE scheduling.poll (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES scheduling.session (id),
        participant_id uuid NOT NULL REFERENCES scheduling.person (id),
        organisation_id text NOT NULL,
        candidates jsonb NOT NULL,
        chosen jsonb NULL,
        status text NOT NULL CHECK (status IN ('open', 'answered')),
        expires_at timestamptz NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz NULL
      )`,
      `CREATE INDEX poll_session ON scheduling.poll (session_id)`,
      `ALTER TABLE scheduling.availability_exception ADD COLUMN poll_id uuid NULL REFERENCES scheduling.poll (id)`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE scheduling.availability_exception DROP COLUMN poll_id');
    await runner.query('DROP TABLE scheduling.poll');
  }
}
