import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MessageChannel } from '#contracts';
import { ContactRoutes, type Recipient } from '../contacts/contact-routes';
import { NumberHash } from '../contacts/number-hash';
import { NOTIFICATIONS_DB } from '../database';
import { EmailSender } from '../email/email-sender';
import { inviteFor } from '../email/invite';
import type { MessageEntity } from '../messages/message.entity';
import { DeliveryFailures } from '../messages/delivery-failures';
import { MessageRepository } from '../messages/message.repository';
import { NotificationsConfig } from '../notifications.config';
import { OptOutRepository } from '../opt-outs/opt-out.repository';
import { MAX_VALIDITY_SECONDS, noLongerTrue, validitySeconds } from '../reminders/send-rules';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionRepository } from '../sessions/session.repository';
import { SmsRateLimiter } from '../sms/sms-rate-limiter';
import { SmsSender } from '../sms/sms-sender';
import { inviteLocation, type Place, placeOf } from '../venues/place';
import { VenueRepository } from '../venues/venue.repository';
import { kindOfPurpose } from './channels';
import { Batcher } from './batcher';
import { DONE, type JobOutcome, later } from './job-outcome';
import { MessageTexts } from './message-text';
import { SendFailure } from './send-failure';

/** A provider took a message: what to record of it. */
interface Accepted {
  messageId: string;
  changes: { providerId: string; sentAt: Date; sender: string; addressHash: string | null };
}

/** Less than this left before the session and an SMS is not worth sending. */
export const MIN_VALIDITY_SECONDS = 60;

/**
 * Sends a queued message once. Before the provider is called the message is marked as sending,
 * in the same transaction that checks it is still queued and its session still as it was; the
 * provider's answer is recorded after, with the other answers of the moment in one transaction
 * (the job ends only once it is). A message found marked after a crash may have gone: an SMS
 * waits for Twilio's callback to say so before it is sent again (email is sent again with the
 * same Message-ID, which mailboxes keep once).
 */
@Injectable()
export class MessageSender {
  private readonly logger = new Logger('MessageSender');
  private readonly numbers: string[];
  private readonly accepted = new Batcher<Accepted, void>((sends) => this.recordAccepted(sends), { maxSize: 1000, maxWaitMs: 50, maxInFlight: 1 });

  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    private readonly messages: MessageRepository,
    private readonly sessions: SessionRepository,
    private readonly venues: VenueRepository,
    private readonly optOuts: OptOutRepository,
    private readonly failures: DeliveryFailures,
    private readonly routes: ContactRoutes,
    private readonly numberHash: NumberHash,
    private readonly texts: MessageTexts,
    private readonly sms: SmsSender,
    private readonly email: EmailSender,
    private readonly rate: SmsRateLimiter,
  ) {
    this.numbers = config.SMS_FROM_NUMBERS.split(',');
  }

  /** A queued message by id: its recipient's address asked for now. */
  async run(messageId: string): Promise<JobOutcome> {
    const message = await this.messages.find(this.dataSource.manager, messageId);
    if (!message || message.status !== 'queued') return DONE;
    if (!message.caseId || !message.participantId) throw new Error(`message ${messageId} has no participant to send to`);
    const route = await this.routes.route(message.caseId, message.participantId);
    if (!route.recipient || route.recipient.participantId !== message.recipientId) {
      return this.drop(message, `recipient changed: ${route.unreachableReason ?? 'another person receives these now'}`);
    }
    const session = message.sessionId ? await this.sessions.find(this.dataSource.manager, message.sessionId) : null;
    // Only an email's invite says where (a batch reads its venues at once; this is one message).
    const venues = message.channel === 'email' && session?.venueId ? await this.venues.findMany(this.dataSource.manager, [session.venueId]) : new Map();
    return this.send(message, route.recipient, session, placeOf(session, venues));
  }

  async send(message: MessageEntity, recipient: Recipient, session: SessionEntity | null, place: Place): Promise<JobOutcome> {
    const address = recipient[message.channel];
    if (!address) return this.failPermanently(message, `${message.channel} is no longer a safe channel for the recipient`);
    const addressHash = message.channel === 'sms' ? this.numberHash.of(address) : null;
    const optedOut = await this.optOuts.optedOut(this.dataSource.manager, [{ participantId: recipient.participantId, numberHash: addressHash }]);
    if (optedOut.get(recipient.participantId)!.has(message.channel)) return this.drop(message, 'opted out');

    if (message.sendingSince && message.channel === 'sms') {
      const heardBy = new Date(new Date(message.sendingSince).getTime() + this.config.SMS_IN_DOUBT_GRACE_MS);
      if (heardBy > new Date()) return later(heardBy);
    }
    const from = this.senderFor(message.channel, recipient);
    const wait = await this.waitToSend(message.channel, from);
    if (wait) return wait;

    const started = await this.dataSource.transaction(async (manager) => {
      const locked = await this.messages.lock(manager, message.id);
      if (!locked || locked.status !== 'queued') return false;
      if (locked.sessionId && locked.purpose !== 'poll') {
        const current = await this.sessions.share(manager, locked.sessionId);
        const why = noLongerTrue({ kind: kindOfPurpose(locked.purpose), sessionVersion: locked.sessionVersion ?? 0 }, current, new Date());
        if (why) {
          await this.messages.move(manager, locked, 'dropped', why);
          return false;
        }
      }
      const until = usefulUntil(locked, session);
      if (until && validitySeconds(new Date(), until) < MIN_VALIDITY_SECONDS) {
        await this.messages.move(manager, locked, 'dropped', 'too close to the session');
        return false;
      }
      await this.messages.markSending(manager, locked.id, addressHash);
      return true;
    });
    return started ? this.deliver(message, recipient, session, from, addressHash, place) : DONE;
  }

  /** Who a message goes out as: the recipient's sending number, or the (neutral when discreet) mail address. */
  senderFor(channel: MessageChannel, recipient: Recipient): string {
    return channel === 'sms' ? this.senderNumber(recipient.participantId) : this.mailFrom(recipient);
  }

  /** Null when the sending number has room this second; otherwise when to try again. */
  private async waitToSend(channel: MessageChannel, from: string): Promise<JobOutcome | null> {
    if (channel !== 'sms') return null;
    const [wait] = await this.rate.take([from]);
    return wait! > 0 ? later(new Date(Date.now() + wait!)) : null;
  }

  /**
   * The provider call, for a message already marked as sending (in the transaction that checked
   * it may go), then its answer recorded.
   */
  async deliver(message: MessageEntity, recipient: Recipient, session: SessionEntity | null, from: string, addressHash: string | null, place: Place): Promise<JobOutcome> {
    const address = recipient[message.channel]!;
    const until = usefulUntil(message, session);
    const text = this.texts.open(message);
    let providerId: string;
    try {
      providerId =
        message.channel === 'sms'
          ? await this.sms.send({
              to: address,
              from,
              body: text.body,
              statusCallback: `${this.config.PUBLIC_BASE_URL}/webhooks/twilio/status?message=${message.id}`,
              validitySeconds: until ? validitySeconds(new Date(), until) : MAX_VALIDITY_SECONDS,
            })
          : await this.email.send({
              to: address,
              from,
              subject: text.subject ?? '',
              text: text.body,
              messageId: message.id,
              invite: this.invite(message, recipient, address, session, inviteLocation(text.body, recipient.language, place)),
            });
    } catch (error) {
      if (!(error instanceof SendFailure)) throw error;
      if (error.permanent) return this.failPermanently(message, error.message);
      await this.messages.recordRetry(this.dataSource.manager, message.id, error.message, error.inDoubt);
      throw error;
    }
    await this.accepted.submit({ messageId: message.id, changes: { providerId, sentAt: new Date(), sender: from, addressHash } });
    return DONE;
  }

  /**
   * Providers' answers recorded together (group commit): the messages locked, those still
   * queued moved to sent; one a callback moved on first keeps its status and gains what it lacked.
   */
  private async recordAccepted(sends: Accepted[]): Promise<void[]> {
    await this.dataSource.transaction(async (manager) => {
      const locked = new Map((await this.messages.lockMany(manager, sends.map((s) => s.messageId))).map((m) => [m.id, m]));
      await this.messages.moveMany(
        manager,
        sends.flatMap(({ messageId, changes }) => {
          const message = locked.get(messageId);
          return message ? [{ message, path: message.status === 'queued' ? ['sent' as const] : [], changes }] : [];
        }),
      );
    });
    return sends.map(() => undefined);
  }

  private async failPermanently(message: MessageEntity, why: string): Promise<JobOutcome> {
    this.logger.warn(`message ${message.id} (${message.channel}) failed: ${why}`);
    const recorded = await this.dataSource.transaction(async (manager) => {
      const locked = await this.messages.lock(manager, message.id);
      return locked ? this.failures.record(manager, locked, 'failed', why) : false;
    });
    if (recorded) await this.failures.tryOtherChannel(message.id);
    return DONE;
  }

  private async drop(message: MessageEntity, why: string): Promise<JobOutcome> {
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.messages.lock(manager, message.id);
      if (locked) await this.messages.move(manager, locked, 'dropped', why);
    });
    return DONE;
  }

  /** A recipient always gets the same sending number, so their replies and opt-outs keep one thread. */
  private senderNumber(recipientId: string): string {
    let hash = 0;
    for (const c of recipientId) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
    return this.numbers[hash % this.numbers.length]!;
  }

  private mailFrom(recipient: Recipient): string {
    return recipient.discreet ? this.config.MAIL_FROM_NEUTRAL : this.config.MAIL_FROM;
  }

  /** The recipient's own calendar entry, with booked, moved and cancelled notices. */
  private invite(message: MessageEntity, recipient: Recipient, address: string, session: SessionEntity | null, location: string | undefined) {
    if (!session?.startsAt || !['confirmation', 'reschedule', 'cancellation'].includes(message.purpose)) return null;
    const cancelled = message.purpose === 'cancellation';
    const from = parseAddress(this.mailFrom(recipient));
    const ics = inviteFor({
      sessionId: session.id,
      recipientId: recipient.participantId,
      recipientEmail: address,
      recipientName: recipient.firstName,
      organizer: from,
      version: message.sessionVersion ?? session.version,
      startsAt: new Date(session.startsAt),
      endsAt: new Date(session.endsAt ?? new Date(new Date(session.startsAt).getTime() + 3600_000)),
      cancelled,
      title: recipient.language === 'cy' ? 'Apwyntiad' : 'Appointment',
      location,
    });
    return { method: cancelled ? ('CANCEL' as const) : ('REQUEST' as const), ics };
  }
}

/** Until when a message is worth having: the session's start, or the poll's closing. */
export function usefulUntil(message: Pick<MessageEntity, 'validUntil'>, session: SessionEntity | null): Date | null {
  if (message.validUntil) return new Date(message.validUntil);
  return session?.startsAt ? new Date(session.startsAt) : null;
}

function parseAddress(text: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(text);
  return match ? { name: match[1]!.replace(/^"|"$/g, ''), email: match[2]! } : { name: text, email: text };
}
