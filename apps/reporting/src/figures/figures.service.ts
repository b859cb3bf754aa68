import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '#auth';
import { InvalidInputError } from '#platform';
import { REPORTING_DB } from '../database';
import { ReportingConfig } from '../reporting.config';
import type { ReportQuery } from './dto/report.query';
import { FiguresRepository } from './figures.repository';
import { FIGURE_NOTES } from './notes';
import type { Figures, Report } from './report';
import type { ReportFilter } from './report-filter';
import { reportScope } from './report-scope';
import * as shape from './shape';
import { withSharedSnapshot } from './shared-snapshot';

@Injectable()
export class FiguresService {
  constructor(
    @InjectDataSource(REPORTING_DB) private readonly dataSource: DataSource,
    @Inject(ReportingConfig) private readonly config: ReportingConfig,
    private readonly figures: FiguresRepository,
  ) {}

  async report(principal: Principal, query: ReportQuery): Promise<Report> {
    const filter = this.filter(principal, query);
    const scope = filter.scope;
    return {
      period: { from: filter.from.toISOString(), to: filter.to.toISOString(), asAt: filter.asAt.toISOString() },
      scope: {
        partnershipId: scope.kind === 'partnership' ? scope.partnershipId : null,
        organisationId: scope.organisationId,
      },
      filters: {
        referralSource: filter.referralSource ?? null,
        offenceCategory: filter.offenceCategory ?? null,
        justiceStage: filter.justiceStage ?? null,
      },
      notes: FIGURE_NOTES,
      figures: await this.compute(filter),
    };
  }

  /** Every figure from one snapshot, so the figures of a report agree with each other. */
  compute(filter: ReportFilter): Promise<Figures> {
    return withSharedSnapshot(this.dataSource, 4, async ([one, two, three, four]) => {
      const q = this.figures;
      const f = filter;
      // Lanes of about equal weight over 10,000 cases: the stage spans are the heaviest query, then the case rows.
      const [[spans, sessionRequests], [caseRows, cases, feedback], [consent, exits, messages], [outcomes, sessions, answers, caseload]] =
        await Promise.all([
          inTurn(() => q.timeInStage(one!, f), () => q.sessionRequests(one!, f)),
          inTurn(() => q.caseCounts(two!, f), () => q.caseTotals(two!, f), () => q.feedback(two!, f)),
          inTurn(() => q.consent(three!, f), () => q.exits(three!, f), () => q.messages(three!, f)),
          inTurn(() => q.outcomes(four!, f), () => q.sessions(four!, f), () => q.answers(four!, f), () => q.caseload(four!, f)),
        ]);
      const counts = shape.byDimension(caseRows);
      const funnel = shape.funnel(cases, counts, exits);
      return {
        referrals: shape.referrals(cases, counts),
        firstContact: shape.firstContact(cases, f.firstContactTargetHours),
        funnel,
        timeInStage: shape.timeInStage(spans, funnel.currentStage),
        timeToClose: shape.timeToClose(cases, counts),
        consent: shape.consent(consent),
        delivery: shape.delivery(counts, sessionRequests),
        outcomes: shape.outcomes(outcomes),
        satisfaction: shape.satisfaction(feedback),
        participants: shape.participants(cases),
        caseload: shape.caseload(caseload),
        messages: shape.messages(messages, answers),
        sessions: shape.sessions(sessions),
      };
    });
  }

  private filter(principal: Principal, query: ReportQuery): ReportFilter {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw InvalidInputError.field('to', 'isAfterFrom', `to (${query.to}) must be after from (${query.from})`);
    return {
      from,
      to,
      asAt: new Date(),
      scope: reportScope(principal, query.organisationId),
      firstContactTargetHours: query.firstContactTargetHours ?? this.config.FIRST_CONTACT_TARGET_HOURS,
      referralSource: query.referralSource,
      offenceCategory: query.offenceCategory,
      justiceStage: query.justiceStage,
    };
  }
}

/** Runs queries one after another on one connection (a connection runs one query at a time). */
async function inTurn<T extends unknown[]>(...queries: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as T;
}
