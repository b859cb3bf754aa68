import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import type { DomainEvent, PollLinkRequestV1, PollLinkResponseV1 } from '#contracts';
import { Outbox } from '#messaging';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '#platform';
import { suggest } from '#scheduler';
import { SessionAccess } from '../access/session-access';
import { SCHEDULING_DB } from '../database';
import { PeopleRepository } from '../people/people.repository';
import { SchedulingConfig } from '../scheduling.config';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionRepository } from '../sessions/session.repository';
import { InstanceBuilder, iso } from '../suggestions/instance-builder';
import { worldOf } from '../suggestions/suggestions.service';
import { pickCandidates } from './candidates';
import type { AnswerPollDto, OpenPollDto, PollView, PublicPollView } from './dto/poll.dto';
import { PollLinks } from './poll-link';
import type { PollPage, PollPageModel } from './poll-page';
import type { PollEntity } from './poll.entity';
import { PollRepository } from './poll.repository';

/** Options the scheduler is asked for, to find spread-out candidates among. */
const OPTIONS_SCANNED = 400;
const CANDIDATE_GAP_MS = 3 * 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_LINK: PollLinkResponseV1 = { url: null, closesAt: null };

/**
 * Availability polls for participants who keep no calendar: candidate times that suit everyone
 * else, a sealed link per participant, and answers that become their availability, whether
 * given on the page, through the JSON API or in reply to the poll message (poll.answered).
 */
@Injectable()
export class PollsService {
  private readonly logger = new Logger(PollsService.name);

  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    @Inject(SchedulingConfig) private readonly config: SchedulingConfig,
    private readonly access: SessionAccess,
    private readonly builder: InstanceBuilder,
    private readonly people: PeopleRepository,
    private readonly sessions: SessionRepository,
    private readonly polls: PollRepository,
    private readonly links: PollLinks,
    private readonly outbox: Outbox,
  ) {}

  async open(principal: Principal, sessionId: string, dto: OpenPollDto): Promise<PollView> {
    const manager = this.dataSource.manager;
    const session = await this.access.read(manager, principal, sessionId);
    if (session.status !== 'pending') throw new ConflictError('session-status', `session ${sessionId} is ${session.status}; polls are for pending sessions`);
    if (!session.participantIds.includes(dto.participantId)) {
      throw InvalidInputError.field('participantId', 'isAttendee', `participantId ${dto.participantId} is not a participant of session ${sessionId}`);
    }
    const world = await worldOf(this.builder, manager, session);
    // Everyone else's constraints stand; the participant's own availability is what the poll asks.
    const asked = world.instance.people.find((p) => p.id === dto.participantId)!;
    delete asked.available;
    const starts = pickCandidates(suggest(world.instance, session.id, OPTIONS_SCANNED), dto.count ?? 5, CANDIDATE_GAP_MS);
    if (starts.length === 0) throw new ConflictError('no-candidates', `no time in the next ${this.config.SUGGESTION_HORIZON_DAYS} days suits everyone else in session ${sessionId}`);
    const poll: PollEntity = {
      id: randomUUID(),
      sessionId,
      participantId: dto.participantId,
      organisationId: session.organisationId,
      candidates: starts.map((start) => ({ optionId: randomUUID(), start, end: iso(Date.parse(start) + session.durationMinutes * 60_000) })),
      chosen: null,
      status: 'open',
      expiresAt: new Date(Date.now() + this.config.POLL_DAYS * 86_400_000),
      createdBy: principal.userId,
      createdAt: new Date(),
      answeredAt: null,
    };
    return this.dataSource.transaction(async (tx) => {
      await this.polls.insert(tx, poll);
      // Times only: notifications asks for the link (a secret) when it sends the message.
      await this.outbox.record(tx, {
        type: 'poll.opened',
        caseId: session.caseId,
        organisationId: session.organisationId,
        payload: {
          pollId: poll.id,
          sessionId,
          participantId: poll.participantId,
          options: poll.candidates.map((c) => ({ optionId: c.optionId, startsAt: c.start, endsAt: c.end })),
          closesAt: poll.expiresAt.toISOString(),
        },
      });
      return this.view(tx, poll, session);
    });
  }

  async ofSession(principal: Principal, sessionId: string): Promise<PollView[]> {
    const manager = this.dataSource.manager;
    const session = await this.access.read(manager, principal, sessionId);
    return Promise.all((await this.polls.ofSession(manager, sessionId)).map((poll) => this.view(manager, poll, session)));
  }

  async show(token: string): Promise<PublicPollView> {
    const manager = this.dataSource.manager;
    const poll = await this.byToken(token, (id) => this.polls.find(manager, id));
    return this.publicView(manager, poll, await this.sessions.find(manager, poll.sessionId));
  }

  /** The JSON API's answer: the ticked times by their start. */
  async answer(token: string, dto: AnswerPollDto): Promise<PublicPollView> {
    return this.dataSource.transaction(async (manager) => {
      const poll = await this.byToken(token, (id) => this.polls.lock(manager, id));
      const byStart = new Map(poll.candidates.map((c) => [Date.parse(c.start), c.optionId]));
      const violations = dto.starts.flatMap((start, index) =>
        byStart.has(Date.parse(start)) ? [] : [{ field: `starts[${index}]`, rule: 'isCandidate', message: `starts[${index}] is not one of the times offered` }],
      );
      if (violations.length > 0) throw new InvalidInputError(violations);
      const session = await this.takeAnswer(manager, poll, dto.starts.map((start) => byStart.get(Date.parse(start))!), new Date());
      return this.publicView(manager, poll, session);
    });
  }

  async page(token: string): Promise<PollPage> {
    const manager = this.dataSource.manager;
    const id = this.links.open(token);
    const poll = id ? await this.polls.find(manager, id) : null;
    if (!poll) return { found: false };
    return { found: true, model: await this.pageModel(manager, poll, await this.sessions.find(manager, poll.sessionId)), notice: null };
  }

  /** The page's form: the ticked options; what went wrong is said on the page itself. */
  async answerOnPage(token: string, optionIds: string[]): Promise<PollPage> {
    return this.dataSource.transaction(async (manager) => {
      const id = this.links.open(token);
      const poll = id ? await this.polls.lock(manager, id) : null;
      if (!poll) return { found: false };
      try {
        const session = await this.takeAnswer(manager, poll, optionIds, new Date());
        return { found: true, model: await this.pageModel(manager, poll, session), notice: 'saved' };
      } catch (error) {
        if (!(error instanceof InvalidInputError || (error instanceof ConflictError && error.code === 'poll-closed'))) throw error;
        const session = await this.sessions.find(manager, poll.sessionId);
        return { found: true, model: await this.pageModel(manager, poll, session), notice: error instanceof InvalidInputError ? 'invalid' : 'closed' };
      }
    });
  }

  /** A reply to the poll message, relayed by notifications: the same path as the page's answer. */
  async answered(manager: EntityManager, event: DomainEvent<'poll.answered'>): Promise<void> {
    const { pollId, participantId, chosenOptionIds, answeredAt } = event.payload;
    const poll = await this.polls.lock(manager, pollId);
    const ignore = (why: string) => this.logger.log(`poll.answered ${event.id} for poll ${pollId} ignored: ${why}`);
    if (!poll) return ignore('no such poll');
    if (poll.participantId !== participantId) return ignore('the poll was sent to someone else');
    // Replies and the page may cross: an answer given before the one recorded changes nothing.
    if (poll.answeredAt && poll.answeredAt.getTime() > Date.parse(answeredAt)) return ignore('a later answer is recorded');
    try {
      await this.takeAnswer(manager, poll, chosenOptionIds, new Date(answeredAt));
    } catch (error) {
      // A refusal is final (the same answer would be refused again): say why, and take the next event.
      if (!(error instanceof DomainError)) throw error;
      ignore(error.message);
    }
  }

  /** For notifications, when it sends the poll message: the participant's link while the poll is open. */
  async link(request: PollLinkRequestV1): Promise<PollLinkResponseV1> {
    const { pollId, participantId } = request ?? {};
    if (!UUID.test(String(pollId)) || !UUID.test(String(participantId))) return NO_LINK;
    const manager = this.dataSource.manager;
    const poll = await this.polls.find(manager, pollId);
    if (!poll || poll.participantId !== participantId) return NO_LINK;
    if (closed(poll, await this.sessions.find(manager, poll.sessionId), new Date())) return NO_LINK;
    const url = `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/polls/${encodeURIComponent(this.links.seal(poll.id))}`;
    return { url, closesAt: poll.expiresAt.toISOString() };
  }

  /**
   * The one way an answer is taken, from any channel: the ticked options become the
   * participant's availability at the offered times (free where ticked, busy elsewhere); a new
   * answer replaces the last. Returns the session.
   */
  private async takeAnswer(manager: EntityManager, poll: PollEntity, optionIds: readonly string[], answeredAt: Date): Promise<SessionEntity | null> {
    const session = await this.sessions.find(manager, poll.sessionId);
    if (closed(poll, session, answeredAt)) throw new ConflictError('poll-closed', 'this poll has closed; the service will be in touch');
    const offered = new Map(poll.candidates.map((c) => [c.optionId, c.start]));
    const violations = optionIds.flatMap((optionId, index) =>
      offered.has(optionId) ? [] : [{ field: `optionIds[${index}]`, rule: 'isOption', message: `optionIds[${index}] is not one of the options offered` }],
    );
    if (violations.length > 0) throw new InvalidInputError(violations);
    const chosen = poll.candidates.filter((c) => optionIds.includes(c.optionId)).map((c) => c.start);
    Object.assign(poll, { chosen, status: 'answered', answeredAt });
    await this.polls.save(manager, poll);
    await this.polls.recordAnswer(manager, poll, new Set(chosen));
    return session;
  }

  /** A token that does not open, or opens to no poll, is simply not found. */
  private async byToken(token: string, load: (id: string) => Promise<PollEntity | null>): Promise<PollEntity> {
    const id = this.links.open(token);
    const poll = id ? await load(id) : null;
    if (!poll) throw new NotFoundError('poll', 'for this link');
    return poll;
  }

  private async publicView(manager: EntityManager, poll: PollEntity, session: SessionEntity | null): Promise<PublicPollView> {
    const person = await this.people.findOne(manager, poll.participantId);
    return {
      candidates: poll.candidates,
      timeZone: person!.timeZone,
      status: closed(poll, session, new Date()) ? 'closed' : poll.status,
      chosen: poll.chosen,
      expiresAt: poll.expiresAt.toISOString(),
    };
  }

  private async pageModel(manager: EntityManager, poll: PollEntity, session: SessionEntity | null): Promise<PollPageModel> {
    const person = await this.people.findOne(manager, poll.participantId);
    const chosen = new Set(poll.chosen ?? []);
    return {
      language: person!.language ?? 'en',
      timeZone: person!.timeZone,
      state: closed(poll, session, new Date()) ? 'closed' : poll.status,
      closesAt: poll.expiresAt.toISOString(),
      options: poll.candidates.map((c) => ({ ...c, chosen: chosen.has(c.start) })),
    };
  }

  private async view(manager: EntityManager, poll: PollEntity, session: SessionEntity): Promise<PollView> {
    const publicView = await this.publicView(manager, poll, session);
    return { id: poll.id, sessionId: poll.sessionId, participantId: poll.participantId, token: this.links.seal(poll.id), ...publicView };
  }
}

/** A poll takes answers until it expires, or its session is booked or cancelled. */
function closed(poll: PollEntity, session: SessionEntity | null, at: Date): boolean {
  return poll.expiresAt.getTime() <= at.getTime() || !session || session.status === 'booked' || session.status === 'cancelled';
}
