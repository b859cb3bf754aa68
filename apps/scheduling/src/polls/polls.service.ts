import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import { ConflictError, InvalidInputError, NotFoundError } from '#platform';
import { suggest } from '#scheduler';
import { SessionAccess } from '../access/session-access';
import { SCHEDULING_DB } from '../database';
import { PeopleRepository } from '../people/people.repository';
import { SchedulingConfig } from '../scheduling.config';
import { InstanceBuilder, iso } from '../suggestions/instance-builder';
import { worldOf } from '../suggestions/suggestions.service';
import { pickCandidates } from './candidates';
import type { AnswerPollDto, OpenPollDto, PollView, PublicPollView } from './dto/poll.dto';
import { PollLinks } from './poll-link';
import type { PollEntity } from './poll.entity';
import { PollRepository } from './poll.repository';

/** Options the scheduler is asked for, to find spread-out candidates among. */
const OPTIONS_SCANNED = 400;
const CANDIDATE_GAP_MS = 3 * 3_600_000;

/**
 * Availability polls for participants who keep no calendar: candidate times that suit everyone
 * else, a sealed link per participant, and answers that become their availability.
 */
@Injectable()
export class PollsService {
  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    @Inject(SchedulingConfig) private readonly config: SchedulingConfig,
    private readonly access: SessionAccess,
    private readonly builder: InstanceBuilder,
    private readonly people: PeopleRepository,
    private readonly polls: PollRepository,
    private readonly links: PollLinks,
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
      candidates: starts.map((start) => ({ start, end: iso(Date.parse(start) + session.durationMinutes * 60_000) })),
      chosen: null,
      status: 'open',
      expiresAt: new Date(Date.now() + this.config.POLL_DAYS * 86_400_000),
      createdBy: principal.userId,
      createdAt: new Date(),
      answeredAt: null,
    };
    await this.polls.insert(manager, poll);
    return this.view(manager, poll);
  }

  async ofSession(principal: Principal, sessionId: string): Promise<PollView[]> {
    const manager = this.dataSource.manager;
    await this.access.read(manager, principal, sessionId);
    return Promise.all((await this.polls.ofSession(manager, sessionId)).map((poll) => this.view(manager, poll)));
  }

  async show(token: string): Promise<PublicPollView> {
    const manager = this.dataSource.manager;
    return this.publicView(manager, await this.byToken(token, (id) => this.polls.find(manager, id)));
  }

  async answer(token: string, dto: AnswerPollDto): Promise<PublicPollView> {
    return this.dataSource.transaction(async (manager) => {
      const poll = await this.byToken(token, (id) => this.polls.lock(manager, id));
      if (poll.expiresAt.getTime() <= Date.now()) throw new ConflictError('poll-expired', 'this poll has closed; the service will be in touch');
      const offered = new Map(poll.candidates.map((c) => [Date.parse(c.start), c.start]));
      const violations = dto.starts.flatMap((start, index) =>
        offered.has(Date.parse(start)) ? [] : [{ field: `starts[${index}]`, rule: 'isCandidate', message: `starts[${index}] is not one of the times offered` }],
      );
      if (violations.length > 0) throw new InvalidInputError(violations);
      const chosen = dto.starts.map((start) => offered.get(Date.parse(start))!);
      Object.assign(poll, { chosen, status: 'answered', answeredAt: new Date() });
      await this.polls.save(manager, poll);
      await this.polls.recordAnswer(manager, poll, new Set(chosen));
      return this.publicView(manager, poll);
    });
  }

  /** A token that does not open, or opens to no poll, is simply not found. */
  private async byToken(token: string, load: (id: string) => Promise<PollEntity | null>): Promise<PollEntity> {
    const id = this.links.open(token);
    const poll = id ? await load(id) : null;
    if (!poll) throw new NotFoundError('poll', 'for this link');
    return poll;
  }

  private async publicView(manager: EntityManager, poll: PollEntity): Promise<PublicPollView> {
    const person = await this.people.findOne(manager, poll.participantId);
    return { candidates: poll.candidates, timeZone: person!.timeZone, status: poll.status, chosen: poll.chosen, expiresAt: poll.expiresAt.toISOString() };
  }

  private async view(manager: EntityManager, poll: PollEntity): Promise<PollView> {
    return { id: poll.id, sessionId: poll.sessionId, participantId: poll.participantId, token: this.links.seal(poll.id), ...(await this.publicView(manager, poll)) };
  }
}
