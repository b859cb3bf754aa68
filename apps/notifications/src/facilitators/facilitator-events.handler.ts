import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { HandlesEvent } from '#messaging';
import { caseOf, organisationOf } from '../sessions/session-events.handler';
import { FacilitatorRepository } from './facilitator.repository';

/**
 * The cases service's facilitators (their token subject) and each case's allocation become
 * notifications' copy, the newest event winning; a redelivery changes nothing. Who reads a
 * forwarded reply follows from them (alerts/reply-access.ts).
 */
@Injectable()
export class FacilitatorEventsHandler {
  constructor(private readonly facilitators: FacilitatorRepository) {}

  @HandlesEvent('facilitator.registered')
  onRegistered(event: DomainEvent<'facilitator.registered'>, manager: EntityManager): Promise<void> {
    return this.facilitator(event, manager);
  }

  @HandlesEvent('facilitator.changed')
  onChanged(event: DomainEvent<'facilitator.changed'>, manager: EntityManager): Promise<void> {
    return this.facilitator(event, manager);
  }

  @HandlesEvent('case.facilitators-assigned')
  async onAssigned(event: DomainEvent<'case.facilitators-assigned'>, manager: EntityManager): Promise<void> {
    const { leadFacilitatorId, coFacilitatorId } = event.payload;
    await this.facilitators.assign(manager, caseOf(event), organisationOf(event), [leadFacilitatorId, coFacilitatorId], event.sequence);
  }

  private async facilitator(event: DomainEvent<'facilitator.registered' | 'facilitator.changed'>, manager: EntityManager): Promise<void> {
    const f = event.payload;
    await this.facilitators.saveFacilitator(manager, { id: f.facilitatorId, organisationId: organisationOf(event), userId: f.userId ?? null }, event.sequence);
  }
}
