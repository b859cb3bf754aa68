import type { JusticeStage, OffenceCategory, ReferralSource } from '#contracts';

/** Whose cases a report covers, decided from the caller's role (figures/report-scope.ts). */
export type ReportScope =
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'partnership'; partnershipId: string; organisationId: string | null };

/**
 * A report covers the cohort of cases referred in [from, to) within the scope and filters, as
 * known at `asAt`: later events about those cases (a first contact, a closure) count, so the
 * figures of a past period settle as its cases run their course.
 */
export interface ReportFilter {
  from: Date;
  to: Date;
  asAt: Date;
  scope: ReportScope;
  firstContactTargetHours: number;
  referralSource?: ReferralSource;
  offenceCategory?: OffenceCategory;
  justiceStage?: JusticeStage;
}

/** Builds a query over the cohort, its parameters numbered in the order the query asks for them. */
export class CohortQuery {
  readonly params: unknown[] = [];

  constructor(private readonly filter: ReportFilter) {}

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /**
   * The conditions that narrow `case_progress`, `stage_span` or `case_message_count` (aliased
   * `alias`) to the cohort: each carries the referral's scope, time and filter fields, indexed by
   * scope and time.
   */
  inCohort(alias: string): string {
    const f = this.filter;
    const clauses = [`${alias}.received_at >= ${this.param(f.from)}`, `${alias}.received_at < ${this.param(f.to)}`, ...this.scoped(alias)];
    if (f.referralSource) clauses.push(`${alias}.source = ${this.param(f.referralSource)}`);
    if (f.offenceCategory) clauses.push(`${alias}.offence_category = ${this.param(f.offenceCategory)}`);
    if (f.justiceStage) clauses.push(`${alias}.justice_stage = ${this.param(f.justiceStage)}`);
    return clauses.join(' AND ');
  }

  /**
   * `WITH cohort AS (...)`: the cohort's case ids (and when each first reached delivery), for
   * queries over the other facts; a query may add CTEs after a comma. Only what they read, as a
   * cohort used twice is copied.
   */
  cohort(): string {
    return `WITH cohort AS (SELECT c.case_id, c.first_delivered_at FROM reporting.case_progress c WHERE ${this.inCohort('c')})`;
  }

  /**
   * Facilitators of the scope's organisations. Their events carry the organisation but not
   * the partnership, so a partnership's organisations are those its referrals came from.
   */
  facilitatorsInScope(alias: string): string {
    const scope = this.filter.scope;
    if (scope.kind === 'organisation') return `${alias}.organisation_id = ${this.param(scope.organisationId)}`;
    const clauses = [
      `${alias}.organisation_id IN (SELECT organisation_id FROM reporting.case_fact WHERE partnership_id = ${this.param(scope.partnershipId)})`,
    ];
    if (scope.organisationId) clauses.push(`${alias}.organisation_id = ${this.param(scope.organisationId)}`);
    return clauses.join(' AND ');
  }

  private scoped(alias: string): string[] {
    const scope = this.filter.scope;
    if (scope.kind === 'organisation') return [`${alias}.organisation_id = ${this.param(scope.organisationId)}`];
    return [
      `${alias}.partnership_id = ${this.param(scope.partnershipId)}`,
      ...(scope.organisationId ? [`${alias}.organisation_id = ${this.param(scope.organisationId)}`] : []),
    ];
  }
}
