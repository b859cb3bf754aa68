import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactOutcome, UncontactableReason } from '#contracts';
import { CohortQuery, type ReportFilter } from './report-filter';

export type Row = Record<string, any>;

/** Median and p90 as PostgreSQL's percentile_cont: interpolated between the two nearest values. */
const SPREAD = (hours: string, filter = '') =>
  `percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${hours})${filter ? ` FILTER (WHERE ${filter})` : ''}`;
const EXIT_STAGES = `('rejected', 'on-hold', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined')`;

/**
 * Why a case was uncontactable when its move says nothing (moves published before cases asked
 * for a reason): read from the outcome of its last contact attempt, in the reasons' own words so
 * one breakdown holds old and new moves alike.
 */
const REASON_FROM_LAST_OUTCOME: Record<ContactOutcome, UncontactableReason> = {
  'no-answer': 'no-response',
  'voicemail-left': 'no-response',
  'message-sent': 'no-response',
  'wrong-details': 'wrong-details',
  'declined-contact': 'declined-contact',
  reached: 'other',
};
const INFERRED_UNCONTACTABLE_REASON = `CASE WHEN tried.outcome IS NULL THEN 'no-attempt-recorded' ${Object.entries(REASON_FROM_LAST_OUTCOME)
  .map(([outcome, reason]) => `WHEN tried.outcome = '${outcome}' THEN '${reason}'`)
  .join(' ')} ELSE 'other' END`;

/**
 * What the cohort's cases are counted by, one grouping set each. The stages reached and the
 * delivery types are grouped as whole lists (a few distinct paths through the funnel), which
 * shape.ts spreads over their stages.
 */
export const CASE_DIMENSIONS = {
  source: 'c.source',
  initiatedBy: 'c.initiated_by',
  offenceCategory: 'c.offence_category',
  justiceStage: 'c.justice_stage',
  ageGroup: 'c.age_group',
  currentStage: 'c.current_stage',
  reached: 'c.reached',
  deliveries: 'c.deliveries',
  meetingHeld: 'c.meeting_held_delivery',
  closureReason: `CASE WHEN c.closed_at IS NOT NULL THEN coalesce(c.closure_reason, 'none') END`,
} as const;

export type CaseDimension = keyof typeof CASE_DIMENSIONS;

/** The aggregate queries of a report, each over the period's cohort (report-filter.ts). */
@Injectable()
export class FiguresRepository {
  /**
   * Cases of the cohort counted by each dimension: rows of `{ dimension, key, n }`, a null key
   * where the case has no value (no meeting held, not closed).
   */
  caseCounts(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    const names = Object.keys(CASE_DIMENSIONS) as CaseDimension[];
    const expressions = names.map((name) => CASE_DIMENSIONS[name]);
    // GROUPING(...) sets one bit for each expression a row is not grouped by, the first expression the highest.
    const which = `CASE GROUPING(${expressions.join(', ')}) ${names
      .map((name, i) => `WHEN ${2 ** names.length - 1 - 2 ** (names.length - 1 - i)} THEN '${name}'`)
      .join(' ')} END`;
    return this.run(m, f, (q) => `
      SELECT ${which} AS dimension, coalesce(${expressions.map((e) => `to_jsonb(${e})`).join(', ')}) AS key, count(*)::int AS n
      FROM reporting.case_progress c WHERE ${q.inCohort('c')}
      GROUP BY GROUPING SETS (${expressions.map((e) => `(${e})`).join(', ')})`);
  }

  /** Referral flags, first contact against its target, time to close and parties taking part, over the cohort's cases. */
  caseTotals(m: EntityManager, f: ReportFilter): Promise<Row> {
    return this.run(m, f, (q) => {
      const cohort = q.inCohort('c');
      const onClock = `NOT 'rejected' = ANY (c.reached)`;
      const target = `${q.param(f.firstContactTargetHours)}::float8`;
      return `
      SELECT count(*)::int AS total, count(*) FILTER (WHERE c.domestic_abuse)::int AS domestic_abuse,
        count(*) FILTER (WHERE c.sexual_offence)::int AS sexual_offence, count(*) FILTER (WHERE c.hate_crime)::int AS hate_crime,
        count(*) FILTER (WHERE ${onClock})::int AS on_clock,
        count(c.first_contact_hours) FILTER (WHERE ${onClock})::int AS contacted,
        ${SPREAD('c.first_contact_hours', onClock)} AS first_contact,
        count(*) FILTER (WHERE ${onClock} AND c.first_contact_hours <= ${target})::int AS within_target,
        count(*) FILTER (WHERE ${onClock} AND c.first_contact_at IS NULL
          AND c.received_at + ${target} * interval '1 hour' < ${q.param(f.asAt)})::int AS overdue,
        count(c.close_hours)::int AS closed, ${SPREAD('c.close_hours')} AS to_close,
        coalesce(sum(c.harmed_offered), 0)::int AS harmed_offered, coalesce(sum(c.harmed_took_part), 0)::int AS harmed_took_part,
        coalesce(sum(c.responsible_offered), 0)::int AS responsible_offered,
        coalesce(sum(c.responsible_took_part), 0)::int AS responsible_took_part
      FROM reporting.case_progress c WHERE ${cohort}`;
    }).then((rows) => rows[0]!);
  }

  /**
   * Moves out of the process, by the stage left, by whom and why. A case that left from on hold
   * counts at the stage it was held from (its latest move to on-hold before), and whileOnHold.
   * By whom: who withdrew; for a rejection, the role triage decided in; for other-party-declined,
   * the party that did not initiate. Why: the reason code; for an uncontactable move without
   * one (published before cases asked), the reason its last contact attempt before the move
   * points to (REASON_FROM_LAST_OUTCOME).
   */
  exits(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `
      SELECT t.to_stage AS outcome, coalesce(held.from_stage, t.from_stage) AS from_stage, t.from_stage = 'on-hold' AS while_on_hold,
        CASE t.to_stage WHEN 'withdrawn' THEN t.withdrawn_by WHEN 'rejected' THEN r.decided_by_role
          WHEN 'other-party-declined' THEN CASE c.initiated_by WHEN 'person-harmed' THEN 'person-responsible' ELSE 'person-harmed' END
        END AS by_whom,
        CASE WHEN t.to_stage = 'uncontactable' AND t.reason IS NULL THEN ${INFERRED_UNCONTACTABLE_REASON} ELSE t.reason END AS reason,
        count(*)::int AS n
      FROM reporting.case_progress c
      JOIN reporting.stage_transition t ON t.case_id = c.case_id AND t.to_stage IN ${EXIT_STAGES}
      LEFT JOIN reporting.triage_fact r ON r.case_id = c.case_id AND t.to_stage = 'rejected'
      LEFT JOIN LATERAL (SELECT h.from_stage FROM reporting.stage_transition h
        WHERE t.from_stage = 'on-hold' AND h.case_id = t.case_id AND h.to_stage = 'on-hold' AND h.sequence < t.sequence
        ORDER BY h.sequence DESC LIMIT 1) held ON true
      LEFT JOIN LATERAL (SELECT a.outcome FROM reporting.contact_attempt_fact a
        WHERE t.to_stage = 'uncontactable' AND t.reason IS NULL AND a.case_id = t.case_id AND a.attempted_at <= t.changed_at
        ORDER BY a.attempted_at DESC LIMIT 1) tried ON true
      WHERE ${q.inCohort('c')}
      GROUP BY 1, 2, 3, 4, 5`);
  }

  /** Stages left, with how long cases spent in them; the stages cases are in now are currentStage. */
  timeInStage(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `
      SELECT s.stage, count(*)::int AS n, ${SPREAD('s.hours')} AS spread
      FROM reporting.stage_span s WHERE ${q.inCohort('s')} AND s.hours IS NOT NULL GROUP BY 1`);
  }

  /** A participant counts once per role and scope, however many consents they gave. */
  consent(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT role, scope, count(*) FILTER (WHERE given)::int AS given, count(*) FILTER (WHERE withdrawn)::int AS withdrawn,
        count(*) FILTER (WHERE active)::int AS active
      FROM (
        SELECT k.participant_role AS role, k.scope, bool_or(k.given_at IS NOT NULL) AS given,
          bool_or(k.withdrawn_at IS NOT NULL) AS withdrawn, bool_or(k.given_at IS NOT NULL AND k.withdrawn_at IS NULL) AS active
        FROM reporting.consent_fact k JOIN cohort USING (case_id) GROUP BY 1, 2, k.participant_id
      ) participant GROUP BY 1, 2`);
  }

  sessionRequests(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT r.kind, count(*)::int AS n FROM reporting.session_request_fact r JOIN cohort USING (case_id) GROUP BY 1`);
  }

  outcomes(m: EntityManager, f: ReportFilter): Promise<Row> {
    return this.run(m, f, (q) => {
      const cohort = q.cohort();
      const asAt = q.param(f.asAt);
      return `${cohort}, agreed AS (
        SELECT g.case_id, count(*) AS n FROM reporting.outcome_agreement_fact g JOIN cohort USING (case_id) GROUP BY 1
      )
      SELECT coalesce((SELECT sum(n) FROM agreed), 0)::int AS agreements, (SELECT count(*) FROM agreed)::int AS cases,
        count(a.action_id)::int AS actions,
        count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
        count(*) FILTER (WHERE a.status = 'completed' AND a.completed_at <= a.due_by)::int AS completed_on_time,
        count(*) FILTER (WHERE a.status = 'open' AND a.due_by < ${asAt})::int AS overdue,
        count(*) FILTER (WHERE a.status = 'open' AND a.due_by >= ${asAt})::int AS open_not_due,
        count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled
      FROM reporting.outcome_action_fact a JOIN cohort USING (case_id)`;
    }).then((rows) => rows[0]!);
  }

  feedback(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT b.participant_role AS role, b.satisfaction, count(*)::int AS n
      FROM reporting.feedback_fact b JOIN cohort USING (case_id) GROUP BY 1, 2`);
  }

  /** The cohort's sessions (projections/session.projections.ts), by kind and, for those cancelled, the reason. */
  sessions(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT s.kind, CASE WHEN s.cancelled THEN s.cancel_reason END AS cancel_reason,
        count(*) FILTER (WHERE s.booked)::int AS booked, count(*) FILTER (WHERE s.moves > 0)::int AS moved, sum(s.moves)::int AS moves,
        count(*) FILTER (WHERE s.cancelled AND s.booked)::int AS cancelled,
        count(*) FILTER (WHERE s.cancelled AND NOT s.booked)::int AS cancelled_before_booking,
        count(*) FILTER (WHERE s.outcome = 'took-place')::int AS held, count(*) FILTER (WHERE s.outcome = 'did-not-take-place')::int AS not_held
      FROM reporting.session_fact s JOIN cohort USING (case_id) GROUP BY 1, 2`);
  }

  /** The cohort's messages, each once, by channel, purpose, latest status and whether the content policy held it. */
  messages(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `
      SELECT g.channel, g.purpose, g.status, g.held, sum(g.messages)::int AS n
      FROM reporting.case_message_count g WHERE ${q.inCohort('g')} GROUP BY 1, 2, 3, 4`);
  }

  /**
   * What participants answered: confirmations by how, reschedule requests and opt-outs by
   * channel, as rows of `{ answer, key, n }`. An opt-out counts a participant's channel once.
   */
  answers(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT 'confirmation' AS answer, a.via AS key, count(*)::int AS n
      FROM reporting.attendance_confirmation_fact a JOIN cohort USING (case_id) GROUP BY 2
      UNION ALL
      SELECT 'reschedule-request', r.channel, count(*)::int FROM reporting.reschedule_request_fact r JOIN cohort USING (case_id) GROUP BY 2
      UNION ALL
      SELECT 'opt-out', o.channel, count(DISTINCT coalesce(o.participant_id, o.event_id))::int
      FROM reporting.opt_out_fact o JOIN cohort USING (case_id) GROUP BY 2`);
  }

  /** Now, not over the period: open cases each facilitator carries, a case ending when it reaches a final stage. */
  caseload(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `
      WITH open_allocation AS (
        SELECT a.case_id, a.lead_facilitator_id, a.co_facilitator_id FROM reporting.case_allocation a
        WHERE NOT EXISTS (SELECT 1 FROM reporting.case_progress p WHERE p.case_id = a.case_id AND p.ended)
      ), carried AS (
        SELECT lead_facilitator_id AS facilitator_id, count(*) AS n FROM open_allocation GROUP BY 1
        UNION ALL SELECT co_facilitator_id, count(*) FROM open_allocation GROUP BY 1
      )
      SELECT f.facilitator_id, f.capacity, f.active,
        coalesce((SELECT sum(n) FROM carried WHERE carried.facilitator_id = f.facilitator_id), 0)::int AS active_cases
      FROM reporting.facilitator_fact f WHERE ${q.facilitatorsInScope('f')}
      ORDER BY f.facilitator_id`);
  }

  private run(m: EntityManager, filter: ReportFilter, build: (q: CohortQuery) => string): Promise<Row[]> {
    const query = new CohortQuery(filter);
    const sql = build(query);
    return m.query(sql, query.params);
  }
}
