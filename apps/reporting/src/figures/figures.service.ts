import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '#auth';
import { InvalidInputError } from '#platform';
import { REPORTING_DB } from '../database';
import { ReportingConfig } from '../reporting.config';
import type { ReportQuery } from './dto/report.query';
import { FiguresRepository } from './figures.repository';
import { FIGURE_NOTES, MESSAGES_NOT_YET, SESSIONS_NOT_YET } from './notes';
import type { Figures, Report } from './report';
import type { ReportFilter } from './report-filter';
import { reportScope } from './report-scope';
import * as shape from './shape';

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
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const q = this.figures;
      const referrals = shape.referrals(await q.referrals(m, filter));
      return {
        referrals,
        firstContact: shape.firstContact(await q.firstContact(m, filter), filter.firstContactTargetHours),
        funnel: shape.funnel(referrals.total, await q.reachedStages(m, filter), await q.currentStages(m, filter), await q.exits(m, filter)),
        timeInStage: shape.timeInStage(await q.timeInStage(m, filter)),
        timeToClose: shape.timeToClose(await q.timeToClose(m, filter)),
        consent: shape.consent(await q.consent(m, filter)),
        delivery: {
          byType: shape.sumBy(await q.deliveries(m, filter), 'delivery'),
          meetingsHeld: shape.meetingsHeld(await q.meetingsHeld(m, filter)),
          sessionRequests: shape.sumBy(await q.sessionRequests(m, filter), 'kind'),
        },
        outcomes: shape.outcomes(await q.outcomes(m, filter)),
        satisfaction: shape.satisfaction(await q.feedback(m, filter)),
        participants: shape.participants(await q.participation(m, filter)),
        caseload: shape.caseload(await q.caseload(m, filter)),
        messages: MESSAGES_NOT_YET,
        sessions: SESSIONS_NOT_YET,
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
