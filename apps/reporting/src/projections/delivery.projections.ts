import { type Projection, projection } from './projection';

const sessionRequest = projection('session_request_fact', ['session.requested'], (events) => `
  INSERT INTO reporting.session_request_fact (request_id, case_id, kind, delivery, participants, duration_minutes, requested_at)
  SELECT (e.payload->>'requestId')::uuid, e.case_id, e.payload->>'kind', e.payload->>'delivery',
    jsonb_array_length(e.payload->'participantIds'), (e.payload->>'durationMinutes')::integer, (e.payload->>'requestedAt')::timestamptz
  ${events}
  ON CONFLICT (request_id) DO NOTHING`);

const agreement = projection('outcome_agreement_fact', ['outcome-agreement.recorded'], (events) => `
  INSERT INTO reporting.outcome_agreement_fact (agreement_id, case_id, made_at, actions)
  SELECT (e.payload->>'agreementId')::uuid, e.case_id, (e.payload->>'madeAt')::timestamptz, jsonb_array_length(e.payload->'actions')
  ${events}
  ON CONFLICT (agreement_id) DO NOTHING`);

/**
 * An agreement opens its actions; each update replaces the action's status. Both write the
 * same row, the higher sequence winning, so an update that overtakes its agreement still stands.
 */
const agreedActions = projection('outcome_action_fact', ['outcome-agreement.recorded'], (events) => `
  INSERT INTO reporting.outcome_action_fact AS a (action_id, agreement_id, case_id, due_by, status, completed_at, sequence)
  SELECT (x->>'actionId')::uuid, (e.payload->>'agreementId')::uuid, e.case_id, (x->>'dueBy')::timestamptz, 'open', NULL, e.sequence
  FROM (SELECT e.* ${events}) e CROSS JOIN LATERAL jsonb_array_elements(e.payload->'actions') x
  ON CONFLICT (action_id) DO UPDATE SET due_by = excluded.due_by, status = excluded.status,
    completed_at = excluded.completed_at, sequence = excluded.sequence
  WHERE a.sequence < excluded.sequence`);

const actionUpdate = projection('outcome_action_fact', ['outcome-action.updated'], (events) => `
  INSERT INTO reporting.outcome_action_fact AS a (action_id, agreement_id, case_id, due_by, status, completed_at, sequence)
  SELECT DISTINCT ON (e.payload->>'actionId') (e.payload->>'actionId')::uuid, (e.payload->>'agreementId')::uuid, e.case_id,
    (e.payload->>'dueBy')::timestamptz, e.payload->>'status', (e.payload->>'completedAt')::timestamptz, e.sequence
  ${events}
  ORDER BY e.payload->>'actionId', e.sequence DESC
  ON CONFLICT (action_id) DO UPDATE SET due_by = excluded.due_by, status = excluded.status,
    completed_at = excluded.completed_at, sequence = excluded.sequence
  WHERE a.sequence < excluded.sequence`);

export const DELIVERY_PROJECTIONS: readonly Projection[] = [sessionRequest, agreement, agreedActions, actionUpdate];
