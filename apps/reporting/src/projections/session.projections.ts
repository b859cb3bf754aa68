import { type Projection, projection } from './projection';

/**
 * Sessions (scheduling) and attendance confirmed for them. A session belongs to the case named
 * by its events' envelope; an event naming no case belongs to no cohort and is only logged.
 * Each booking, move and cancellation is a row of its own, keyed by the session's version
 * (scheduling raises it with each move and cancellation), so the session's history is there
 * whatever order its events arrive in and the figures read it at query time (figures.repository.ts).
 */
const sessionChange = projection('session_change_fact', ['session.booked', 'session.rescheduled', 'session.cancelled'], (events) => `
  INSERT INTO reporting.session_change_fact AS s (session_id, version, case_id, kind, change, cancel_reason, was_booked, sequence)
  SELECT DISTINCT ON (e.payload->>'sessionId', (e.payload->>'version')::integer) (e.payload->>'sessionId')::uuid,
    (e.payload->>'version')::integer, e.case_id, e.payload->>'kind', replace(e.type, 'session.', ''), e.payload->>'reason',
    CASE WHEN e.type = 'session.cancelled' THEN e.payload->>'wasBookedFor' IS NOT NULL END, e.sequence
  ${events} AND e.case_id IS NOT NULL
  ORDER BY e.payload->>'sessionId', (e.payload->>'version')::integer, e.sequence DESC
  ON CONFLICT (session_id, version) DO UPDATE SET change = excluded.change, cancel_reason = excluded.cancel_reason,
    was_booked = excluded.was_booked, sequence = excluded.sequence
  WHERE s.sequence < excluded.sequence`);

/** A coordinator may correct the outcome: the latest by sequence stands. */
const sessionOutcome = projection('session_outcome_fact', ['session.outcome-recorded'], (events) => `
  INSERT INTO reporting.session_outcome_fact AS o (session_id, case_id, kind, outcome, sequence)
  SELECT DISTINCT ON (e.payload->>'sessionId') (e.payload->>'sessionId')::uuid, e.case_id, e.payload->>'kind', e.payload->>'outcome', e.sequence
  ${events} AND e.case_id IS NOT NULL
  ORDER BY e.payload->>'sessionId', e.sequence DESC
  ON CONFLICT (session_id) DO UPDATE SET outcome = excluded.outcome, sequence = excluded.sequence
  WHERE o.sequence < excluded.sequence`);

/**
 * One confirmation per participant and session version, however many times it is confirmed
 * (a reply and then a coordinator): the first by sequence says how.
 */
const confirmation = projection('attendance_confirmation_fact', ['session.attendance-confirmed'], (events) => `
  INSERT INTO reporting.attendance_confirmation_fact AS c (session_id, version, participant_id, case_id, via, sequence)
  SELECT DISTINCT ON (e.payload->>'sessionId', (e.payload->>'version')::integer, e.payload->>'participantId')
    (e.payload->>'sessionId')::uuid, (e.payload->>'version')::integer, (e.payload->>'participantId')::uuid, e.case_id, e.payload->>'via', e.sequence
  ${events} AND e.case_id IS NOT NULL
  ORDER BY e.payload->>'sessionId', (e.payload->>'version')::integer, e.payload->>'participantId', e.sequence
  ON CONFLICT (session_id, version, participant_id) DO UPDATE SET via = excluded.via, sequence = excluded.sequence
  WHERE c.sequence > excluded.sequence`);

export const SESSION_PROJECTIONS: readonly Projection[] = [sessionChange, sessionOutcome, confirmation];
