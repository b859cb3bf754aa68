import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Venues as scheduling's `venue.saved` describes them (the newest event wins), so a message can
 * say where its session is. A venue is an organisation's place, not a person's: kept in clear.
 */
export class NotificationsVenues1779753600000 implements MigrationInterface {
  name = 'NotificationsVenues1779753600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE notifications.venue (
      id uuid PRIMARY KEY,
      organisation_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('community', 'prison', 'video')),
      label text NOT NULL,
      address text NULL,
      directions text NULL,
      time_zone text NOT NULL,
      source_sequence bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE notifications.venue`);
  }
}
