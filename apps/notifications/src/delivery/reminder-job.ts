import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { MessageChannel } from '#contracts';
import type { SlotValue } from '#content-policy';
import { AlertRepository } from '../alerts/alert.repository';
import { ContactRoutes, type Recipient } from '../contacts/contact-routes';
import { NumberHash } from '../contacts/number-hash';
import { MessageComposer } from '../content/message-composer';
import { NOTIFICATIONS_DB } from '../database';
import type { MessageEntity } from '../messages/message.entity';
import { MessageRepository, type NewMessage } from '../messages/message.repository';
import { NotificationsConfig } from '../notifications.config';
import { OptOutRepository } from '../opt-outs/opt-out.repository';
import { PollLinks } from '../polls/poll-links';
import type { ReminderEntity } from '../reminders/reminder.entity';
import { ReminderRepository } from '../reminders/reminder.repository';
import { endOfQuietHours, noLongerTrue, validitySeconds } from '../reminders/send-rules';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionRepository } from '../sessions/session.repository';
import { purposeOf, safeChannels, templateFor } from './channels';
import { DONE, type JobOutcome, later } from './job-outcome';
import { MessageSender, MIN_VALIDITY_SECONDS } from './message-sender';
import { MessageTexts } from './message-text';

interface Prepared {
  recipient: Recipient;
  session: SessionEntity | null;
  message: MessageEntity;
}

/**
 * A reminder at its time: re-reads the session, asks cases where the participant's logistics go
 * now, and sends only what is still true, on a safe channel, in their language, outside quiet
 * hours, once the content policy allows the text. The message row is written (with the
 * reminder marked) before anything is sent, so a second run finds it and only resumes it.
 */
@Injectable()
export class ReminderJob {
  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    private readonly reminders: ReminderRepository,
    private readonly sessions: SessionRepository,
    private readonly messages: MessageRepository,
    private readonly optOuts: OptOutRepository,
    private readonly alerts: AlertRepository,
    private readonly routes: ContactRoutes,
    private readonly pollLinks: PollLinks,
    private readonly numberHash: NumberHash,
    private readonly composer: MessageComposer,
    private readonly texts: MessageTexts,
    private readonly sender: MessageSender,
  ) {}

  async run(reminderId: string): Promise<JobOutcome> {
    const reminder = await this.reminders.find(this.dataSource.manager, reminderId);
    // Its event's transaction has not committed yet (or rolled back): the retry will tell.
    if (!reminder) throw new Error(`reminder ${reminderId} is not recorded (yet)`);
    if (reminder.status === 'dropped') return DONE;
    if (reminder.status === 'messaged') {
      const pending = (await this.messages.ofReminder(this.dataSource.manager, reminder.id)).find((m) => m.status === 'queued');
      return pending ? this.sender.run(pending.id) : DONE;
    }
    return this.prepare(reminder, []);
  }

  /** After a permanent failure on one channel: the same reminder on the other safe channel, if any. */
  async fallback(failedMessageId: string): Promise<JobOutcome> {
    const failed = await this.messages.find(this.dataSource.manager, failedMessageId);
    if (!failed?.reminderId) return DONE;
    const reminder = await this.reminders.find(this.dataSource.manager, failed.reminderId);
    if (!reminder) return DONE;
    const tried = (await this.messages.ofReminder(this.dataSource.manager, reminder.id)).map((m) => m.channel);
    return this.prepare(reminder, tried);
  }

  private async prepare(reminder: ReminderEntity, tried: MessageChannel[]): Promise<JobOutcome> {
    const manager = this.dataSource.manager;
    const now = new Date();
    const fallback = tried.length > 0;
    const session = reminder.kind === 'poll' ? null : await this.sessions.find(manager, reminder.sessionId);
    const stale = noLongerTrue(reminder, session, now);
    if (stale) return this.dropReminder(reminder, stale, fallback);
    if (reminder.kind === 'cancellation' && !(await this.messages.told(manager, reminder.sessionId, reminder.participantId))) {
      return this.dropReminder(reminder, 'not-told-of-the-session', fallback);
    }

    const route = await this.routes.route(reminder.caseId, reminder.participantId);
    const recipient = route.recipient;
    if (!recipient) return this.unreachable(reminder, route.unreachableReason ?? 'no contact route', fallback);
    // An offender manager who attends as well already gets their own message about the session.
    if (recipient.participantId !== reminder.participantId && session?.participantIds.includes(recipient.participantId)) {
      return this.dropReminder(reminder, 'recipient-attends-in-own-right', fallback);
    }
    const optedOut = await this.optOuts.optedOut(manager, recipient.participantId, recipient.sms ? this.numberHash.of(recipient.sms) : null);
    const channels = safeChannels(recipient, optedOut, this.config.PREFERRED_CHANNEL).filter((c) => !tried.includes(c));
    if (channels.length === 0) return this.unreachable(reminder, fallback ? 'no other safe channel' : 'no safe channel', fallback);
    const channel = channels[0]!;

    const values: Record<string, SlotValue> = { name: recipient.firstName, office: this.composer.servicePhone };
    let validUntil = session?.startsAt ? new Date(session.startsAt) : null;
    if (session?.startsAt) values.when = { instant: new Date(session.startsAt).toISOString(), timeZone: recipient.timeZone };
    if (reminder.kind === 'poll') {
      const poll = await this.pollLinks.link(reminder.pollId!, reminder.participantId);
      if (!poll.url) return this.dropReminder(reminder, 'poll-closed', fallback);
      values.link = poll.url;
      validUntil = poll.closesAt ? new Date(poll.closesAt) : null;
    }

    let quietDrop = false;
    const quietEnd = channel === 'sms' ? endOfQuietHours(now, recipient.timeZone, { startHour: this.config.QUIET_HOURS_START, endHour: this.config.QUIET_HOURS_END }) : null;
    if (quietEnd) {
      const stillUseful = !validUntil || quietEnd.getTime() <= validUntil.getTime() - this.config.MIN_LEAD_MINUTES * 60_000;
      if (stillUseful && !fallback) {
        await this.reminders.defer(manager, reminder.id, quietEnd);
        return later(quietEnd);
      }
      quietDrop = true;
    }

    const others = quietDrop ? [] : await this.otherRecipients(reminder, session);
    const purpose = purposeOf(reminder.kind);
    const composed = this.composer.compose({ templateId: templateFor(purpose, channel), language: recipient.language, channel, recipient, others, values });
    const id = randomUUID();
    const tooLate = validUntil !== null && validitySeconds(now, validUntil) < MIN_VALIDITY_SECONDS;
    const status = quietDrop || tooLate ? 'dropped' : composed.reasons.length > 0 ? 'held' : 'queued';
    const message: NewMessage = {
      id,
      organisationId: reminder.organisationId,
      caseId: reminder.caseId,
      sessionId: reminder.sessionId,
      sessionVersion: reminder.sessionVersion,
      reminderId: reminder.id,
      participantId: reminder.participantId,
      recipientId: recipient.participantId,
      channel,
      templateId: templateFor(purpose, channel),
      language: recipient.language,
      purpose,
      status,
      holdReasons: status === 'held' ? composed.reasons : null,
      ...this.texts.seal(id, composed),
      neutralSender: recipient.discreet,
      sender: null,
      addressHash: null,
      validUntil,
    };
    // A fresh message is marked as sending in the transaction that writes it: one check, one commit, then the provider.
    const from = this.sender.senderFor(channel, recipient);
    if (status === 'queued') {
      const wait = await this.sender.waitToSend(channel, from);
      if (wait) return wait;
    }
    const prepared = await this.dataSource.transaction(async (tx): Promise<Prepared | null> => {
      // Claiming the reminder (planned → messaged) is also its lock: a second run finds it taken.
      if (fallback) {
        const locked = await this.reminders.lock(tx, reminder.id);
        if (!locked || locked.status !== 'messaged' || (await this.messages.ofReminder(tx, reminder.id)).some((m) => m.channel === channel)) return null;
      } else if (!(await this.reminders.claim(tx, reminder.id))) {
        return null;
      }
      const current = reminder.kind === 'poll' ? null : await this.sessions.share(tx, reminder.sessionId);
      const why = noLongerTrue(reminder, current, new Date());
      if (why) {
        if (!fallback) await this.reminders.dropClaimed(tx, reminder.id, why);
        return null;
      }
      const detail = status === 'dropped' ? (tooLate ? 'too close to the session' : 'quiet hours outlast it') : status === 'held' ? 'held by the content policy' : null;
      await this.messages.insert(tx, message, detail, status === 'queued');
      return { recipient, session: current, message: { ...message, attempts: 1, sendingSince: new Date(), error: null, providerId: null, sentAt: null, createdAt: new Date(), updatedAt: new Date() } };
    });
    if (!prepared || status !== 'queued') return DONE;
    return this.sender.deliver(prepared.message, prepared.recipient, prepared.session, from);
  }

  /** The session's other attendees as cases routes them: who the text must not reveal. */
  private async otherRecipients(reminder: ReminderEntity, session: SessionEntity | null): Promise<Recipient[]> {
    const others = (session?.participantIds ?? []).filter((id) => id !== reminder.participantId);
    if (others.length === 0) return [];
    const routes = await this.routes.routes(reminder.caseId, others);
    return routes.flatMap((r) => (r.recipient ? [r.recipient] : []));
  }

  private async dropReminder(reminder: ReminderEntity, why: string, fallback: boolean): Promise<JobOutcome> {
    if (!fallback) await this.reminders.drop(this.dataSource.manager, reminder.id, why);
    return DONE;
  }

  /** Nobody can be reached for it: the reminder is dropped and the coordinator told. */
  private async unreachable(reminder: ReminderEntity, why: string, fallback: boolean): Promise<JobOutcome> {
    await this.dataSource.transaction(async (tx) => {
      const locked = await this.reminders.lock(tx, reminder.id);
      if (!locked || locked.status !== (fallback ? 'messaged' : 'planned')) return;
      if (!fallback) await this.reminders.drop(tx, reminder.id, `unreachable: ${why}`);
      if (fallback) return; // the failure already raised its alert
      await this.alerts.raise(tx, {
        organisationId: reminder.organisationId,
        caseId: reminder.caseId,
        kind: 'unreachable',
        sessionId: reminder.sessionId,
        participantId: reminder.participantId,
        detail: `${reminder.kind}: ${why}`,
      });
    });
    return DONE;
  }
}
