import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1 } from '#messaging';

/**
 * The reporting read model. `event_log` keeps every event received (only the payload fields
 * the projections read), so the fact tables can be rebuilt from it alone. Fact tables are keyed
 * by the event or by the record an event describes, and carry the event's sequence where a
 * later event replaces an earlier one: figures are derived from them at query time, so the
 * order events arrive in does not matter. No column holds a name, contact detail, address or
 * free text: cases are known by their id and reference only.
 */
export class ReportingInitial1767225600000 implements MigrationInterface {
  name = 'ReportingInitial1767225600000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      ...messagingTablesV1('reporting'),
      `CREATE TABLE reporting.event_log (
        event_id uuid PRIMARY KEY,
        type text NOT NULL,
        version integer NOT NULL,
        source text NOT NULL,
        sequence bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        case_id uuid NULL,
        organisation_id text NULL,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX event_log_type ON reporting.event_log (type)`,
      `CREATE TABLE reporting.case_fact (
        case_id uuid PRIMARY KEY,
        reference text NOT NULL,
        organisation_id text NOT NULL,
        partnership_id text NULL,
        source text NOT NULL,
        initiated_by text NOT NULL,
        offence_category text NOT NULL,
        domestic_abuse boolean NOT NULL,
        sexual_offence boolean NOT NULL,
        hate_crime boolean NOT NULL,
        justice_stage text NOT NULL,
        age_group text NOT NULL,
        received_at timestamptz NOT NULL,
        first_contact_due_at timestamptz NOT NULL
      )`,
      `CREATE INDEX case_fact_organisation ON reporting.case_fact (organisation_id, received_at)`,
      `CREATE INDEX case_fact_partnership ON reporting.case_fact (partnership_id, received_at)`,
      `CREATE TABLE reporting.contact_attempt_fact (
        attempt_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        participant_role text NULL,
        channel text NOT NULL,
        outcome text NOT NULL,
        attempted_at timestamptz NOT NULL
      )`,
      `CREATE INDEX contact_attempt_fact_reached ON reporting.contact_attempt_fact (case_id, attempted_at) WHERE outcome = 'reached'`,
      `CREATE TABLE reporting.stage_transition (
        event_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        sequence bigint NOT NULL,
        from_stage text NOT NULL,
        to_stage text NOT NULL,
        changed_at timestamptz NOT NULL,
        reason text NULL,
        withdrawn_by text NULL,
        delivery text NULL
      )`,
      `CREATE INDEX stage_transition_case ON reporting.stage_transition (case_id, sequence)`,
      `CREATE INDEX stage_transition_exit ON reporting.stage_transition (case_id)
        WHERE to_stage IN ('rejected', 'on-hold', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined')`,
      `CREATE TABLE reporting.case_allocation (
        case_id uuid PRIMARY KEY,
        lead_facilitator_id uuid NOT NULL,
        co_facilitator_id uuid NOT NULL,
        capacity_overridden boolean NOT NULL,
        sequence bigint NOT NULL
      )`,
      `CREATE TABLE reporting.facilitator_fact (
        facilitator_id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        capacity integer NOT NULL,
        active boolean NOT NULL,
        sequence bigint NOT NULL
      )`,
      // A removal may arrive before the addition it ends: its row then waits with no role.
      `CREATE TABLE reporting.participant_fact (
        participant_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        role text NULL,
        supports_participant_id uuid NULL,
        in_custody boolean NULL,
        sequence bigint NOT NULL,
        removed boolean NOT NULL DEFAULT false
      )`,
      `CREATE INDEX participant_fact_case ON reporting.participant_fact (case_id)`,
      `CREATE TABLE reporting.consent_fact (
        consent_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        participant_role text NOT NULL,
        scope text NOT NULL,
        method text NULL,
        given_at timestamptz NULL,
        withdrawn_at timestamptz NULL
      )`,
      `CREATE INDEX consent_fact_case ON reporting.consent_fact (case_id)`,
      `CREATE INDEX consent_fact_participant ON reporting.consent_fact (participant_id)`,
      `CREATE TABLE reporting.assessment_fact (
        assessment_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        participant_id uuid NULL,
        suitable boolean NOT NULL,
        risk_level text NOT NULL,
        stage text NOT NULL,
        assessed_at timestamptz NOT NULL
      )`,
      `CREATE TABLE reporting.session_request_fact (
        request_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        delivery text NULL,
        participants integer NOT NULL,
        duration_minutes integer NOT NULL,
        requested_at timestamptz NOT NULL
      )`,
      `CREATE TABLE reporting.outcome_agreement_fact (
        agreement_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        made_at timestamptz NOT NULL,
        actions integer NOT NULL
      )`,
      `CREATE TABLE reporting.outcome_action_fact (
        action_id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL,
        case_id uuid NOT NULL,
        due_by timestamptz NOT NULL,
        status text NOT NULL,
        completed_at timestamptz NULL,
        sequence bigint NOT NULL
      )`,
      `CREATE INDEX outcome_action_fact_case ON reporting.outcome_action_fact (case_id)`,
      // Per case, recomputed from its facts whenever an event of the case is projected: what
      // the figures read instead of re-deriving every case's history for every report.
      `CREATE TABLE reporting.case_progress (
        case_id uuid PRIMARY KEY,
        current_stage text NOT NULL,
        reached text[] NOT NULL,
        first_contact_at timestamptz NULL,
        closed_at timestamptz NULL,
        closure_reason text NULL,
        first_delivered_at timestamptz NULL,
        deliveries text[] NOT NULL,
        meeting_held_delivery text NULL,
        ended boolean NOT NULL
      )`,
      `CREATE TABLE reporting.stage_span (
        case_id uuid NOT NULL,
        sequence bigint NOT NULL,
        stage text NOT NULL,
        entered_at timestamptz NOT NULL,
        hours float8 NULL,
        PRIMARY KEY (case_id, sequence)
      )`,
      `CREATE TABLE reporting.feedback_fact (
        feedback_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        participant_role text NOT NULL,
        satisfaction integer NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
        recorded_at timestamptz NOT NULL
      )`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA reporting CASCADE');
  }
}
