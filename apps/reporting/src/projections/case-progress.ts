import type { EventType } from '#contracts';

/**
 * What the figures need of each case, recomputed whole from the case's facts after any event
 * of the case is projected (and for every case on a rebuild). Recomputing rather than
 * adjusting keeps it right whatever order the facts came in. `cases` is a FROM item of case
 * ids aliased `k`: one case as an event arrives, or every case on a rebuild. Both tables carry
 * the referral's fields a report narrows and counts by, so a report reads each alone; a case
 * has rows once its referral is known, since no cohort counts it before.
 */
export interface CaseRefresh {
  table: string;
  /** The events whose facts it reads: only these change it. */
  types: readonly EventType[];
  statements(cases: string): string[];
}

const TERMINAL = `('closed', 'rejected', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined')`;
const DELIVERY = `('direct-meeting', 'indirect-communication')`;
/** The referral's scope and filter fields (migrations/1767312000000-ReportingFlatCases.ts). */
const SPAN_FIELDS = ['organisation_id', 'partnership_id', 'received_at', 'source', 'offence_category', 'justice_stage'];
/** Those and the referral fields the figures count by. */
const CASE_FIELDS = [...SPAN_FIELDS, 'initiated_by', 'age_group', 'domestic_abuse', 'sexual_offence', 'hate_crime'];

/** Parties offered RJ and those who took part, by role (migrations/1767398400000-ReportingParties.ts). */
const PARTY_COLUMNS = ['harmed_offered', 'harmed_took_part', 'responsible_offered', 'responsible_took_part'];

const fieldsOf = (alias: string, fields: string[]) => fields.map((field) => `${alias}.${field}`).join(', ');
/** Hours between two times, to the microsecond (the same arithmetic for every duration a report gives). */
const hoursBetween = (later: string, earlier: string) => `extract(epoch FROM ${later} - ${earlier})::float8 / 3600`;

/** Each stage a case was in, from entering it to the next move by sequence; `referred` from the referral. */
const stageSpans: CaseRefresh = {
  table: 'stage_span',
  types: ['case.referred', 'case.stage-changed'],
  statements: (cases) => [
    `DELETE FROM reporting.stage_span s USING ${cases} WHERE s.case_id = k.case_id`,
    // A plain UNION ALL, not a LATERAL one: PostgreSQL 18.4 (the embedded server) crashes on
    // the lateral form of this statement.
    `INSERT INTO reporting.stage_span (case_id, sequence, stage, entered_at, hours, ${SPAN_FIELDS.join(', ')})
     SELECT c.case_id, steps.sequence, steps.stage, steps.at,
       ${hoursBetween('lead(steps.at) OVER (PARTITION BY c.case_id ORDER BY steps.sequence)', 'steps.at')}, ${fieldsOf('c', SPAN_FIELDS)}
     FROM (
       SELECT f.case_id, -1::bigint AS sequence, 'referred' AS stage, f.received_at AS at
       FROM reporting.case_fact f JOIN ${cases} USING (case_id)
       UNION ALL
       SELECT t.case_id, t.sequence, t.to_stage, t.changed_at
       FROM reporting.stage_transition t JOIN ${cases} USING (case_id)
     ) steps
     JOIN reporting.case_fact c USING (case_id)`,
  ],
};

/**
 * A meeting was held when the case moved on from it to the outcome agreement or follow-up. The
 * parties (person harmed, person responsible) still on the case were offered RJ; they took part
 * when they had consented to take part, and not withdrawn, when the case first reached delivery.
 */
const progress: CaseRefresh = {
  table: 'case_progress',
  types: ['case.referred', 'case.stage-changed', 'case.contact-attempted', 'participant.added', 'participant.changed', 'participant.removed',
    'consent.recorded', 'consent.withdrawn'],
  statements: (cases) => [
    `INSERT INTO reporting.case_progress AS p (case_id, ${CASE_FIELDS.join(', ')}, current_stage, reached, first_contact_at,
       first_contact_hours, closed_at, close_hours, closure_reason, first_delivered_at, deliveries, meeting_held_delivery, ended,
       ${PARTY_COLUMNS.join(', ')})
     SELECT c.case_id, ${fieldsOf('c', CASE_FIELDS)},
       coalesce((SELECT t.to_stage FROM reporting.stage_transition t WHERE t.case_id = c.case_id ORDER BY t.sequence DESC LIMIT 1), 'referred'),
       ARRAY(SELECT DISTINCT t.to_stage FROM reporting.stage_transition t WHERE t.case_id = c.case_id ORDER BY 1),
       contact.at, ${hoursBetween('contact.at', 'c.received_at')},
       closed.changed_at, ${hoursBetween('closed.changed_at', 'c.received_at')}, closed.reason,
       delivered.at,
       ARRAY(SELECT DISTINCT t.delivery FROM reporting.stage_transition t WHERE t.case_id = c.case_id AND t.to_stage IN ${DELIVERY} ORDER BY 1),
       (SELECT m.delivery FROM reporting.stage_transition m WHERE m.case_id = c.case_id AND m.to_stage = 'direct-meeting'
          AND EXISTS (SELECT 1 FROM reporting.stage_transition n WHERE n.case_id = m.case_id AND n.from_stage = 'direct-meeting'
            AND n.to_stage IN ('outcome-agreement', 'follow-up') AND n.sequence > m.sequence)
        ORDER BY m.sequence DESC LIMIT 1),
       EXISTS (SELECT 1 FROM reporting.stage_transition t WHERE t.case_id = c.case_id AND t.to_stage IN ${TERMINAL}),
       ${PARTY_COLUMNS.map((column) => `parties.${column}`).join(', ')}
     FROM reporting.case_fact c JOIN ${cases} USING (case_id)
     CROSS JOIN LATERAL (SELECT min(t.changed_at) AS at FROM reporting.stage_transition t
                         WHERE t.case_id = c.case_id AND t.to_stage IN ${DELIVERY}) delivered
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE f.role = 'person-harmed') AS harmed_offered,
         count(*) FILTER (WHERE f.role = 'person-harmed' AND f.took_part) AS harmed_took_part,
         count(*) FILTER (WHERE f.role = 'person-responsible') AS responsible_offered,
         count(*) FILTER (WHERE f.role = 'person-responsible' AND f.took_part) AS responsible_took_part
       FROM (SELECT f.role, EXISTS (SELECT 1 FROM reporting.consent_fact k WHERE k.participant_id = f.participant_id
               AND k.scope = 'participation' AND k.given_at <= delivered.at AND (k.withdrawn_at IS NULL OR k.withdrawn_at > delivered.at)) AS took_part
             FROM reporting.participant_fact f WHERE f.case_id = c.case_id AND NOT f.removed) f
     ) parties
     CROSS JOIN LATERAL (SELECT min(a.attempted_at) AS at FROM reporting.contact_attempt_fact a
                         WHERE a.case_id = c.case_id AND a.outcome = 'reached') contact
     LEFT JOIN LATERAL (SELECT t.changed_at, t.reason FROM reporting.stage_transition t
                        WHERE t.case_id = c.case_id AND t.to_stage = 'closed' ORDER BY t.sequence LIMIT 1) closed ON true
     ON CONFLICT (case_id) DO UPDATE SET ${[...CASE_FIELDS, 'current_stage', 'reached', 'first_contact_at', 'first_contact_hours',
       'closed_at', 'close_hours', 'closure_reason', 'first_delivered_at', 'deliveries', 'meeting_held_delivery', 'ended', ...PARTY_COLUMNS]
       .map((column) => `${column} = excluded.${column}`).join(', ')}`,
  ],
};

/**
 * The case's messages (message_fact) counted by channel, purpose, latest status and whether the
 * content policy held them: a report sums these few rows a case, narrowed like the others by the
 * referral's fields, rather than joining every message to its cohort.
 */
const messageCounts: CaseRefresh = {
  table: 'case_message_count',
  types: ['case.referred', 'message.status-changed'],
  statements: (cases) => [
    `DELETE FROM reporting.case_message_count m USING ${cases} WHERE m.case_id = k.case_id`,
    `INSERT INTO reporting.case_message_count (case_id, channel, purpose, status, held, messages, ${SPAN_FIELDS.join(', ')})
     SELECT c.case_id, g.channel, g.purpose, g.status, g.held, count(*), ${fieldsOf('c', SPAN_FIELDS)}
     FROM reporting.case_fact c JOIN ${cases} USING (case_id) JOIN reporting.message_fact g USING (case_id)
     GROUP BY c.case_id, g.channel, g.purpose, g.status, g.held`,
  ],
};

export const CASE_REFRESHES: readonly CaseRefresh[] = [stageSpans, progress, messageCounts];

/** The FROM item for one case, its id the first parameter. */
export const ONE_CASE = '(SELECT $1::uuid AS case_id) k';

/** The FROM item for every case: each refresh reads only cases whose referral is known. */
export const EVERY_CASE = '(SELECT case_id FROM reporting.case_fact) k';
