import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import { ConflictError } from '#platform';
import { parseInstance, suggest } from '#scheduler';
import { SessionAccess } from '../access/session-access';
import { SCHEDULING_DB } from '../database';
import type { SuggestionView } from '../sessions/dto/session.dto';
import type { SessionEntity } from '../sessions/session.entity';
import { UnplaceableSession } from './attendance';
import { type BuildOptions, InstanceBuilder, iso, type SessionWorld } from './instance-builder';

/** The k best times and venues for a session, from the scheduler, with near misses after. */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly builder: InstanceBuilder,
  ) {}

  async suggest(principal: Principal, sessionId: string, k: number): Promise<SuggestionView[]> {
    const manager = this.dataSource.manager;
    const session = await this.access.read(manager, principal, sessionId);
    if (session.status === 'cancelled') throw new ConflictError('session-cancelled', `session ${sessionId} is cancelled`);
    const world = await worldOf(this.builder, manager, session);
    return suggest(parseInstance(world.instance), session.id, k).map((option) => {
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

/** The session's world, or a 409 saying what stops it being placed at all. */
export async function worldOf(builder: InstanceBuilder, manager: EntityManager, session: SessionEntity, options: BuildOptions = {}): Promise<SessionWorld> {
  try {
    return await builder.build(manager, [session], new Date(), options);
  } catch (error) {
    if (error instanceof UnplaceableSession) throw new ConflictError('session-unplaceable', error.message);
    throw error;
  }
}
