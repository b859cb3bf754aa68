import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts of the scheduling and notifications events reporting now receives, triage's decision,
 * and an index to find a case's last contact attempt. Each fact belongs to the case its
 * envelope names and is keyed by the record it describes, so duplicates and late events land
 * on the same row (projections/*.projections.ts). Ids and codes only: no time, venue, attendee
 * list, address, number or message text. triage_fact is filled here from the events already
 * logged; a replay fills it the same way.
 */
export class ReportingSessionsMessages1767484800000 implements MigrationInterface {
  name = 'ReportingSessionsMessages1767484800000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE reporting.triage_fact (
        case_id uuid PRIMARY KEY,
        decision text NOT NULL,
        rejection_reason text NULL,
        decided_by_role text NULL
      )`,
      `INSERT INTO reporting.triage_fact (case_id, decision, rejection_reason, decided_by_role)
       SELECT DISTINCT ON (e.case_id) e.case_id, e.payload->>'decision', e.payload->>'rejectionReason', e.payload->>'decidedByRole'
       FROM reporting.event_log e WHERE e.type = 'case.triaged' ORDER BY e.case_id, e.sequence`,
      // Why a case was uncontactable: its last contact attempt before the move (figures.repository.ts exits).
      `CREATE INDEX contact_attempt_fact_case ON reporting.contact_attempt_fact (case_id, attempted_at)`,
      // One row per session version: booked (the first), rescheduled (each move), cancelled.
      `CREATE TABLE reporting.session_change_fact (
        session_id uuid NOT NULL,
        version integer NOT NULL,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        change text NOT NULL CHECK (change IN ('booked', 'rescheduled', 'cancelled')),
        cancel_reason text NULL,
        was_booked boolean NULL,
        sequence bigint NOT NULL,
        PRIMARY KEY (session_id, version)
      )`,
      `CREATE INDEX session_change_fact_case ON reporting.session_change_fact (case_id)`,
      `CREATE TABLE reporting.session_outcome_fact (
        session_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        outcome text NOT NULL,
        sequence bigint NOT NULL
      )`,
      `CREATE INDEX session_outcome_fact_case ON reporting.session_outcome_fact (case_id)`,
      `CREATE TABLE reporting.attendance_confirmation_fact (
        session_id uuid NOT NULL,
        version integer NOT NULL,
        participant_id uuid NOT NULL,
        case_id uuid NOT NULL,
        via text NOT NULL,
        sequence bigint NOT NULL,
        PRIMARY KEY (session_id, version, participant_id)
      )`,
      `CREATE INDEX attendance_confirmation_fact_case ON reporting.attendance_confirmation_fact (case_id)`,
      `CREATE TABLE reporting.message_fact (
        message_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        channel text NOT NULL,
        purpose text NOT NULL,
        status text NOT NULL,
        sequence bigint NOT NULL,
        held boolean NOT NULL
      )`,
      `CREATE INDEX message_fact_case ON reporting.message_fact (case_id)`,
      `CREATE TABLE reporting.reschedule_request_fact (
        session_id uuid NOT NULL,
        session_version integer NOT NULL,
        participant_id uuid NOT NULL,
        case_id uuid NOT NULL,
        channel text NOT NULL,
        sequence bigint NOT NULL,
        PRIMARY KEY (session_id, session_version, participant_id)
      )`,
      `CREATE INDEX reschedule_request_fact_case ON reporting.reschedule_request_fact (case_id)`,
      `CREATE TABLE reporting.opt_out_fact (
        event_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        participant_id uuid NULL,
        channel text NOT NULL
      )`,
      `CREATE INDEX opt_out_fact_case ON reporting.opt_out_fact (case_id)`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX reporting.contact_attempt_fact_case');
    await runner.query(`DROP TABLE reporting.triage_fact, reporting.session_change_fact, reporting.session_outcome_fact,
      reporting.attendance_confirmation_fact, reporting.message_fact, reporting.reschedule_request_fact, reporting.opt_out_fact`);
  }
}
