import type { EventType } from '#contracts';

/**
 * What the figures need of each case, recomputed whole from the case's facts after any event
 * of the case is projected (and for every case on a rebuild). Recomputing rather than
 * adjusting keeps it right whatever order the facts came in. `cases` is a FROM item of case
 * ids aliased `k`: one case as an event arrives, or every case on a rebuild.
 */
export interface CaseRefresh {
  table: string;
  /** The events whose facts it reads: only these change it. */
  types: readonly EventType[];
  statements(cases: string): string[];
}

const TERMINAL = `('closed', 'rejected', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined')`;
const DELIVERY = `('direct-meeting', 'indirect-communication')`;

/** Each stage a case was in, from entering it to the next move by sequence; `referred` from the referral. */
const stageSpans: CaseRefresh = {
  table: 'stage_span',
  types: ['case.referred', 'case.stage-changed'],
  statements: (cases) => [
    `DELETE FROM reporting.stage_span s USING ${cases} WHERE s.case_id = k.case_id`,
    `INSERT INTO reporting.stage_span (case_id, sequence, stage, entered_at, hours)
     SELECT case_id, sequence, stage, at, extract(epoch FROM lead(at) OVER (PARTITION BY case_id ORDER BY sequence) - at)::float8 / 3600
     FROM (
       SELECT c.case_id, -1::bigint AS sequence, 'referred' AS stage, c.received_at AS at
       FROM reporting.case_fact c JOIN ${cases} USING (case_id)
       UNION ALL
       SELECT t.case_id, t.sequence, t.to_stage, t.changed_at FROM reporting.stage_transition t JOIN ${cases} USING (case_id)
     ) steps`,
  ],
};

/** A meeting was held when the case moved on from it to the outcome agreement or follow-up. */
const progress: CaseRefresh = {
  table: 'case_progress',
  types: ['case.stage-changed', 'case.contact-attempted'],
  statements: (cases) => [
    `INSERT INTO reporting.case_progress AS p (case_id, current_stage, reached, first_contact_at, closed_at, closure_reason,
       first_delivered_at, deliveries, meeting_held_delivery, ended)
     SELECT k.case_id,
       coalesce((SELECT t.to_stage FROM reporting.stage_transition t WHERE t.case_id = k.case_id ORDER BY t.sequence DESC LIMIT 1), 'referred'),
       ARRAY(SELECT DISTINCT t.to_stage FROM reporting.stage_transition t WHERE t.case_id = k.case_id ORDER BY 1),
       (SELECT min(a.attempted_at) FROM reporting.contact_attempt_fact a WHERE a.case_id = k.case_id AND a.outcome = 'reached'),
       closed.changed_at, closed.reason,
       (SELECT min(t.changed_at) FROM reporting.stage_transition t WHERE t.case_id = k.case_id AND t.to_stage IN ${DELIVERY}),
       ARRAY(SELECT DISTINCT t.delivery FROM reporting.stage_transition t WHERE t.case_id = k.case_id AND t.to_stage IN ${DELIVERY} ORDER BY 1),
       (SELECT m.delivery FROM reporting.stage_transition m WHERE m.case_id = k.case_id AND m.to_stage = 'direct-meeting'
          AND EXISTS (SELECT 1 FROM reporting.stage_transition n WHERE n.case_id = m.case_id AND n.from_stage = 'direct-meeting'
            AND n.to_stage IN ('outcome-agreement', 'follow-up') AND n.sequence > m.sequence)
        ORDER BY m.sequence DESC LIMIT 1),
       EXISTS (SELECT 1 FROM reporting.stage_transition t WHERE t.case_id = k.case_id AND t.to_stage IN ${TERMINAL})
     FROM ${cases}
     LEFT JOIN LATERAL (SELECT t.changed_at, t.reason FROM reporting.stage_transition t
                        WHERE t.case_id = k.case_id AND t.to_stage = 'closed' ORDER BY t.sequence LIMIT 1) closed ON true
     ON CONFLICT (case_id) DO UPDATE SET current_stage = excluded.current_stage, reached = excluded.reached,
       first_contact_at = excluded.first_contact_at, closed_at = excluded.closed_at, closure_reason = excluded.closure_reason,
       first_delivered_at = excluded.first_delivered_at, deliveries = excluded.deliveries,
       meeting_held_delivery = excluded.meeting_held_delivery, ended = excluded.ended`,
  ],
};

export const CASE_REFRESHES: readonly CaseRefresh[] = [stageSpans, progress];

/** The FROM item for one case, its id the first parameter. */
export const ONE_CASE = '(SELECT $1::uuid AS case_id) k';

/** The FROM item for every case any fact names. */
export const EVERY_CASE = `(SELECT case_id FROM reporting.case_fact UNION SELECT case_id FROM reporting.stage_transition
  UNION SELECT case_id FROM reporting.contact_attempt_fact) k`;
