import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The message log lists a case's reminders deferred by quiet hours: found by case, few rows each. */
export class ReminderDeferredIndex1779408000000 implements MigrationInterface {
  name = 'ReminderDeferredIndex1779408000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX reminder_deferred ON notifications.reminder (case_id) WHERE status = 'planned' AND outcome = 'deferred-quiet-hours'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX notifications.reminder_deferred`);
  }
}
