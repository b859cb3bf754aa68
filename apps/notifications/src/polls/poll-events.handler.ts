import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { HandlesEvent } from '#messaging';
import { AfterCommit } from '../after-commit';
import { reminderId } from '../reminders/reminder-plan';
import { ReminderRepository } from '../reminders/reminder.repository';
import { SendScheduler } from '../reminders/send-scheduler';
import { caseOf, organisationOf } from '../sessions/session-events.handler';

/** An availability poll opened for a participant: its link goes to them now (asked of scheduling at send time). */
@Injectable()
export class PollEventsHandler {
  constructor(
    private readonly reminders: ReminderRepository,
    private readonly scheduler: SendScheduler,
    private readonly afterCommit: AfterCommit,
  ) {}

  @HandlesEvent('poll.opened')
  async onPollOpened(event: DomainEvent<'poll.opened'>, manager: EntityManager): Promise<void> {
    const { pollId, sessionId, participantId } = event.payload;
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
