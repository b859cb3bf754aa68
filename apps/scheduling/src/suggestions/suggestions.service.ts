import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import { ConflictError, metricsRegistry } from '#platform';
import { suggest, type Suggestion } from '#scheduler';
import { SessionAccess } from '../access/session-access';
import { SCHEDULING_DB } from '../database';
import { SchedulingConfig } from '../scheduling.config';
import type { SuggestionView } from '../sessions/dto/session.dto';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionRepository } from '../sessions/session.repository';
import { isRemote } from '../venues/venue.entity';
import { UnplaceableSession } from './attendance';
import { type BuildOptions, InstanceBuilder, iso, SLOT_MINUTES, type SessionWorld } from './instance-builder';
import { type CacheOutcome, type Computed, WorldCache } from './world-cache';
import { WorldChanges } from './world-changes';

const FIRST_LOOK_DAYS = 7;
const SETTLED_MARGIN_MS = 2 * 86_400_000;
const SLOT_MS = SLOT_MINUTES * 60_000;
/** Sessions' answers kept per process: each is a few options and the keys it read. */
const CACHED_ANSWERS = 20_000;

const answers = new Counter({
  name: 'convene_scheduling_suggestions_total',
  help: 'Suggestion requests by how they were answered: hit (kept answer), shared (one being computed), miss (computed and kept), uncached (not listening for changes)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/** What is kept per session and k: the session as read with it, and its options or why it has none. */
interface Answer {
  session: SessionEntity | null;
  options: SuggestionView[];
  refusal: ConflictError | null;
}

/**
 * The k best times and venues for a session, from the scheduler, with near misses after.
 * Answers are kept until something they read changes (`WorldCache`; the session's own row
 * included), or the quarter hour they start from passes, or a hold they counted on lapses:
 * a request answered from memory reads nothing from the database. Whoever asks passes the
 * one gate (`SessionAccess`) on the session as kept, before any refusal is told.
 */
@Injectable()
export class SuggestionsService {
  private readonly cache: WorldCache<Answer>;

  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    @Inject(SchedulingConfig) private readonly config: SchedulingConfig,
    private readonly access: SessionAccess,
    private readonly sessions: SessionRepository,
    private readonly builder: InstanceBuilder,
    changes: WorldChanges,
  ) {
    this.cache = new WorldCache(changes, CACHED_ANSWERS);
  }

  async suggest(principal: Principal, sessionId: string, k: number): Promise<SuggestionView[]> {
    const now = new Date();
    const answer = await this.cache.get(`${sessionId}:${k}`, String(Math.ceil(now.getTime() / SLOT_MS)), () => this.compute(sessionId, k, now), countAnswer);
    await this.access.visible(this.dataSource.manager, principal, sessionId, answer.session);
    if (answer.refusal) throw answer.refusal;
    return answer.options;
  }

  /** The answer for anyone who may see the session; nobody's yet, as several callers may share it. */
  private async compute(sessionId: string, k: number, now: Date): Promise<Computed<Answer>> {
    const manager = this.dataSource.manager;
    const session = await this.sessions.find(manager, sessionId);
    const ownRow = `session:${sessionId}`;
    if (!session) return { value: { session, options: [], refusal: null }, dependsOn: [ownRow], validUntil: 0 };
    if (session.status === 'cancelled') {
      return { value: { session, options: [], refusal: new ConflictError('session-cancelled', `session ${sessionId} is cancelled`) }, dependsOn: [ownRow], validUntil: Infinity };
    }
    // Options come earliest first: a week usually holds k of them, and costs a sixth of the horizon to build.
    const lookAhead = Math.min(FIRST_LOOK_DAYS, this.config.SUGGESTION_HORIZON_DAYS);
    let world: SessionWorld;
    try {
      world = await worldOf(this.builder, manager, session, { horizonDays: lookAhead }, now);
    } catch (error) {
      // Why it cannot be placed, for whoever may see it; not kept, as what it read is not known.
      if (error instanceof ConflictError) return { value: { session, options: [], refusal: error }, dependsOn: [ownRow], validUntil: 0 };
      throw error;
    }
    let options = suggest(world.instance, session.id, k);
    const read = [world];
    if (lookAhead < this.config.SUGGESTION_HORIZON_DAYS && !settled(options, k, world, session.durationMinutes)) {
      world = await worldOf(this.builder, manager, session, {}, now);
      options = suggest(world.instance, session.id, k);
      read.push(world);
    }
    const views = options.map((option) => {
      const venue = world.venues.get(option.venue)!;
      const start = Date.parse(option.start);
      const miss = option.nearMiss;
      return {
        start: option.start,
        end: iso(start + session.durationMinutes * 60_000),
        venueId: venue.id,
        venueKind: venue.kind,
        venueLabel: venue.label,
        ...(miss ? { nearMiss: { personId: miss.attendee, role: world.people.get(miss.attendee)!.role, reason: miss.reason } } : {}),
      };
    });
    const lapses = read.flatMap((w) => (w.holdsLapseAt === null ? [] : [w.holdsLapseAt]));
    return {
      value: { session, options: views, refusal: null },
      dependsOn: [ownRow, ...new Set(read.flatMap((w) => keysRead(w, session)))],
      validUntil: Math.min(Infinity, ...lapses),
    };
  }
}

function countAnswer(outcome: CacheOutcome): void {
  answers.inc({ outcome });
}

/**
 * The world keys a session's world was read from (see `WorldChanges`): its case, its
 * organisation's venues, everyone in it, and its rooms. A remote venue is left out: sessions
 * there matter only through their people.
 */
function keysRead(world: SessionWorld, session: SessionEntity): string[] {
  return [
    `case:${session.caseId}`,
    `venues:${session.organisationId}`,
    ...[...world.people.keys()].map((id) => `person:${id}`),
    ...[...world.venues.values()].filter((v) => !isRemote(v)).map((v) => `venue:${v.id}`),
  ];
}

/**
 * Whether options from a shorter look ahead are those the whole horizon gives: k of them, none
 * a near miss, the last ending well before the look ahead does, so nothing past its end (a
 * session there, a day's count) could have changed them.
 */
function settled(options: Suggestion[], k: number, world: SessionWorld, durationMinutes: number): boolean {
  const last = options[k - 1];
  if (!last || last.nearMiss) return false;
  return Date.parse(last.start) + durationMinutes * 60_000 + SETTLED_MARGIN_MS <= Date.parse(world.instance.horizon.end);
}

/** The session's world, or a 409 saying what stops it being placed at all. */
export async function worldOf(
  builder: InstanceBuilder,
  manager: EntityManager,
  session: SessionEntity,
  options: BuildOptions = {},
  now = new Date(),
): Promise<SessionWorld> {
  try {
    return await builder.build(manager, [session], now, options);
  } catch (error) {
    if (error instanceof UnplaceableSession) throw new ConflictError('session-unplaceable', error.message);
    throw error;
  }
}
