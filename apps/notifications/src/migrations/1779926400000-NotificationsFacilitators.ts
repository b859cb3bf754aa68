import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facilitators (their token subject) and each case's facilitators, from the cases service's
 * events (the newest event wins), so a forwarded reply is read by the case's facilitators.
 * Ids only. Cases allocated before notifications heard these events have no row: their
 * replies stay with the coordinators.
 */
export class NotificationsFacilitators1779926400000 implements MigrationInterface {
  name = 'NotificationsFacilitators1779926400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE notifications.facilitator (
      id uuid PRIMARY KEY,
      organisation_id text NOT NULL,
      user_id text NULL,
      source_sequence bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE notifications.case_facilitators (
      case_id uuid PRIMARY KEY,
      organisation_id text NOT NULL,
      facilitator_ids uuid[] NOT NULL,
      source_sequence bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE notifications.case_facilitators`);
    await runner.query(`DROP TABLE notifications.facilitator`);
  }
}
