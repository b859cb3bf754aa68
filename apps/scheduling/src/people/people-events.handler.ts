import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, FacilitatorV1, ParticipantV1 } from '#contracts';
import { HandlesEvent } from '#messaging';
import { SessionRepository } from '../sessions/session.repository';
import { PeopleRepository } from './people.repository';

/** Keeps scheduling's copy of facilitators, participants, and cases' partnerships and allocations current. */
@Injectable()
export class PeopleEventsHandler {
  constructor(
    private readonly people: PeopleRepository,
    private readonly sessions: SessionRepository,
  ) {}

  @HandlesEvent('facilitator.registered')
  onFacilitatorRegistered(event: DomainEvent<'facilitator.registered'>, manager: EntityManager): Promise<void> {
    return this.facilitator(event, manager);
  }

  @HandlesEvent('facilitator.changed')
  onFacilitatorChanged(event: DomainEvent<'facilitator.changed'>, manager: EntityManager): Promise<void> {
    return this.facilitator(event, manager);
  }

  @HandlesEvent('participant.added')
  onParticipantAdded(event: DomainEvent<'participant.added'>, manager: EntityManager): Promise<void> {
    return this.participant(event, manager);
  }

  @HandlesEvent('participant.changed')
  onParticipantChanged(event: DomainEvent<'participant.changed'>, manager: EntityManager): Promise<void> {
    return this.participant(event, manager);
  }

  @HandlesEvent('participant.removed')
  async onParticipantRemoved(event: DomainEvent<'participant.removed'>, manager: EntityManager): Promise<void> {
    await this.people.markRemoved(manager, event.payload.participantId, new Date(event.occurredAt));
    await this.sessions.dropFromPending(manager, event.payload.participantId);
  }

  /** Only the partnership: partnership leads read the sessions of their partnership's cases by it. */
  @HandlesEvent('case.referred')
  async onReferred(event: DomainEvent<'case.referred'>, manager: EntityManager): Promise<void> {
    await this.people.upsertCase(manager, { id: caseOf(event), organisationId: organisationOf(event), partnershipId: event.payload.partnershipId });
  }

  @HandlesEvent('case.facilitators-assigned')
  async onFacilitatorsAssigned(event: DomainEvent<'case.facilitators-assigned'>, manager: EntityManager): Promise<void> {
    await this.people.upsertCase(manager, {
      id: caseOf(event),
      organisationId: organisationOf(event),
      leadFacilitatorId: event.payload.leadFacilitatorId,
      coFacilitatorId: event.payload.coFacilitatorId,
    });
  }

  private async facilitator(event: DomainEvent<'facilitator.registered' | 'facilitator.changed'>, manager: EntityManager) {
    const f: FacilitatorV1 = event.payload;
    await this.people.upsert(
      manager,
      {
        id: f.facilitatorId,
        kind: 'facilitator',
        organisationId: organisationOf(event),
        userId: f.userId ?? null,
        caseId: null,
        role: 'facilitator',
        supportsParticipantId: null,
        language: null,
        timeZone: f.timeZone,
        inCustody: false,
        establishment: null,
        needsAccessibleVenue: false,
        interpreterLanguage: null,
        active: f.active,
      },
      event,
    );
  }

  private async participant(event: DomainEvent<'participant.added' | 'participant.changed'>, manager: EntityManager) {
    const p: ParticipantV1 = event.payload;
    await this.people.upsert(
      manager,
      {
        id: p.participantId,
        kind: 'participant',
        organisationId: organisationOf(event),
        userId: null,
        caseId: caseOf(event),
        role: p.role,
        supportsParticipantId: p.supportsParticipantId,
        language: p.language,
        timeZone: p.timeZone,
        inCustody: p.inCustody,
        establishment: p.establishment,
        needsAccessibleVenue: p.needsAccessibleVenue,
        interpreterLanguage: p.interpreterLanguage,
        active: true,
      },
      event,
    );
  }
}

/** Events about a case carry its id and organisation; one without is a producer's bug. */
export function caseOf(event: DomainEvent): string {
  if (!event.caseId) throw new Error(`${event.type} ${event.id} has no caseId`);
  return event.caseId;
}

export function organisationOf(event: DomainEvent): string {
  if (!event.organisationId) throw new Error(`${event.type} ${event.id} has no organisationId`);
  return event.organisationId;
}
