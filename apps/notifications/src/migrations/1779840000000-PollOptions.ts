import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The times each availability poll offers, as poll.opened gave them, so an SMS can list them
 * numbered and a reply by number can be read back: option n is options[n - 1] (start order).
 * Times and ids only, as the event carries them.
 */
export class PollOptions1779840000000 implements MigrationInterface {
  name = 'PollOptions1779840000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE notifications.poll (
      id uuid PRIMARY KEY,
      organisation_id text NOT NULL,
      case_id uuid NOT NULL,
      session_id uuid NOT NULL,
      participant_id uuid NOT NULL,
      options jsonb NOT NULL CHECK (jsonb_typeof(options) = 'array'),
      closes_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE notifications.poll`);
  }
}
