import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Busy time imported from a person's calendar file, kept apart so the next import replaces it. */
export class SchedulingCalendarImport1767571200000 implements MigrationInterface {
  name = 'SchedulingCalendarImport1767571200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE scheduling.availability_exception ADD COLUMN from_calendar boolean NOT NULL DEFAULT false');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE scheduling.availability_exception DROP COLUMN from_calendar');
  }
}
