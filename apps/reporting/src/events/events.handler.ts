import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { HandlesEvent } from '#messaging';
import { Projector } from '../projections/projector';
import { EventLogRepository } from './event-log.repository';

/**
 * Every event reporting subscribes to, whichever service published it: each is logged and
 * projected in the consumer's transaction, which also records it as processed, so a
 * redelivery has no second effect. The worker refuses to boot while a subscription in
 * libs/contracts has no handler here, and stored-fields.ts must say what to keep of it.
 */
@Injectable()
export class EventsHandler {
  constructor(
    private readonly log: EventLogRepository,
    private readonly projector: Projector,
  ) {}

  // cases
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
  // scheduling
  @HandlesEvent('session.booked')
  @HandlesEvent('session.rescheduled')
  @HandlesEvent('session.cancelled')
  @HandlesEvent('session.attendance-confirmed')
  @HandlesEvent('session.outcome-recorded')
  // notifications
  @HandlesEvent('message.status-changed')
  @HandlesEvent('reply.reschedule-requested')
  @HandlesEvent('channel.opted-out')
  async record(event: DomainEvent, manager: EntityManager): Promise<void> {
    if (await this.log.append(manager, event)) await this.projector.project(manager, event);
  }
}
