import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Planning runs: the instance given to the solver and the plan it proposed, kept for `schedule check`. */
export class SchedulingPlans1767484800000 implements MigrationInterface {
  name = 'SchedulingPlans1767484800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE scheduling.plan (
      id uuid PRIMARY KEY,
      organisation_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
      progress integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
      horizon_days integer NOT NULL,
      time_limit_ms integer NOT NULL,
      instance jsonb NULL,
      plan jsonb NULL,
      unplaceable jsonb NULL,
      error text NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz NULL
    )`);
    await runner.query(`CREATE INDEX plan_organisation ON scheduling.plan (organisation_id, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE scheduling.plan');
  }
}
