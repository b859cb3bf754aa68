import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a report narrows a cohort by (as stage_span carries them, 1767312000000-ReportingFlatCases.ts). */
const SPAN_COLUMNS = `organisation_id text NOT NULL, partnership_id text NULL, received_at timestamptz NOT NULL, source text NOT NULL,
  offence_category text NOT NULL, justice_stage text NOT NULL`;
const SPAN_FIELDS = 'organisation_id, partnership_id, received_at, source, offence_category, justice_stage';

/**
 * Summaries a report reads instead of grouping every fact: each session as the figures count it
 * (projections/session.projections.ts), and each case's messages counted by channel, purpose,
 * latest status and held, with the referral's fields (projections/case-progress.ts). Both are
 * recomputed from the facts when an event touches them; filled here from the facts already
 * there, by the same rules.
 */
export class ReportingSummaries1767571200000 implements MigrationInterface {
  name = 'ReportingSummaries1767571200000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE reporting.session_fact (
        session_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        booked boolean NOT NULL,
        moves integer NOT NULL,
        cancelled boolean NOT NULL,
        cancel_reason text NULL,
        outcome text NULL
      )`,
      `CREATE INDEX session_fact_case ON reporting.session_fact (case_id)`,
      `INSERT INTO reporting.session_fact (session_id, case_id, kind, booked, moves, cancelled, cancel_reason, outcome)
       SELECT coalesce(c.session_id, o.session_id), coalesce(c.case_id, o.case_id), coalesce(c.kind, o.kind), coalesce(c.booked, false),
         coalesce(c.moves, 0), coalesce(c.cancelled, false), c.cancel_reason, o.outcome
       FROM (
         SELECT s.session_id, s.case_id, s.kind, bool_or(s.change <> 'cancelled' OR s.was_booked) AS booked,
           count(*) FILTER (WHERE s.change = 'rescheduled') AS moves,
           coalesce(max(s.version) FILTER (WHERE s.change = 'cancelled') = max(s.version), false) AS cancelled,
           max(s.cancel_reason) AS cancel_reason
         FROM reporting.session_change_fact s GROUP BY 1, 2, 3
       ) c FULL JOIN reporting.session_outcome_fact o ON o.session_id = c.session_id`,
      `CREATE TABLE reporting.case_message_count (
        case_id uuid NOT NULL,
        channel text NOT NULL,
        purpose text NOT NULL,
        status text NOT NULL,
        held boolean NOT NULL,
        messages integer NOT NULL,
        ${SPAN_COLUMNS},
        PRIMARY KEY (case_id, channel, purpose, status, held)
      )`,
      `CREATE INDEX case_message_count_organisation ON reporting.case_message_count (organisation_id, received_at)`,
      `CREATE INDEX case_message_count_partnership ON reporting.case_message_count (partnership_id, received_at)`,
      `INSERT INTO reporting.case_message_count (case_id, channel, purpose, status, held, messages, ${SPAN_FIELDS})
       SELECT c.case_id, g.channel, g.purpose, g.status, g.held, count(*), ${SPAN_FIELDS.split(', ').map((f) => `c.${f}`).join(', ')}
       FROM reporting.case_fact c JOIN reporting.message_fact g USING (case_id)
       GROUP BY c.case_id, g.channel, g.purpose, g.status, g.held`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reporting.session_fact, reporting.case_message_count');
  }
}
