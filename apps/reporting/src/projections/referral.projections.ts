import { type Projection, projection } from './projection';

/** The referral as recorded at intake; a referral happens once, so a redelivery changes nothing. */
const referral = projection('case_fact', ['case.referred'], (events) => `
    INSERT INTO reporting.case_fact (case_id, reference, organisation_id, partnership_id, source, initiated_by,
      offence_category, domestic_abuse, sexual_offence, hate_crime, justice_stage, age_group, received_at, first_contact_due_at)
    SELECT DISTINCT ON (e.case_id) e.case_id, e.payload->>'reference', e.organisation_id, e.payload->>'partnershipId',
      e.payload->>'source', e.payload->>'initiatedBy', e.payload->>'offenceCategory',
      (e.payload->>'domesticAbuse')::boolean, (e.payload->>'sexualOffence')::boolean, (e.payload->>'hateCrime')::boolean,
      e.payload->>'justiceStage', e.payload->>'ageGroup', (e.payload->>'receivedAt')::timestamptz,
      (e.payload->>'firstContactDueAt')::timestamptz
    ${events}
    ORDER BY e.case_id, e.sequence
    ON CONFLICT (case_id) DO NOTHING`);

/**
 * Triage's decision, for who rejected (the role it was taken in; events published before cases
 * sent it carry none). A case is triaged once; its move to rejected is a stage transition.
 */
const triage = projection('triage_fact', ['case.triaged'], (events) => `
    INSERT INTO reporting.triage_fact (case_id, decision, rejection_reason, decided_by_role)
    SELECT DISTINCT ON (e.case_id) e.case_id, e.payload->>'decision', e.payload->>'rejectionReason', e.payload->>'decidedByRole'
    ${events}
    ORDER BY e.case_id, e.sequence
    ON CONFLICT (case_id) DO NOTHING`);

/** Every attempt is a fact of its own; the first contact is the earliest that reached someone. */
const contactAttempt = projection('contact_attempt_fact', ['case.contact-attempted'], (events) => `
    INSERT INTO reporting.contact_attempt_fact (attempt_id, case_id, participant_role, channel, outcome, attempted_at)
    SELECT (e.payload->>'attemptId')::uuid, e.case_id, e.payload->>'participantRole', e.payload->>'channel',
      e.payload->>'outcome', (e.payload->>'attemptedAt')::timestamptz
    ${events}
    ON CONFLICT (attempt_id) DO NOTHING`);

/** Each move is a fact keyed by its event; the order of a case's moves is their sequence. */
const stageChange = projection('stage_transition', ['case.stage-changed'], (events) => `
    INSERT INTO reporting.stage_transition (event_id, case_id, sequence, from_stage, to_stage, changed_at, reason, withdrawn_by, delivery)
    SELECT e.event_id, e.case_id, e.sequence, e.payload->>'from', e.payload->>'to', (e.payload->>'changedAt')::timestamptz,
      e.payload->>'reason', e.payload->>'withdrawnBy', e.payload->>'delivery'
    ${events}
    ON CONFLICT (event_id) DO NOTHING`);

/** A reassignment replaces the pair; the latest by sequence wins whatever order they arrive in. */
const allocation = projection('case_allocation', ['case.facilitators-assigned'], (events) => `
    INSERT INTO reporting.case_allocation AS a (case_id, lead_facilitator_id, co_facilitator_id, capacity_overridden, sequence)
    SELECT DISTINCT ON (e.case_id) e.case_id, (e.payload->>'leadFacilitatorId')::uuid, (e.payload->>'coFacilitatorId')::uuid,
      (e.payload->>'capacityOverridden')::boolean, e.sequence
    ${events}
    ORDER BY e.case_id, e.sequence DESC
    ON CONFLICT (case_id) DO UPDATE SET lead_facilitator_id = excluded.lead_facilitator_id,
      co_facilitator_id = excluded.co_facilitator_id, capacity_overridden = excluded.capacity_overridden, sequence = excluded.sequence
    WHERE a.sequence < excluded.sequence`);

const facilitator = projection('facilitator_fact', ['facilitator.registered', 'facilitator.changed'], (events) => `
    INSERT INTO reporting.facilitator_fact AS f (facilitator_id, organisation_id, capacity, active, sequence)
    SELECT DISTINCT ON (e.payload->>'facilitatorId') (e.payload->>'facilitatorId')::uuid, e.organisation_id,
      (e.payload->>'capacity')::integer, (e.payload->>'active')::boolean, e.sequence
    ${events}
    ORDER BY e.payload->>'facilitatorId', e.sequence DESC
    ON CONFLICT (facilitator_id) DO UPDATE SET organisation_id = excluded.organisation_id, capacity = excluded.capacity,
      active = excluded.active, sequence = excluded.sequence
    WHERE f.sequence < excluded.sequence`);

export const REFERRAL_PROJECTIONS: readonly Projection[] = [referral, triage, contactAttempt, stageChange, allocation, facilitator];
