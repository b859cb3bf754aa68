import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { MessageChannel } from '#contracts';
import type { SlotValue } from '#content-policy';
import { UnavailableError } from '#platform';
import { AlertRepository, type NewAlert } from '../alerts/alert.repository';
import { ContactRoutes, type Recipient, type RouteBook } from '../contacts/contact-routes';
import { NumberHash } from '../contacts/number-hash';
import { MessageComposer } from '../content/message-composer';
import { NOTIFICATIONS_DB } from '../database';
import type { MessageEntity } from '../messages/message.entity';
import { MessageRepository, type NewMessageRow } from '../messages/message.repository';
import { NotificationsConfig } from '../notifications.config';
import { OptOutRepository } from '../opt-outs/opt-out.repository';
import { PollLinks } from '../polls/poll-links';
import { listedTimes, POLL_SMS_TEMPLATE } from '../polls/poll-numbering';
import type { PollEntity } from '../polls/poll.entity';
import { PollRepository } from '../polls/poll.repository';
import type { ReminderEntity } from '../reminders/reminder.entity';
import { ReminderRepository } from '../reminders/reminder.repository';
import { endOfQuietHours, noLongerTrue, validitySeconds } from '../reminders/send-rules';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionRepository } from '../sessions/session.repository';
import { SmsRateLimiter } from '../sms/sms-rate-limiter';
import { composeWithPlace, type Place, placeOf } from '../venues/place';
import type { VenueEntity } from '../venues/venue.entity';
import { VenueRepository } from '../venues/venue.repository';
import { Batcher } from './batcher';
import { purposeOf, safeChannels, templateFor } from './channels';
import { DONE, type JobOutcome, later } from './job-outcome';
import { MessageSender, MIN_VALIDITY_SECONDS } from './message-sender';
import { MessageTexts } from './message-text';

/** What a reminder's run comes to: a message to send now, one written before to resume (after a crash), or an outcome. */
type Step =
  | { kind: 'send'; message: MessageEntity; recipient: Recipient; session: SessionEntity | null; from: string; addressHash: string | null; place: Place }
  | { kind: 'resume'; messageId: string }
  | { kind: 'outcome'; outcome: JobOutcome };

/** A reminder to decide on; with channels already tried, the other safe channel after a permanent failure. */
interface Candidate {
  reminder: ReminderEntity;
  tried: MessageChannel[];
}

/** One candidate on its way through the checks; `step` is set once it is decided. */
interface Work extends Candidate {
  fallback: boolean;
  session: SessionEntity | null;
  step?: Step | Error;
  /** Why the (planned) reminder is dropped; `unreachable` also alerts the coordinator. */
  drop?: { outcome: string; unreachable: boolean };
  deferTo?: Date;
  /** A reschedule for someone never told of the session: it goes as its booking confirmation. */
  asConfirmation?: boolean;
  /** Where the message says the session is (an email's invite says no more). */
  place?: Place;
  recipient?: Recipient;
  /** The keyed hash of the recipient's number (opt-outs; recorded with an SMS sent). */
  numberHash?: string | null;
  message?: NewMessageRow;
  from?: string;
}

/**
 * Reminders decided together: one read of each kind, one request to cases, one transaction.
 * One batch at a time: under load, what comes while a batch runs makes the next one bigger
 * (a round trip costs far more here than a row); when quiet, a reminder waits 25 ms at most.
 */
const BATCH = { maxSize: 500, maxWaitMs: 25, maxInFlight: 1 };

const outcome = (o: JobOutcome): Step => ({ kind: 'outcome', outcome: o });

/**
 * Reminders at their time, decided in batches (each reminder is still its own job; jobs hand
 * their ids to a batcher): the sessions re-read, the contact routes asked of cases in one
 * request, and only what is still true is sent, on a safe channel, in the recipient's language,
 * outside quiet hours, once the content policy allows the text. The batch's message rows are
 * written (their reminders claimed planned → messaged) in one transaction under share locks on
 * the sessions, before anything is sent: a second run finds them claimed and only resumes them.
 */
@Injectable()
export class ReminderJob {
  private readonly batcher = new Batcher<string, Step>((ids) => this.stepsFor(ids), BATCH);

  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    private readonly reminders: ReminderRepository,
    private readonly sessions: SessionRepository,
    private readonly venues: VenueRepository,
    private readonly messages: MessageRepository,
    private readonly optOuts: OptOutRepository,
    private readonly alerts: AlertRepository,
    private readonly routes: ContactRoutes,
    private readonly pollLinks: PollLinks,
    private readonly polls: PollRepository,
    private readonly numberHash: NumberHash,
    private readonly composer: MessageComposer,
    private readonly texts: MessageTexts,
    private readonly sender: MessageSender,
    private readonly rate: SmsRateLimiter,
  ) {}

  async run(reminderId: string): Promise<JobOutcome> {
    return this.take(await this.batcher.submit(reminderId));
  }

  /** After a permanent failure on one channel: the same reminder on the other safe channel, if any. */
  async fallback(failedMessageId: string): Promise<JobOutcome> {
    const manager = this.dataSource.manager;
    const failed = await this.messages.find(manager, failedMessageId);
    if (!failed?.reminderId) return DONE;
    const [reminder] = await this.reminders.findMany(manager, [failed.reminderId]);
    if (!reminder) return DONE;
    const tried = (await this.messages.ofReminder(manager, reminder.id)).map((m) => m.channel);
    const [step] = await this.prepare([{ reminder, tried }]);
    if (step instanceof Error) throw step;
    return this.take(step!);
  }

  private take(step: Step): Promise<JobOutcome> {
    switch (step.kind) {
      case 'send':
        return this.sender.deliver(step.message, step.recipient, step.session, step.from, step.addressHash, step.place);
      case 'resume':
        return this.sender.run(step.messageId);
      case 'outcome':
        return Promise.resolve(step.outcome);
    }
  }

  private async stepsFor(ids: string[]): Promise<(Step | Error)[]> {
    try {
      return await this.decide(ids);
    } catch (error) {
      // Cases (or Redis) not answering fails every reminder alike: asking again one by one would only add load.
      if (error instanceof UnavailableError) return ids.map(() => error);
      throw error;
    }
  }

  private async decide(ids: string[]): Promise<(Step | Error)[]> {
    const manager = this.dataSource.manager;
    const found = new Map((await this.reminders.findMany(manager, ids)).map((r) => [r.id, r]));
    const queued = new Map((await this.messages.queuedOf(manager, [...found.values()].filter((r) => r.status === 'messaged').map((r) => r.id))).map((m) => [m.reminderId, m.id]));
    const planned = [...found.values()].filter((r) => r.status === 'planned');
    const prepared = await this.prepare(planned.map((reminder) => ({ reminder, tried: [] })));
    const steps = new Map(planned.map((r, i) => [r.id, prepared[i]!]));
    const answered = new Set<string>();
    return ids.map((id): Step | Error => {
      const reminder = found.get(id);
      // Jobs are queued only once their row has committed: a job without one is a fault worth its retries and warning.
      if (!reminder) return new Error(`reminder ${id} is not recorded (yet)`);
      // The same reminder twice in a batch (a stalled job run again beside itself): only one sends.
      if (answered.has(id)) return outcome(DONE);
      answered.add(id);
      if (reminder.status === 'planned') return steps.get(id)!;
      const pending = queued.get(id);
      return pending ? { kind: 'resume', messageId: pending } : outcome(DONE);
    });
  }

  /** The checks, in order, each for the whole batch at once; then one transaction writes what was decided. */
  private async prepare(candidates: Candidate[]): Promise<(Step | Error)[]> {
    const manager = this.dataSource.manager;
    const now = new Date();
    const sessions = await this.sessionsOf(candidates, (ids) => this.sessions.findMany(manager, ids));
    const venues = await this.venues.findMany(manager, [...sessions.values()].map((s) => s.venueId));
    const polls = new Map((await this.polls.findMany(manager, candidates.flatMap((c) => (c.reminder.pollId ? [c.reminder.pollId] : [])))).map((p) => [p.id, p]));
    const works: Work[] = candidates.map((c) => ({ ...c, fallback: c.tried.length > 0, session: c.reminder.kind === 'poll' ? null : (sessions.get(c.reminder.sessionId) ?? null) }));
    const open = () => works.filter((w) => !w.step);

    for (const w of works) {
      const stale = noLongerTrue(w.reminder, w.session, now);
      if (stale) dropIt(w, stale);
    }
    // A cancellation goes only to those told of the session; a move told to someone never told of the booking is a booking.
    const asked = open().filter((w) => w.reminder.kind === 'cancellation' || w.reminder.kind === 'reschedule');
    const told = await this.messages.told(manager, asked.map(({ reminder: r }) => ({ caseId: r.caseId, sessionId: r.sessionId, participantId: r.participantId })));
    for (const w of asked) {
      if (told.has(`${w.reminder.sessionId}|${w.reminder.participantId}`)) continue;
      if (w.reminder.kind === 'cancellation') dropIt(w, 'not-told-of-the-session');
      else w.asConfirmation = true;
    }

    const book = await this.routes.routes(open().flatMap((w) => [w.reminder.participantId, ...(w.session?.participantIds ?? [])].map((participantId) => ({ caseId: w.reminder.caseId, participantId }))));
    for (const w of open()) {
      const route = book.get(w.reminder.caseId, w.reminder.participantId);
      if (!route.recipient) unreachable(w, route.unreachableReason ?? 'no contact route');
      // An offender manager who attends as well already gets their own message about the session.
      else if (route.recipient.participantId !== w.reminder.participantId && w.session?.participantIds.includes(route.recipient.participantId)) dropIt(w, 'recipient-attends-in-own-right');
      else w.recipient = route.recipient;
    }

    for (const w of open()) w.numberHash = w.recipient!.sms ? this.numberHash.of(w.recipient!.sms) : null;
    const optedOut = await this.optOuts.optedOut(manager, open().map((w) => ({ participantId: w.recipient!.participantId, numberHash: w.numberHash! })));
    await Promise.all(open().map((w) => this.compose(w, book, optedOut.get(w.recipient!.participantId)!, now, polls, venues)));

    const sms = open().filter((w) => w.message?.sending && w.message.message.channel === 'sms');
    const waits = await this.rate.take(sms.map((w) => w.from!));
    sms.forEach((w, i) => {
      if (waits[i]! > 0) w.step = outcome(later(new Date(now.getTime() + waits[i]!)));
    });

    await this.record(works);
    return works.map((w) => w.step!);
  }

  /** Channel, quiet hours, poll link, text and screening: the message this reminder becomes, or why none. */
  private async compose(w: Work, book: RouteBook, optedOut: ReadonlySet<MessageChannel>, now: Date, polls: ReadonlyMap<string, PollEntity>, venues: ReadonlyMap<string, VenueEntity>): Promise<void> {
    const { reminder, recipient, session, fallback } = w as Work & { recipient: Recipient };
    const channel = safeChannels(recipient, optedOut, this.config.PREFERRED_CHANNEL).find((c) => !w.tried.includes(c));
    if (!channel) return unreachable(w, fallback ? 'no other safe channel' : 'no safe channel');

    const values: Record<string, SlotValue> = { name: recipient.firstName, office: this.composer.servicePhone };
    let validUntil = session?.startsAt ? new Date(session.startsAt) : null;
    if (session?.startsAt) values.when = { instant: new Date(session.startsAt).toISOString(), timeZone: recipient.timeZone };
    if (reminder.kind === 'poll') {
      try {
        const poll = await this.pollLinks.link(reminder.pollId!, reminder.participantId);
        if (!poll.url) return dropIt(w, 'poll-closed');
        values.link = poll.url;
        validUntil = poll.closesAt ? new Date(poll.closesAt) : null;
      } catch (error) {
        w.step = error as Error;
        return;
      }
    }

    let quietDrop = false;
    const quietEnd = channel === 'sms' ? endOfQuietHours(now, recipient.timeZone, { startHour: this.config.QUIET_HOURS_START, endHour: this.config.QUIET_HOURS_END }) : null;
    if (quietEnd) {
      const stillUseful = !validUntil || quietEnd.getTime() <= validUntil.getTime() - this.config.MIN_LEAD_MINUTES * 60_000;
      if (stillUseful && !fallback) {
        w.deferTo = quietEnd;
        w.step = outcome(later(quietEnd));
        return;
      }
      quietDrop = true;
    }

    const otherIds = quietDrop ? [] : (session?.participantIds ?? []).filter((id) => id !== reminder.participantId);
    const purpose = w.asConfirmation ? 'confirmation' : purposeOf(reminder.kind);
    // A poll by SMS lists its times, numbered, to be answered by reply; by email, or with too many times, the link alone.
    const listed = reminder.pollId && channel === 'sms' ? listedTimes(polls.get(reminder.pollId), recipient.timeZone) : null;
    if (listed) values.options = listed;
    const templateId = listed ? POLL_SMS_TEMPLATE : templateFor(purpose, channel);
    w.place = placeOf(session, venues);
    const composed = composeWithPlace(this.composer, { language: recipient.language, channel, recipient, others: book.recipients(reminder.caseId, otherIds), values }, templateId, purpose, w.place);
    const id = randomUUID();
    const tooLate = validUntil !== null && validitySeconds(now, validUntil) < MIN_VALIDITY_SECONDS;
    const status = quietDrop || tooLate ? 'dropped' : composed.reasons.length > 0 ? 'held' : 'queued';
    w.from = this.sender.senderFor(channel, recipient);
    w.message = {
      message: {
        id,
        organisationId: reminder.organisationId,
        caseId: reminder.caseId,
        sessionId: reminder.sessionId,
        sessionVersion: reminder.sessionVersion,
        reminderId: reminder.id,
        participantId: reminder.participantId,
        recipientId: recipient.participantId,
        channel,
        templateId: composed.templateId,
        language: recipient.language,
        purpose,
        status,
        holdReasons: status === 'held' ? composed.reasons : null,
        ...this.texts.seal(id, composed),
        neutralSender: recipient.discreet,
        sender: null,
        // Kept as it is marked sending (below), so a reply finds it even if Twilio's callback marks it sent first.
        addressHash: status === 'queued' && channel === 'sms' ? (w.numberHash ?? null) : null,
        validUntil,
      },
      detail: status === 'dropped' ? (tooLate ? 'too close to the session' : 'quiet hours outlast it') : status === 'held' ? (composed.body === '' ? 'held: its template did not render, no text until edited' : 'held by the content policy') : null,
      // A fresh message is marked as sending in the transaction that writes it: one check, one commit, then the provider.
      sending: status === 'queued',
    };
  }

  /**
   * One transaction for the batch: the sessions share-locked (a new version waits) and checked
   * again, the reminders claimed, the messages written, drops and deferrals recorded. Sessions
   * are locked before reminders, as a session event locks them, so the two never deadlock.
   */
  private async record(works: Work[]): Promise<void> {
    const writing = works.filter((w) => !w.step && w.message);
    const defers = works.filter((w) => w.deferTo);
    if (writing.length === 0 && defers.length === 0 && !works.some((w) => w.drop && !w.fallback)) return;
    const alerts: NewAlert[] = [];
    await this.dataSource.transaction(async (tx) => {
      const current = await this.sessionsOf(writing, (ids) => this.sessions.shareMany(tx, ids));
      for (const w of writing) {
        const why = w.reminder.kind === 'poll' ? null : noLongerTrue(w.reminder, current.get(w.reminder.sessionId) ?? null, new Date());
        if (why) dropIt(w, why);
        else w.session = current.get(w.reminder.sessionId) ?? null;
      }
      const still = writing.filter((w) => !w.step);
      const claimed = await this.reminders.claim(tx, still.filter((w) => !w.fallback).map((w) => w.reminder.id));
      const held = await this.reminders.lockMessaged(tx, still.filter((w) => w.fallback).map((w) => w.reminder.id));
      const written = await this.messages.insert(tx, still.filter((w) => claimed.has(w.reminder.id) || held.has(w.reminder.id)).map((w) => w.message!));
      for (const w of still) {
        const message = w.message!.message;
        w.step = written.has(message.id) && message.status === 'queued'
          ? { kind: 'send', recipient: w.recipient!, session: w.session, from: w.from!, addressHash: message.channel === 'sms' ? w.numberHash! : null, place: w.place ?? null, message: { ...message, attempts: 1, sendingSince: new Date(), error: null, providerId: null, sentAt: null, createdAt: new Date(), updatedAt: new Date() } }
          : outcome(DONE);
      }
      const dropping = works.filter((w) => w.drop && !w.fallback);
      const dropped = await this.reminders.drop(tx, dropping.map((w) => ({ id: w.reminder.id, outcome: w.drop!.unreachable ? `unreachable: ${w.drop!.outcome}` : w.drop!.outcome })));
      for (const w of dropping) {
        if (!w.drop!.unreachable || !dropped.has(w.reminder.id)) continue;
        const r = w.reminder;
        alerts.push({ organisationId: r.organisationId, caseId: r.caseId, kind: 'unreachable', sessionId: r.sessionId, participantId: r.participantId, detail: `${r.kind}: ${w.drop!.outcome}` });
      }
      await this.alerts.raiseAll(tx, alerts);
      await this.reminders.defer(tx, defers.map((w) => ({ id: w.reminder.id, dueAt: w.deferTo! })));
    });
  }

  private async sessionsOf(candidates: Candidate[], read: (ids: string[]) => Promise<SessionEntity[]>): Promise<Map<string, SessionEntity>> {
    const ids = [...new Set(candidates.filter((c) => c.reminder.kind !== 'poll').map((c) => c.reminder.sessionId))];
    return new Map((await read(ids)).map((s) => [s.id, s]));
  }
}

/** Nothing goes for it; a planned reminder is dropped with why (a fallback's reminder stays messaged). */
function dropIt(w: Work, why: string): void {
  w.drop = { outcome: why, unreachable: false };
  w.step = outcome(DONE);
}

/** Nobody can be reached for it: the reminder is dropped and the coordinator told (a fallback's failure already was). */
function unreachable(w: Work, why: string): void {
  w.drop = { outcome: why, unreachable: true };
  w.step = outcome(DONE);
}
