import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseEntity } from './case.entity';
import { CaseRepository } from './case.repository';
import { CaseView, toCaseView } from './case.view';

/** Turns case rows into views, resolving facilitator names in one query. */
@Injectable()
export class CaseViews {
  constructor(private readonly cases: CaseRepository) {}

  async one(manager: EntityManager, kase: CaseEntity): Promise<CaseView> {
    const [view] = await this.many(manager, [kase]);
    return view!;
  }

  async many(manager: EntityManager, cases: CaseEntity[]): Promise<CaseView[]> {
    const facilitators = await this.cases.facilitatorRefs(manager, cases);
    const now = new Date();
    return cases.map((kase) => toCaseView(kase, facilitators, now));
  }
}
