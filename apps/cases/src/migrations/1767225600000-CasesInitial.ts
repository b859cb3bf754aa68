import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1 } from '#messaging';

/**
 * The cases schema. Columns ending in `_ciphertext` hold personal data encrypted by the
 * field cipher (AES-256-GCM, key id inside the value); nothing else holds personal data.
 */
export class CasesInitial1767225600000 implements MigrationInterface {
  name = 'CasesInitial1767225600000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      ...messagingTablesV1('cases'),
      `CREATE TABLE cases.facilitator (
        id uuid PRIMARY KEY,
        organisation_id text NOT NULL,
        user_id text NOT NULL UNIQUE,
        display_name text NOT NULL,
        work_phone text NULL,
        work_email text NULL,
        capacity integer NOT NULL CHECK (capacity >= 0),
        time_zone text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE SEQUENCE cases.case_reference_seq`,
      `CREATE TABLE cases."case" (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        organisation_id text NOT NULL,
        partnership_id text NULL,
        stage text NOT NULL,
        held_from_stage text NULL,
        source text NOT NULL,
        initiated_by text NOT NULL,
        offence_category text NOT NULL,
        domestic_abuse boolean NOT NULL,
        sexual_offence boolean NOT NULL,
        hate_crime boolean NOT NULL,
        justice_stage text NOT NULL,
        age_group text NOT NULL,
        received_at timestamptz NOT NULL,
        first_contact_due_at timestamptz NOT NULL,
        first_contact_at timestamptz NULL,
        triage_decision text NULL,
        triage_rejection_reason text NULL,
        triaged_at timestamptz NULL,
        triaged_by text NULL,
        delivery text NULL,
        closure_reason text NULL,
        lead_facilitator_id uuid NULL REFERENCES cases.facilitator (id),
        co_facilitator_id uuid NULL REFERENCES cases.facilitator (id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (lead_facilitator_id IS NULL OR lead_facilitator_id <> co_facilitator_id)
      )`,
      `CREATE INDEX case_organisation ON cases."case" (organisation_id, stage)`,
      `CREATE INDEX case_partnership ON cases."case" (partnership_id)`,
      `CREATE INDEX case_lead_facilitator ON cases."case" (lead_facilitator_id)`,
      `CREATE INDEX case_co_facilitator ON cases."case" (co_facilitator_id)`,
      `CREATE TABLE cases.stage_change (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases."case" (id),
        from_stage text NOT NULL,
        to_stage text NOT NULL,
        reason text NULL,
        withdrawn_by text NULL,
        delivery text NULL,
        note_ciphertext text NULL,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX stage_change_case ON cases.stage_change (case_id, changed_at)`,
      `CREATE TABLE cases.participant (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases."case" (id),
        role text NOT NULL,
        supports_participant_id uuid NULL REFERENCES cases.participant (id),
        name_ciphertext text NOT NULL,
        phone_ciphertext text NULL,
        email_ciphertext text NULL,
        address_ciphertext text NULL,
        letter_address_ciphertext text NULL,
        sms_allowed boolean NOT NULL,
        voicemail_allowed boolean NOT NULL,
        email_allowed boolean NOT NULL,
        letters_allowed boolean NOT NULL,
        preferred_channel text NULL,
        discreet boolean NOT NULL,
        language text NOT NULL,
        time_zone text NOT NULL,
        accessibility_needs_ciphertext text NULL,
        needs_accessible_venue boolean NOT NULL,
        interpreter_language text NULL,
        in_custody boolean NOT NULL,
        establishment text NULL,
        removed_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT in_custody OR establishment IS NOT NULL)
      )`,
      `CREATE INDEX participant_case ON cases.participant (case_id)`,
      `CREATE TABLE cases.contact_attempt (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases."case" (id),
        participant_id uuid NULL REFERENCES cases.participant (id),
        channel text NOT NULL,
        outcome text NOT NULL,
        attempted_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX contact_attempt_case ON cases.contact_attempt (case_id, attempted_at)`,
      `CREATE TABLE cases.consent (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases."case" (id),
        participant_id uuid NOT NULL REFERENCES cases.participant (id),
        scope text NOT NULL,
        method text NOT NULL,
        given_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        withdrawn_at timestamptz NULL,
        withdrawal_recorded_by text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      // One consent in force per participant and scope; withdrawn ones stay as history.
      `CREATE UNIQUE INDEX consent_in_force ON cases.consent (participant_id, scope) WHERE withdrawn_at IS NULL`,
      `CREATE TABLE cases.assessment (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases."case" (id),
        participant_id uuid NULL REFERENCES cases.participant (id),
        suitable boolean NOT NULL,
        risk_level text NOT NULL,
        reason text NULL,
        note_ciphertext text NULL,
        stage text NOT NULL,
        assessed_by text NOT NULL,
        assessed_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX assessment_case ON cases.assessment (case_id, assessed_at)`,
      `CREATE TABLE cases.session_request (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases."case" (id),
        kind text NOT NULL,
        participant_ids uuid[] NOT NULL,
        facilitator_ids uuid[] NOT NULL,
        duration_minutes integer NOT NULL,
        delivery text NULL,
        not_before timestamptz NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX session_request_case ON cases.session_request (case_id)`,
      `CREATE TABLE cases.outcome_agreement (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL UNIQUE REFERENCES cases."case" (id),
        made_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE cases.outcome_action (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES cases.outcome_agreement (id),
        case_id uuid NOT NULL REFERENCES cases."case" (id),
        position integer NOT NULL,
        description_ciphertext text NOT NULL,
        owner_participant_id uuid NULL REFERENCES cases.participant (id),
        due_by timestamptz NOT NULL,
        check_method_ciphertext text NOT NULL,
        status text NOT NULL,
        completed_at timestamptz NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX outcome_action_case ON cases.outcome_action (case_id)`,
      `CREATE TABLE cases.task (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases."case" (id),
        kind text NOT NULL,
        assignee_facilitator_id uuid NULL REFERENCES cases.facilitator (id),
        action_id uuid NULL REFERENCES cases.outcome_action (id),
        due_at timestamptz NULL,
        done_at timestamptz NULL,
        done_by text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX task_case ON cases.task (case_id)`,
      `CREATE TABLE cases.note (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases."case" (id),
        author_user_id text NOT NULL,
        body_ciphertext text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX note_case ON cases.note (case_id, created_at)`,
      `CREATE TABLE cases.feedback (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases."case" (id),
        participant_id uuid NOT NULL REFERENCES cases.participant (id),
        satisfaction integer NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
        comment_ciphertext text NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE cases.audit_entry (
        id bigserial PRIMARY KEY,
        case_id uuid NULL,
        actor_user_id text NOT NULL,
        actor_roles text[] NOT NULL,
        organisation_id text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        subject_id uuid NULL,
        detail jsonb NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX audit_entry_case ON cases.audit_entry (case_id, at)`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA cases CASCADE');
  }
}
