import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a report narrows a cohort by: scope, referral time and the three filters. */
const SPAN_COLUMNS: Record<string, string> = {
  organisation_id: 'text',
  partnership_id: 'text',
  received_at: 'timestamptz',
  source: 'text',
  offence_category: 'text',
  justice_stage: 'text',
};

/** The filters and every referral field the figures count by. */
const CASE_COLUMNS: Record<string, string> = {
  ...SPAN_COLUMNS,
  initiated_by: 'text',
  age_group: 'text',
  domestic_abuse: 'boolean',
  sexual_offence: 'boolean',
  hate_crime: 'boolean',
};

const addColumns = (columns: Record<string, string>) =>
  Object.entries(columns).map(([column, type]) => `ADD COLUMN ${column} ${type} NULL`).join(', ');
const copyColumns = (columns: Record<string, string>) => Object.keys(columns).map((column) => `${column} = c.${column}`).join(', ');
/** partnership_id stays nullable as in case_fact; the rest are filled for every referred case. */
const notNull = (columns: Record<string, string>) =>
  Object.keys(columns).filter((column) => column !== 'partnership_id').map((column) => `ALTER COLUMN ${column} SET NOT NULL`).join(', ');

/**
 * The referral fields a report filters and counts by, copied onto `case_progress` and
 * `stage_span` when they are recomputed, so a report aggregates each table alone, narrowed by
 * an index on scope and referral time, and never joins them to `case_fact`. A case now has a
 * progress row and spans only once its referral is known (no cohort could count it before).
 * Existing rows are filled from `case_fact` here; a replay recomputes them the same way.
 */
export class ReportingFlatCases1767312000000 implements MigrationInterface {
  name = 'ReportingFlatCases1767312000000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `DELETE FROM reporting.case_progress p WHERE NOT EXISTS (SELECT 1 FROM reporting.case_fact c WHERE c.case_id = p.case_id)`,
      `DELETE FROM reporting.stage_span s WHERE NOT EXISTS (SELECT 1 FROM reporting.case_fact c WHERE c.case_id = s.case_id)`,
      `INSERT INTO reporting.case_progress (case_id, current_stage, reached, deliveries, ended)
       SELECT c.case_id, 'referred', '{}', '{}', false FROM reporting.case_fact c ON CONFLICT (case_id) DO NOTHING`,
      `ALTER TABLE reporting.case_progress ${addColumns(CASE_COLUMNS)},
        ADD COLUMN first_contact_hours float8 NULL, ADD COLUMN close_hours float8 NULL`,
      `UPDATE reporting.case_progress p SET ${copyColumns(CASE_COLUMNS)},
        first_contact_hours = extract(epoch FROM p.first_contact_at - c.received_at)::float8 / 3600,
        close_hours = extract(epoch FROM p.closed_at - c.received_at)::float8 / 3600
       FROM reporting.case_fact c WHERE c.case_id = p.case_id`,
      `ALTER TABLE reporting.case_progress ${notNull(CASE_COLUMNS)}`,
      `ALTER TABLE reporting.stage_span ${addColumns(SPAN_COLUMNS)}`,
      `UPDATE reporting.stage_span s SET ${copyColumns(SPAN_COLUMNS)} FROM reporting.case_fact c WHERE c.case_id = s.case_id`,
      `ALTER TABLE reporting.stage_span ${notNull(SPAN_COLUMNS)}`,
      `CREATE INDEX case_progress_organisation ON reporting.case_progress (organisation_id, received_at)`,
      `CREATE INDEX case_progress_partnership ON reporting.case_progress (partnership_id, received_at)`,
      `CREATE INDEX stage_span_organisation ON reporting.stage_span (organisation_id, received_at)`,
      `CREATE INDEX stage_span_partnership ON reporting.stage_span (partnership_id, received_at)`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    const drop = (columns: Record<string, string>) => Object.keys(columns).map((column) => `DROP COLUMN ${column}`).join(', ');
    await runner.query(`ALTER TABLE reporting.stage_span ${drop(SPAN_COLUMNS)}`);
    await runner.query(`ALTER TABLE reporting.case_progress ${drop(CASE_COLUMNS)}, DROP COLUMN first_contact_hours, DROP COLUMN close_hours`);
  }
}
