import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { HandlesEvent } from '#messaging';
import { AfterCommit } from '../after-commit';
import { reminderId } from '../reminders/reminder-plan';
import { ReminderRepository } from '../reminders/reminder.repository';
import { SendScheduler } from '../reminders/send-scheduler';
import { caseOf, organisationOf } from '../sessions/session-events.handler';
import { inStartOrder } from './poll-numbering';
import { PollRepository } from './poll.repository';

/**
 * An availability poll opened for a participant: its times are kept, numbered in start order (an
 * SMS lists them and a reply names them by number), and its message goes to them now (the link
 * asked of scheduling at send time).
 */
@Injectable()
export class PollEventsHandler {
  constructor(
    private readonly reminders: ReminderRepository,
    private readonly polls: PollRepository,
    private readonly scheduler: SendScheduler,
    private readonly afterCommit: AfterCommit,
  ) {}

  @HandlesEvent('poll.opened')
  async onPollOpened(event: DomainEvent<'poll.opened'>, manager: EntityManager): Promise<void> {
    const { pollId, sessionId, participantId, options, closesAt } = event.payload;
    await this.polls.keep(manager, {
      id: pollId,
      organisationId: organisationOf(event),
      caseId: caseOf(event),
      sessionId,
      participantId,
      options: inStartOrder(options),
      closesAt: new Date(closesAt),
    });
    const reminder = {
      id: reminderId(sessionId, participantId, 'poll', 0, pollId),
      organisationId: organisationOf(event),
      caseId: caseOf(event),
      sessionId,
      participantId,
      kind: 'poll' as const,
      sessionVersion: 0,
      pollId,
      dueAt: new Date(),
    };
    await this.reminders.plan(manager, [reminder]);
    // Queued once the event's transaction commits, so the job finds its row.
    await this.afterCommit.run(manager, () => this.scheduler.reminders([reminder]));
  }
}
