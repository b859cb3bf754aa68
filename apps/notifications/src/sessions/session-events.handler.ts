import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, SessionBookedV1 } from '#contracts';
import { HandlesEvent } from '#messaging';
import { AfterCommit } from '../after-commit';
import { NotificationsConfig } from '../notifications.config';
import type { ReminderKind } from '../reminders/reminder.entity';
import { parseOffsets, plannedReminders, reminderId, settingsFor } from '../reminders/reminder-plan';
import { type NewReminder, ReminderRepository } from '../reminders/reminder.repository';
import { SendScheduler } from '../reminders/send-scheduler';
import { SessionRepository } from './session.repository';

/**
 * Session events become the session copy and reminder rows, then delayed jobs. Jobs are queued
 * once the event's transaction commits, so a job always finds its row (a rollback queues none;
 * the event is handled again with the same ids, so nothing is planned twice or lost).
 */
@Injectable()
export class SessionEventsHandler {
  constructor(
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    private readonly sessions: SessionRepository,
    private readonly reminders: ReminderRepository,
    private readonly scheduler: SendScheduler,
    private readonly afterCommit: AfterCommit,
  ) {}

  @HandlesEvent('session.booked')
  onBooked(event: DomainEvent<'session.booked'>, manager: EntityManager): Promise<void> {
    return this.placed(event, 'booked', manager);
  }

  @HandlesEvent('session.rescheduled')
  onRescheduled(event: DomainEvent<'session.rescheduled'>, manager: EntityManager): Promise<void> {
    return this.placed(event, 'rescheduled', manager);
  }

  @HandlesEvent('session.cancelled')
  async onCancelled(event: DomainEvent<'session.cancelled'>, manager: EntityManager): Promise<void> {
    const s = event.payload;
    const stored = await this.sessions.upsertIfNewer(manager, {
      id: s.sessionId,
      caseId: caseOf(event),
      organisationId: organisationOf(event),
      kind: s.kind,
      version: s.version,
      status: 'cancelled',
      startsAt: s.wasBookedFor ? new Date(s.wasBookedFor) : null,
      endsAt: null,
      venueId: null,
      venueKind: null,
      participantIds: s.participantIds,
      facilitatorIds: s.facilitatorIds,
    });
    if (!stored) return;
    await this.reminders.dropOlderThan(manager, s.sessionId, s.version, 'session-cancelled');
    // Never booked: nobody was told, so nobody is told of the cancellation.
    if (!s.wasBookedFor) return;
    // Each attendee gets one; at its time it goes only to those who had been told of the session.
    await this.plan(manager, event, s.sessionId, s.version, s.participantIds.map((participantId) => ({ participantId, kind: 'cancellation' as const, dueAt: new Date() })));
  }

  @HandlesEvent('session.attendance-confirmed')
  async onAttendanceConfirmed(event: DomainEvent<'session.attendance-confirmed'>, manager: EntityManager): Promise<void> {
    const { sessionId, version, participantId } = event.payload;
    await this.sessions.confirm(manager, sessionId, version, participantId);
  }

  private async placed(event: DomainEvent<'session.booked' | 'session.rescheduled'>, trigger: 'booked' | 'rescheduled', manager: EntityManager): Promise<void> {
    const s: SessionBookedV1 = event.payload;
    const organisationId = organisationOf(event);
    const startsAt = new Date(s.startsAt);
    const stored = await this.sessions.upsertIfNewer(manager, {
      id: s.sessionId,
      caseId: caseOf(event),
      organisationId,
      kind: s.kind,
      version: s.version,
      status: 'booked',
      startsAt,
      endsAt: new Date(s.endsAt),
      venueId: s.venueId,
      venueKind: s.venueKind,
      participantIds: s.participantIds,
      facilitatorIds: s.facilitatorIds,
    });
    if (!stored) return;
    await this.reminders.dropOlderThan(manager, s.sessionId, s.version, 'session-changed');
    const rows = await this.reminders.settings(manager, organisationId, s.participantIds);
    const defaults = { confirmation: true, offsetsMinutes: parseOffsets(this.config.REMINDER_OFFSETS_MINUTES) };
    const now = new Date();
    const planned = s.participantIds.flatMap((participantId) =>
      plannedReminders(trigger, startsAt, settingsFor(rows, s.kind, participantId, defaults), now).map((p) => ({ participantId, ...p })),
    );
    await this.plan(manager, event, s.sessionId, s.version, planned);
  }

  private async plan(
    manager: EntityManager,
    event: DomainEvent,
    sessionId: string,
    version: number,
    planned: { participantId: string; kind: ReminderKind; dueAt: Date }[],
  ): Promise<void> {
    const reminders: NewReminder[] = planned.map((p) => ({
      id: reminderId(sessionId, p.participantId, p.kind, version),
      organisationId: organisationOf(event),
      caseId: caseOf(event),
      sessionId,
      participantId: p.participantId,
      kind: p.kind,
      sessionVersion: version,
      pollId: null,
      dueAt: p.dueAt,
    }));
    await this.reminders.plan(manager, reminders);
    await this.afterCommit.run(manager, () => this.scheduler.reminders(reminders));
  }
}

/** Session events are about a case of an organisation; one without is a producer's bug. */
export function caseOf(event: DomainEvent): string {
  if (!event.caseId) throw new Error(`${event.type} ${event.id} has no caseId`);
  return event.caseId;
}

export function organisationOf(event: DomainEvent): string {
  if (!event.organisationId) throw new Error(`${event.type} ${event.id} has no organisationId`);
  return event.organisationId;
}
