import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseStage, DomainEvent, PartyRole } from '#contracts';
import { HandlesEvent } from '#messaging';
import { caseOf, organisationOf } from '../people/people-events.handler';
import { PeopleRepository } from '../people/people.repository';
import { SchedulingConfig } from '../scheduling.config';
import { chainRulesFor } from './chain-rules';
import { SessionLifecycle } from './session-lifecycle';
import { SessionRepository } from './session.repository';

/** Stages a case does not come back from: its sessions still to come are cancelled. */
const ENDED: readonly CaseStage[] = ['closed', 'rejected', 'withdrawn', 'unsuitable', 'uncontactable', 'other-party-declined'];

const CASES_SERVICE = 'cases-service';

/** Session requests become pending sessions; a case that ends cancels what it had to come. */
@Injectable()
export class SessionEventsHandler {
  constructor(
    @Inject(SchedulingConfig) private readonly config: SchedulingConfig,
    private readonly sessions: SessionRepository,
    private readonly people: PeopleRepository,
    private readonly lifecycle: SessionLifecycle,
  ) {}

  @HandlesEvent('session.requested')
  async onSessionRequested(event: DomainEvent<'session.requested'>, manager: EntityManager): Promise<void> {
    const request = event.payload;
    const caseId = caseOf(event);
    const [earlier, casePeople] = await Promise.all([this.sessions.ofCase(manager, caseId), this.people.ofCase(manager, caseId)]);
    const roleOf = new Map(casePeople.map((p) => [p.id, p.role]));
    const sideOf = (participantIds: string[]): PartyRole | null =>
      (participantIds.map((id) => roleOf.get(id)).find((role) => role === 'person-harmed' || role === 'person-responsible') as PartyRole | undefined) ?? null;
    const afterRules = chainRulesFor(
      request.kind,
      earlier.map((s) => ({ id: s.id, kind: s.kind, side: sideOf(s.participantIds), requestedAt: s.requestedAt, cancelled: s.status === 'cancelled' })),
      {
        conferenceAfterPreparationMinHours: this.config.CONFERENCE_AFTER_PREPARATION_MIN_HOURS,
        followUpMinDays: this.config.FOLLOW_UP_MIN_DAYS,
        followUpMaxDays: this.config.FOLLOW_UP_MAX_DAYS,
      },
    );
    const session = {
      id: request.requestId,
      caseId,
      organisationId: organisationOf(event),
      kind: request.kind,
      delivery: request.delivery,
      durationMinutes: request.durationMinutes,
      participantIds: request.participantIds,
      facilitatorIds: request.facilitatorIds,
      notBefore: request.notBefore ? new Date(request.notBefore) : null,
      afterRules,
      status: 'pending' as const,
      version: 1,
      startsAt: null,
      endsAt: null,
      venueId: null,
      holdExpiresAt: null,
      cancelReason: null,
      requestedAt: new Date(request.requestedAt),
      updatedAt: new Date(),
    };
    await this.sessions.insert(manager, session);
    await this.sessions.addHistory(manager, session, 'requested', CASES_SERVICE);
  }

  @HandlesEvent('case.stage-changed')
  async onStageChanged(event: DomainEvent<'case.stage-changed'>, manager: EntityManager): Promise<void> {
    const caseId = caseOf(event);
    await this.people.upsertCase(manager, { id: caseId, organisationId: organisationOf(event), stage: event.payload.to });
    if (!ENDED.includes(event.payload.to)) return;
    for (const session of await this.sessions.futureOfCase(manager, caseId, new Date(event.occurredAt))) {
      await this.lifecycle.cancel(manager, session, 'case-ended', CASES_SERVICE);
    }
  }
}
