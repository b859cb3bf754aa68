import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { HandlesEvent } from '#messaging';
import { PollsService } from './polls.service';

/** Poll answers given in reply to the poll message, from the notifications service. */
@Injectable()
export class PollEventsHandler {
  constructor(private readonly polls: PollsService) {}

  @HandlesEvent('poll.answered')
  onPollAnswered(event: DomainEvent<'poll.answered'>, manager: EntityManager): Promise<void> {
    return this.polls.answered(manager, event);
  }
}
