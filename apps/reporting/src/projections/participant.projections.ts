import { type Projection, projection } from './projection';

/** A participant's role and side; a later change replaces an earlier one by sequence. */
const participant = projection('participant_fact', ['participant.added', 'participant.changed'], (events) => `
  INSERT INTO reporting.participant_fact AS p (participant_id, case_id, role, supports_participant_id, in_custody, sequence)
  SELECT DISTINCT ON (e.payload->>'participantId') (e.payload->>'participantId')::uuid, e.case_id, e.payload->>'role',
    (e.payload->>'supportsParticipantId')::uuid, (e.payload->>'inCustody')::boolean, e.sequence
  ${events}
  ORDER BY e.payload->>'participantId', e.sequence DESC
  ON CONFLICT (participant_id) DO UPDATE SET role = excluded.role, supports_participant_id = excluded.supports_participant_id,
    in_custody = excluded.in_custody, sequence = excluded.sequence
  WHERE p.sequence < excluded.sequence`);

/** Removal is final: it marks the row whether the addition came before it or comes later. */
const removal = projection('participant_fact', ['participant.removed'], (events) => `
  INSERT INTO reporting.participant_fact (participant_id, case_id, sequence, removed)
  SELECT DISTINCT (e.payload->>'participantId')::uuid, e.case_id, 0, true
  ${events}
  ON CONFLICT (participant_id) DO UPDATE SET removed = true`);

/** Giving and withdrawing fill different columns of one consent, so either may arrive first. */
const consentGiven = projection('consent_fact', ['consent.recorded'], (events) => `
  INSERT INTO reporting.consent_fact (consent_id, case_id, participant_id, participant_role, scope, method, given_at)
  SELECT (e.payload->>'consentId')::uuid, e.case_id, (e.payload->>'participantId')::uuid, e.payload->>'participantRole',
    e.payload->>'scope', e.payload->>'method', (e.payload->>'givenAt')::timestamptz
  ${events}
  ON CONFLICT (consent_id) DO UPDATE SET method = excluded.method, given_at = excluded.given_at`);

const consentWithdrawn = projection('consent_fact', ['consent.withdrawn'], (events) => `
  INSERT INTO reporting.consent_fact (consent_id, case_id, participant_id, participant_role, scope, withdrawn_at)
  SELECT (e.payload->>'consentId')::uuid, e.case_id, (e.payload->>'participantId')::uuid, e.payload->>'participantRole',
    e.payload->>'scope', (e.payload->>'withdrawnAt')::timestamptz
  ${events}
  ON CONFLICT (consent_id) DO UPDATE SET withdrawn_at = excluded.withdrawn_at`);

const assessment = projection('assessment_fact', ['assessment.recorded'], (events) => `
  INSERT INTO reporting.assessment_fact (assessment_id, case_id, participant_id, suitable, risk_level, stage, assessed_at)
  SELECT (e.payload->>'assessmentId')::uuid, e.case_id, (e.payload->>'participantId')::uuid, (e.payload->>'suitable')::boolean,
    e.payload->>'riskLevel', e.payload->>'stage', (e.payload->>'assessedAt')::timestamptz
  ${events}
  ON CONFLICT (assessment_id) DO NOTHING`);

const feedback = projection('feedback_fact', ['feedback.recorded'], (events) => `
  INSERT INTO reporting.feedback_fact (feedback_id, case_id, participant_role, satisfaction, recorded_at)
  SELECT (e.payload->>'feedbackId')::uuid, e.case_id, e.payload->>'participantRole', (e.payload->>'satisfaction')::integer,
    (e.payload->>'recordedAt')::timestamptz
  ${events}
  ON CONFLICT (feedback_id) DO NOTHING`);

export const PARTICIPANT_PROJECTIONS: readonly Projection[] = [participant, removal, consentGiven, consentWithdrawn, assessment, feedback];
