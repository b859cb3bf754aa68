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

/** Builds a query over the cohort: the `cohort` CTE first, then the query's own parameters. */
export class CohortQuery {
  readonly params: unknown[] = [];

  constructor(private readonly filter: ReportFilter) {}

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** `WITH cohort AS (...)`; a query may add its own CTEs after a comma. */
  cohort(): string {
    const f = this.filter;
    const clauses = [`c.received_at >= ${this.param(f.from)}`, `c.received_at < ${this.param(f.to)}`, ...this.scoped('c')];
    if (f.referralSource) clauses.push(`c.source = ${this.param(f.referralSource)}`);
    if (f.offenceCategory) clauses.push(`c.offence_category = ${this.param(f.offenceCategory)}`);
    if (f.justiceStage) clauses.push(`c.justice_stage = ${this.param(f.justiceStage)}`);
    return `WITH cohort AS (SELECT c.* FROM reporting.case_fact c WHERE ${clauses.join(' AND ')})`;
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
