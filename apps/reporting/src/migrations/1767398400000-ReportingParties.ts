import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The parties offered RJ on each case and those who took part, by role, kept on `case_progress`
 * when it is recomputed (projections/case-progress.ts), so a report sums them with the other
 * case totals instead of joining participants to their consents. Existing rows are filled here
 * with the same rule; a replay recomputes them.
 */
export class ReportingParties1767398400000 implements MigrationInterface {
  name = 'ReportingParties1767398400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE reporting.case_progress ADD COLUMN harmed_offered integer NOT NULL DEFAULT 0,
      ADD COLUMN harmed_took_part integer NOT NULL DEFAULT 0, ADD COLUMN responsible_offered integer NOT NULL DEFAULT 0,
      ADD COLUMN responsible_took_part integer NOT NULL DEFAULT 0`);
    await runner.query(`UPDATE reporting.case_progress p SET harmed_offered = parties.harmed_offered,
        harmed_took_part = parties.harmed_took_part, responsible_offered = parties.responsible_offered,
        responsible_took_part = parties.responsible_took_part
      FROM (
        SELECT f.case_id, count(*) FILTER (WHERE f.role = 'person-harmed') AS harmed_offered,
          count(*) FILTER (WHERE f.role = 'person-harmed' AND f.took_part) AS harmed_took_part,
          count(*) FILTER (WHERE f.role = 'person-responsible') AS responsible_offered,
          count(*) FILTER (WHERE f.role = 'person-responsible' AND f.took_part) AS responsible_took_part
        FROM (SELECT f.case_id, f.role, EXISTS (SELECT 1 FROM reporting.consent_fact k WHERE k.participant_id = f.participant_id
                AND k.scope = 'participation' AND k.given_at <= g.first_delivered_at
                AND (k.withdrawn_at IS NULL OR k.withdrawn_at > g.first_delivered_at)) AS took_part
              FROM reporting.participant_fact f JOIN reporting.case_progress g USING (case_id) WHERE NOT f.removed) f
        GROUP BY 1
      ) parties WHERE parties.case_id = p.case_id`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE reporting.case_progress DROP COLUMN harmed_offered, DROP COLUMN harmed_took_part,
      DROP COLUMN responsible_offered, DROP COLUMN responsible_took_part`);
  }
}
