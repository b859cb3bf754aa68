import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '#auth';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '#platform';
import type { Instance, Plan } from '#scheduler';
import { BookingService } from '../booking/booking.service';
import { SCHEDULING_DB } from '../database';
import { SchedulingConfig } from '../scheduling.config';
import { iso } from '../suggestions/instance-builder';
import type { AcceptOutcomeView, AcceptPlanDto, PlanView, ProposedSessionView, RequestPlanDto } from './dto/plan.dto';
import type { PlanEntity } from './plan.entity';
import { PlanRepository } from './plan.repository';
import { PLAN_JOB, type PlanJobData, planJobOptions, PLANNING_QUEUE } from './planning-queue';

const DEFAULT_TIME_LIMIT_MS = 5_000;

/** Plans of an organisation's pending sessions: asked for here, solved by the worker, accepted here. */
@Injectable()
export class PlanningService {
  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    @Inject(SchedulingConfig) private readonly config: SchedulingConfig,
    @InjectQueue(PLANNING_QUEUE) private readonly queue: Queue<PlanJobData>,
    private readonly plans: PlanRepository,
    private readonly booking: BookingService,
  ) {}

  async request(principal: Principal, dto: RequestPlanDto): Promise<PlanView> {
    const plan: PlanEntity = {
      id: randomUUID(),
      organisationId: principal.organisationId,
      status: 'queued',
      progress: 0,
      horizonDays: dto.horizonDays ?? this.config.SUGGESTION_HORIZON_DAYS,
      timeLimitMs: dto.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
      instance: null,
      plan: null,
      unplaceable: null,
      error: null,
      createdBy: principal.userId,
      createdAt: new Date(),
      finishedAt: null,
    };
    await this.plans.insert(this.dataSource.manager, plan);
    await this.queue.add(PLAN_JOB, { planId: plan.id }, planJobOptions(plan.id));
    return toPlanView(plan);
  }

  async get(principal: Principal, planId: string): Promise<PlanView> {
    return toPlanView(await this.visible(principal, planId));
  }

  /** The solver's instance and plan in the exchange format, for `schedule check` and the CLI. */
  async files(principal: Principal, planId: string): Promise<{ instance: Instance; plan: Plan }> {
    const plan = await this.done(principal, planId);
    return { instance: plan.instance!, plan: plan.plan! };
  }

  /**
   * Books the proposed sessions chosen (all by default), earliest first, each with the same
   * checks and guarantees as a coordinator's booking; one refused does not stop the others.
   */
  async accept(principal: Principal, planId: string, dto: AcceptPlanDto): Promise<AcceptOutcomeView[]> {
    const proposed = proposals(await this.done(principal, planId));
    const chosen = dto.sessionIds ?? proposed.map((p) => p.sessionId);
    const violations = chosen.flatMap((id, index) =>
      proposed.some((p) => p.sessionId === id) ? [] : [{ field: `sessionIds[${index}]`, rule: 'isProposed', message: `sessionIds[${index}] is not in this plan's proposal` }],
    );
    if (violations.length > 0) throw new InvalidInputError(violations);
    const outcomes: AcceptOutcomeView[] = [];
    for (const p of proposed.filter((p) => chosen.includes(p.sessionId))) {
      try {
        await this.booking.book(principal, p.sessionId, { start: p.start, venueId: p.venueId });
        outcomes.push({ sessionId: p.sessionId, outcome: 'booked' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push({ sessionId: p.sessionId, outcome: 'refused', error: { code: error.code, message: error.message } });
      }
    }
    return outcomes;
  }

  private async visible(principal: Principal, planId: string): Promise<PlanEntity> {
    const plan = await this.plans.find(this.dataSource.manager, planId);
    if (!plan || plan.organisationId !== principal.organisationId) throw new NotFoundError('plan', planId);
    return plan;
  }

  private async done(principal: Principal, planId: string): Promise<PlanEntity> {
    const plan = await this.visible(principal, planId);
    if (plan.status !== 'done') throw new ConflictError('plan-not-ready', `plan ${planId} is ${plan.status}`);
    if (!plan.instance || !plan.plan) throw new ConflictError('plan-empty', `plan ${planId} found no pending session to place`);
    return plan;
  }
}

/** The sessions the plan places that were not already booked, earliest first. */
function proposals(plan: PlanEntity): ProposedSessionView[] {
  if (!plan.instance || !plan.plan) return [];
  const specs = new Map(plan.instance.sessions.map((s) => [s.id, s]));
  return plan.plan.assignments
    .filter((a) => !specs.get(a.session)!.fixed)
    .map((a) => ({ sessionId: a.session, start: a.start, end: iso(Date.parse(a.start) + specs.get(a.session)!.durationMinutes * 60_000), venueId: a.venue }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

function toPlanView(plan: PlanEntity): PlanView {
  const fixed = new Set(plan.instance?.sessions.filter((s) => s.fixed).map((s) => s.id) ?? []);
  return {
    id: plan.id,
    status: plan.status,
    progress: plan.progress,
    proposed: proposals(plan),
    leftOut: [...(plan.unplaceable ?? []), ...(plan.plan?.unscheduled.filter((u) => !fixed.has(u.session)).map((u) => ({ sessionId: u.session, reason: u.reason })) ?? [])],
    error: plan.error,
    createdAt: plan.createdAt.toISOString(),
    finishedAt: plan.finishedAt?.toISOString() ?? null,
  };
}
