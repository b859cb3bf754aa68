import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CohortQuery, type ReportFilter } from './report-filter';

export type Row = Record<string, any>;

export interface CaseRow extends Row {
  n: 1;
  /** Epoch seconds. */
  received: number;
  first_contact: number | null;
  closed: number | null;
  reached: string[];
  deliveries: string[];
}

const PERCENTILES = (hours: string) =>
  `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours}) AS median_hours, percentile_cont(0.9) WITHIN GROUP (ORDER BY ${hours}) AS p90_hours`;
const EXIT_STAGES = `('rejected', 'on-hold', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined')`;

/** The aggregate queries of a report, each over the period's cohort (report-filter.ts). */
@Injectable()
export class FiguresRepository {
/**
   * One row a case of the cohort: its referral and its progress (projections/case-progress.ts).
   * Times travel as epoch seconds and lists as text: parsing 10,000 dates and arrays costs the
   * report more than the query does.
   */
  async cases(m: EntityManager, f: ReportFilter): Promise<CaseRow[]> {
    const rows = await this.run(m, f, (q) => `${q.cohort()}
      SELECT c.source, c.initiated_by, c.offence_category, c.justice_stage, c.age_group, c.domestic_abuse, c.sexual_offence,
        c.hate_crime, extract(epoch FROM c.received_at)::float8 AS received, coalesce(p.current_stage, 'referred') AS current_stage,
        array_to_string(p.reached, ' ') AS reached, extract(epoch FROM p.first_contact_at)::float8 AS first_contact,
        extract(epoch FROM p.closed_at)::float8 AS closed, p.closure_reason, array_to_string(p.deliveries, ' ') AS deliveries,
        p.meeting_held_delivery
      FROM cohort c LEFT JOIN reporting.case_progress p USING (case_id)`);
    return rows.map((r): CaseRow => ({
      ...(r as CaseRow),
      n: 1,
      reached: r.reached ? r.reached.split(' ') : [],
      deliveries: r.deliveries ? r.deliveries.split(' ') : [],
    }));
  }

  exits(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT t.to_stage AS outcome, t.from_stage, t.withdrawn_by, t.reason, count(*)::int AS n
      FROM reporting.stage_transition t JOIN cohort USING (case_id)
      WHERE t.to_stage IN ${EXIT_STAGES} GROUP BY 1, 2, 3, 4`);
  }

  timeInStage(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT s.stage, count(s.hours)::int AS n, count(*) FILTER (WHERE s.hours IS NULL)::int AS still_in, ${PERCENTILES('s.hours')}
      FROM reporting.stage_span s JOIN cohort USING (case_id) GROUP BY 1`);
  }

  consent(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT k.participant_role AS role, k.scope,
        count(DISTINCT k.participant_id) FILTER (WHERE k.given_at IS NOT NULL)::int AS given,
        count(DISTINCT k.participant_id) FILTER (WHERE k.withdrawn_at IS NOT NULL)::int AS withdrawn,
        count(DISTINCT k.participant_id) FILTER (WHERE k.given_at IS NOT NULL AND k.withdrawn_at IS NULL)::int AS active
      FROM reporting.consent_fact k JOIN cohort USING (case_id) GROUP BY 1, 2`);
  }

  sessionRequests(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT r.kind, count(*)::int AS n FROM reporting.session_request_fact r JOIN cohort USING (case_id) GROUP BY 1`);
  }

  outcomes(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => {
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
  }

  feedback(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT b.participant_role AS role, b.satisfaction, count(*)::int AS n
      FROM reporting.feedback_fact b JOIN cohort USING (case_id) GROUP BY 1, 2`);
  }

  /**
   * Each party on a case is counted as offered RJ; they took part when they had consented to
   * take part (and not withdrawn) at the moment the case first reached direct or indirect delivery.
   */
  participation(m: EntityManager, f: ReportFilter): Promise<Row[]> {
    return this.run(m, f, (q) => `${q.cohort()}
      SELECT p.role, count(*)::int AS offered,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM reporting.consent_fact k WHERE k.participant_id = p.participant_id AND k.scope = 'participation'
            AND k.given_at <= g.first_delivered_at AND (k.withdrawn_at IS NULL OR k.withdrawn_at > g.first_delivered_at)))::int AS took_part
      FROM reporting.participant_fact p JOIN cohort USING (case_id) LEFT JOIN reporting.case_progress g USING (case_id)
      WHERE p.role IN ('person-harmed', 'person-responsible') AND NOT p.removed GROUP BY 1`);
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
