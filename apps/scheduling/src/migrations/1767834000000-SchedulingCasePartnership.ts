import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partnership of each case, from the cases service's referral event, so a partnership lead
 * can read the sessions of the partnership's other organisations. Cases referred before
 * scheduling heard referrals keep none: their referral events were never sent here.
 */
export class SchedulingCasePartnership1767834000000 implements MigrationInterface {
  name = 'SchedulingCasePartnership1767834000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scheduling."case" ADD COLUMN partnership_id text NULL`);
    await runner.query(`CREATE INDEX case_partnership ON scheduling."case" (partnership_id) WHERE partnership_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX scheduling.case_partnership');
    await runner.query(`ALTER TABLE scheduling."case" DROP COLUMN partnership_id`);
  }
}
