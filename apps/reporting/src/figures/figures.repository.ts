import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CohortQuery, type ReportFilter } from './report-filter';

export type Row = Record<string, any>;

const HOURS = (later: string, earlier: string) => `extract(epoch FROM ${later} - ${earlier})::float8 / 3600`;
const PERCENTILES = (hours: string) =>
  `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours}) AS median_hours, percentile_cont(0.9) WITHIN GROUP (ORDER BY ${hours}) AS p90_hours`;
const DELIVERY_STAGES = `('direct-meeting', 'indirect-communication')`;
const TERMINAL_STAGES = `('closed', 'rejected', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined')`;
const EXIT_STAGES = `('rejected', 'on-hold', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined')`;

/** The aggregate queries of a report, each over the period's cohort (report-filter.ts). */
@Injectable()
export class FiguresRepository {
  referrals(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT source, initiated_by, offence_category, justice_stage, age_group, domestic_abuse, sexual_offence, hate_crime,
        count(*)::int AS n
      FROM cohort GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
  }

  /** Referrals rejected at triage are never contacted, so they are left out of the clock. */
  async firstContact(m: EntityManager, f: ReportFilter): Promise<Row> {
    const [row] = await this.run(m, f, (q) => {
      const cohort = q.cohort();
      const target = q.param(f.firstContactTargetHours);
      const asAt = q.param(f.asAt);
      return `${cohort}, timed AS (
        SELECT c.received_at, ${HOURS('first_at', 'c.received_at')} AS hours, first_at FROM (
          SELECT c.*, (SELECT min(a.attempted_at) FROM reporting.contact_attempt_fact a
                       WHERE a.case_id = c.case_id AND a.outcome = 'reached') AS first_at
          FROM cohort c
          WHERE NOT EXISTS (SELECT 1 FROM reporting.stage_transition t WHERE t.case_id = c.case_id AND t.to_stage = 'rejected')
        ) c)
      SELECT count(*)::int AS cases, count(first_at)::int AS contacted, ${PERCENTILES('hours')},
        count(*) FILTER (WHERE hours <= ${target})::int AS within_target,
        count(*) FILTER (WHERE hours > ${target})::int AS late,
        count(*) FILTER (WHERE first_at IS NULL
          AND received_at + make_interval(hours => ${target}::int) < ${asAt})::int AS overdue
      FROM timed`;
    });
    return row;
  }

  reachedStages(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT t.to_stage AS stage, count(DISTINCT t.case_id)::int AS n
      FROM reporting.stage_transition t JOIN cohort USING (case_id) GROUP BY 1`);
  }

  exits(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT t.to_stage AS outcome, t.from_stage, t.withdrawn_by, t.reason, count(*)::int AS n
      FROM reporting.stage_transition t JOIN cohort USING (case_id)
      WHERE t.to_stage IN ${EXIT_STAGES} GROUP BY 1, 2, 3, 4`);
  }

  /** Where each case stands now: its latest move by sequence, or `referred` before any. */
  currentStages(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT coalesce(l.to_stage, 'referred') AS stage, count(*)::int AS n FROM cohort c
      LEFT JOIN LATERAL (SELECT t.to_stage FROM reporting.stage_transition t WHERE t.case_id = c.case_id
                         ORDER BY t.sequence DESC LIMIT 1) l ON true
      GROUP BY 1`);
  }

  /** A stage lasts from the move into it (the referral, for `referred`) to the next move by sequence. */
  timeInStage(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}, steps AS (
        SELECT c.case_id, 'referred' AS stage, c.received_at AS at, -1::bigint AS sequence FROM cohort c
        UNION ALL
        SELECT t.case_id, t.to_stage, t.changed_at, t.sequence FROM reporting.stage_transition t JOIN cohort USING (case_id)
      ), spans AS (
        SELECT stage, ${HOURS('lead(at) OVER (PARTITION BY case_id ORDER BY sequence)', 'at')} AS hours FROM steps
      )
      SELECT stage, count(hours)::int AS n, count(*) FILTER (WHERE hours IS NULL)::int AS still_in, ${PERCENTILES('hours')}
      FROM spans GROUP BY stage`);
  }

  timeToClose(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT GROUPING(t.reason) = 1 AS overall, t.reason, count(*)::int AS n, ${PERCENTILES(HOURS('t.changed_at', 'c.received_at'))}
      FROM reporting.stage_transition t JOIN cohort c USING (case_id)
      WHERE t.to_stage = 'closed' GROUP BY GROUPING SETS ((), (t.reason))`);
  }

  consent(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT k.participant_role AS role, k.scope,
        count(DISTINCT k.participant_id) FILTER (WHERE k.given_at IS NOT NULL)::int AS given,
        count(DISTINCT k.participant_id) FILTER (WHERE k.withdrawn_at IS NOT NULL)::int AS withdrawn,
        count(DISTINCT k.participant_id) FILTER (WHERE k.given_at IS NOT NULL AND k.withdrawn_at IS NULL)::int AS active
      FROM reporting.consent_fact k JOIN cohort USING (case_id) GROUP BY 1, 2`);
  }

  deliveries(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT t.delivery, count(DISTINCT t.case_id)::int AS n
      FROM reporting.stage_transition t JOIN cohort USING (case_id) WHERE t.to_stage IN ${DELIVERY_STAGES} GROUP BY 1`);
  }

  /** A meeting was held when the case moved on from it to the outcome agreement or follow-up. */
  meetingsHeld(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT t.delivery, count(DISTINCT t.case_id)::int AS n
      FROM reporting.stage_transition t JOIN cohort USING (case_id)
      WHERE t.to_stage = 'direct-meeting' AND EXISTS (
        SELECT 1 FROM reporting.stage_transition n WHERE n.case_id = t.case_id AND n.from_stage = 'direct-meeting'
          AND n.to_stage IN ('outcome-agreement', 'follow-up') AND n.sequence > t.sequence)
      GROUP BY 1`);
  }

  sessionRequests(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT r.kind, count(*)::int AS n FROM reporting.session_request_fact r JOIN cohort USING (case_id) GROUP BY 1`);
  }

  async outcomes(m: EntityManager, f: ReportFilter): Promise<Row> {
    const [row] = await this.run(m, f, (q) => {
      const cohort = q.cohort();
      const asAt = q.param(f.asAt);
      return `${cohort}
      SELECT (SELECT count(*) FROM reporting.outcome_agreement_fact g JOIN cohort USING (case_id))::int AS agreements,
        (SELECT count(DISTINCT g.case_id) FROM reporting.outcome_agreement_fact g JOIN cohort USING (case_id))::int AS cases,
        count(a.action_id)::int AS actions,
        count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
        count(*) FILTER (WHERE a.status = 'completed' AND a.completed_at <= a.due_by)::int AS completed_on_time,
        count(*) FILTER (WHERE a.status = 'open' AND a.due_by < ${asAt})::int AS overdue,
        count(*) FILTER (WHERE a.status = 'open' AND a.due_by >= ${asAt})::int AS open_not_due,
        count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled
      FROM reporting.outcome_action_fact a JOIN cohort USING (case_id)`;
    });
    return row;
  }

  feedback(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT b.participant_role AS role, b.satisfaction, count(*)::int AS n
      FROM reporting.feedback_fact b JOIN cohort USING (case_id) GROUP BY 1, 2`);
  }

  /**
   * Each party on a case is counted as offered RJ; they took part when they had consented to
   * take part (and not withdrawn) at the moment the case reached direct or indirect delivery.
   */
  participation(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT p.role, count(*)::int AS offered,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM reporting.stage_transition t JOIN reporting.consent_fact k ON k.participant_id = p.participant_id
          WHERE t.case_id = p.case_id AND t.to_stage IN ${DELIVERY_STAGES} AND k.scope = 'participation'
            AND k.given_at <= t.changed_at AND (k.withdrawn_at IS NULL OR k.withdrawn_at > t.changed_at)))::int AS took_part
      FROM reporting.participant_fact p JOIN cohort USING (case_id)
      WHERE p.role IN ('person-harmed', 'person-responsible') AND NOT p.removed GROUP BY 1`);
  }

  /** Now, not over the period: open cases each facilitator carries, a case ending when it reaches a final stage. */
  caseload(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `
      WITH open_allocation AS (
        SELECT a.case_id, a.lead_facilitator_id, a.co_facilitator_id FROM reporting.case_allocation a
        WHERE NOT EXISTS (SELECT 1 FROM reporting.stage_transition t WHERE t.case_id = a.case_id AND t.to_stage IN ${TERMINAL_STAGES})
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
