import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SCHEDULING_DB } from '../database';
import { SessionRepository } from '../sessions/session.repository';
import { InstanceBuilder } from '../suggestions/instance-builder';
import { solveInThread } from './plan-solver';
import { PlanRepository } from './plan.repository';

/** Progress points: read and built (10), solving (10 to 90 with the budget), stored (100). */
const BUILT = 10;
const SOLVED = 90;

/**
 * One planning run: every pending session of the organisation, with what is held and booked
 * fixed, solved within the plan's time budget. Runs once: a plan already started is left alone.
 */
@Injectable()
export class PlanningJob {
  private readonly logger = new Logger('PlanningJob');

  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    private readonly plans: PlanRepository,
    private readonly sessions: SessionRepository,
    private readonly builder: InstanceBuilder,
  ) {}

  async run(planId: string, reportProgress: (percent: number) => Promise<void>): Promise<void> {
    const manager = this.dataSource.manager;
    const plan = await this.plans.find(manager, planId);
    if (!plan || plan.status !== 'queued') return;
    const progress = async (percent: number) => {
      await this.plans.advance(manager, planId, percent);
      await reportProgress(percent);
    };
    await this.plans.update(manager, planId, { status: 'running' });
    try {
      const pending = await this.sessions.pendingOf(manager, plan.organisationId);
      const world =
        pending.length > 0
          ? await this.builder.build(manager, pending, new Date(), { horizonDays: plan.horizonDays, skipUnplaceable: true })
          : null;
      await progress(BUILT);
      const instance = world?.instance ?? null;
      const solved =
        instance && instance.sessions.some((s) => !s.fixed)
          ? await solveInThread(instance, plan.timeLimitMs, (fraction) => void progress(Math.round(BUILT + fraction * (SOLVED - BUILT))).catch(() => undefined))
          : null;
      await this.plans.update(manager, planId, {
        status: 'done',
        progress: 100,
        instance,
        plan: solved,
        unplaceable: world?.unplaceable ?? [],
        finishedAt: new Date(),
      });
      await reportProgress(100);
    } catch (error) {
      this.logger.warn(`plan ${planId} failed: ${(error as Error).message}`);
      await this.plans.update(manager, planId, { status: 'failed', error: (error as Error).message, finishedAt: new Date() });
    }
  }
}
