import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { HandlesEvent } from '#messaging';
import { Projector } from '../projections/projector';
import { EventLogRepository } from './event-log.repository';

/**
 * The events of the cases service. Each is logged and projected in the consumer's transaction,
 * which also records it as processed: a redelivery has no second effect. Scheduling and
 * notifications events get a handler class of their own when those services publish them.
 */
@Injectable()
export class CaseEventsHandler {
  constructor(
    private readonly log: EventLogRepository,
    private readonly projector: Projector,
  ) {}

  @HandlesEvent('case.referred')
  @HandlesEvent('case.triaged')
  @HandlesEvent('case.contact-attempted')
  @HandlesEvent('case.stage-changed')
  @HandlesEvent('case.facilitators-assigned')
  @HandlesEvent('facilitator.registered')
  @HandlesEvent('facilitator.changed')
  @HandlesEvent('participant.added')
  @HandlesEvent('participant.changed')
  @HandlesEvent('participant.removed')
  @HandlesEvent('consent.recorded')
  @HandlesEvent('consent.withdrawn')
  @HandlesEvent('assessment.recorded')
  @HandlesEvent('session.requested')
  @HandlesEvent('outcome-agreement.recorded')
  @HandlesEvent('outcome-action.updated')
  @HandlesEvent('feedback.recorded')
  async record(event: DomainEvent, manager: EntityManager): Promise<void> {
    if (await this.log.append(manager, event)) await this.projector.project(manager, event);
  }
}
