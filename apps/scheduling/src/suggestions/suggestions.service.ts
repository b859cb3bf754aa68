import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import { ConflictError } from '#platform';
import { parseInstance, suggest, type Suggestion } from '#scheduler';
import { SessionAccess } from '../access/session-access';
import { SCHEDULING_DB } from '../database';
import { SchedulingConfig } from '../scheduling.config';
import type { SuggestionView } from '../sessions/dto/session.dto';
import type { SessionEntity } from '../sessions/session.entity';
import { UnplaceableSession } from './attendance';
import { type BuildOptions, InstanceBuilder, iso, type SessionWorld } from './instance-builder';

const FIRST_LOOK_DAYS = 7;
const SETTLED_MARGIN_MS = 2 * 86_400_000;

/** The k best times and venues for a session, from the scheduler, with near misses after. */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    @Inject(SchedulingConfig) private readonly config: SchedulingConfig,
    private readonly access: SessionAccess,
    private readonly builder: InstanceBuilder,
  ) {}

  async suggest(principal: Principal, sessionId: string, k: number): Promise<SuggestionView[]> {
    const manager = this.dataSource.manager;
    const session = await this.access.read(manager, principal, sessionId);
    if (session.status === 'cancelled') throw new ConflictError('session-cancelled', `session ${sessionId} is cancelled`);
    // Options come earliest first: a week usually holds k of them, and costs a sixth of the horizon to build.
    const lookAhead = Math.min(FIRST_LOOK_DAYS, this.config.SUGGESTION_HORIZON_DAYS);
    let world = await worldOf(this.builder, manager, session, { horizonDays: lookAhead });
    let options = suggest(parseInstance(world.instance), session.id, k);
    if (lookAhead < this.config.SUGGESTION_HORIZON_DAYS && !settled(options, k, world, session.durationMinutes)) {
      world = await worldOf(this.builder, manager, session);
      options = suggest(parseInstance(world.instance), session.id, k);
    }
    return options.map((option) => {
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
  }
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
export async function worldOf(builder: InstanceBuilder, manager: EntityManager, session: SessionEntity, options: BuildOptions = {}): Promise<SessionWorld> {
  try {
    return await builder.build(manager, [session], new Date(), options);
  } catch (error) {
    if (error instanceof UnplaceableSession) throw new ConflictError('session-unplaceable', error.message);
    throw error;
  }
}
