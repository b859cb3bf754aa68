import { type Projection, projection } from './projection';

/**
 * Sessions (scheduling) and attendance confirmed for them. A session belongs to the case named
 * by its events' envelope; an event naming no case belongs to no cohort and is only logged.
 * Each booking, move and cancellation is a row of its own, keyed by the session's version
 * (scheduling raises it with each move and cancellation), so the session's history is there
 * whatever order its events arrive in; session_fact (below) sums it up for the figures.
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

/**
 * Each session as the figures count it, recomputed whole from its facts (above) for the
 * sessions an event touches, so a report reads one row a session. Booked: any version booked
 * or moved, or booked when cancelled. Cancelled: its highest version is a cancellation
 * (scheduling cancels once, so the reason is that one's). Held or not: the outcome standing.
 */
const session = projection('session_fact', ['session.booked', 'session.rescheduled', 'session.cancelled', 'session.outcome-recorded'],
  (events) => `
  INSERT INTO reporting.session_fact AS f (session_id, case_id, kind, booked, moves, cancelled, cancel_reason, outcome)
  SELECT t.session_id, coalesce(c.case_id, o.case_id), coalesce(c.kind, o.kind), coalesce(c.booked, false), coalesce(c.moves, 0),
    coalesce(c.cancelled, false), c.cancel_reason, o.outcome
  FROM (SELECT DISTINCT (e.payload->>'sessionId')::uuid AS session_id ${events} AND e.case_id IS NOT NULL) t
  LEFT JOIN (
    SELECT s.session_id, s.case_id, s.kind, bool_or(s.change <> 'cancelled' OR s.was_booked) AS booked,
      count(*) FILTER (WHERE s.change = 'rescheduled') AS moves,
      coalesce(max(s.version) FILTER (WHERE s.change = 'cancelled') = max(s.version), false) AS cancelled, max(s.cancel_reason) AS cancel_reason
    FROM reporting.session_change_fact s
    WHERE s.session_id IN (SELECT (e.payload->>'sessionId')::uuid ${events})
    GROUP BY 1, 2, 3
  ) c USING (session_id)
  LEFT JOIN reporting.session_outcome_fact o USING (session_id)
  ON CONFLICT (session_id) DO UPDATE SET booked = excluded.booked, moves = excluded.moves, cancelled = excluded.cancelled,
    cancel_reason = excluded.cancel_reason, outcome = excluded.outcome`);

/** The summary last: it reads the facts the others write. */
export const SESSION_PROJECTIONS: readonly Projection[] = [sessionChange, sessionOutcome, confirmation, session];
