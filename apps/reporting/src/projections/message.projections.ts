import { type Projection, projection } from './projection';

/**
 * Messages (notifications) and what participants answered. Like sessions, they belong to the
 * case of their envelope; one naming no case (a reply to HELP) is only logged.
 */

/**
 * A message's status is its latest by sequence; whether the content policy ever held it is kept
 * apart, since a held message that was released goes on to other statuses. Both are
 * order-independent: the later sequence wins the status, and held stays held.
 */
const message = projection('message_fact', ['message.status-changed'], (events) => `
  INSERT INTO reporting.message_fact AS m (message_id, case_id, channel, purpose, status, sequence, held)
  SELECT DISTINCT ON (e.payload->>'messageId') (e.payload->>'messageId')::uuid, e.case_id, e.payload->>'channel', e.payload->>'purpose',
    e.payload->>'status', e.sequence, bool_or(e.payload->>'status' = 'held') OVER (PARTITION BY e.payload->>'messageId')
  ${events} AND e.case_id IS NOT NULL
  ORDER BY e.payload->>'messageId', e.sequence DESC
  ON CONFLICT (message_id) DO UPDATE SET
    status = CASE WHEN excluded.sequence > m.sequence THEN excluded.status ELSE m.status END,
    sequence = greatest(m.sequence, excluded.sequence), held = m.held OR excluded.held`);

/** One request per participant and session version, however often they reply R: the first by sequence says on which channel. */
const rescheduleRequest = projection('reschedule_request_fact', ['reply.reschedule-requested'], (events) => `
  INSERT INTO reporting.reschedule_request_fact AS r (session_id, session_version, participant_id, case_id, channel, sequence)
  SELECT DISTINCT ON (e.payload->>'sessionId', (e.payload->>'sessionVersion')::integer, e.payload->>'participantId')
    (e.payload->>'sessionId')::uuid, (e.payload->>'sessionVersion')::integer, (e.payload->>'participantId')::uuid, e.case_id,
    e.payload->>'channel', e.sequence
  ${events} AND e.case_id IS NOT NULL
  ORDER BY e.payload->>'sessionId', (e.payload->>'sessionVersion')::integer, e.payload->>'participantId', e.sequence
  ON CONFLICT (session_id, session_version, participant_id) DO UPDATE SET channel = excluded.channel, sequence = excluded.sequence
  WHERE r.sequence > excluded.sequence`);

/** Each opt-out as it came; the figures count a participant's channel once (figures.repository.ts). */
const optOut = projection('opt_out_fact', ['channel.opted-out'], (events) => `
  INSERT INTO reporting.opt_out_fact (event_id, case_id, participant_id, channel)
  SELECT e.event_id, e.case_id, (e.payload->>'participantId')::uuid, e.payload->>'channel'
  ${events} AND e.case_id IS NOT NULL
  ON CONFLICT (event_id) DO NOTHING`);

export const MESSAGE_PROJECTIONS: readonly Projection[] = [message, rescheduleRequest, optOut];
