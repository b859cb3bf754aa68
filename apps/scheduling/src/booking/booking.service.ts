import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import { ConflictError, InvalidInputError, NotFoundError } from '#platform';
import { checkPlan } from '#scheduler';
import { SessionAccess } from '../access/session-access';
import { SCHEDULING_DB } from '../database';
import { PeopleRepository } from '../people/people.repository';
import { SchedulingConfig } from '../scheduling.config';
import type { SessionView } from '../sessions/dto/session.dto';
import type { SessionEntity, SessionStatus } from '../sessions/session.entity';
import { SessionLifecycle } from '../sessions/session-lifecycle';
import { SessionRepository } from '../sessions/session.repository';
import { toSessionView } from '../sessions/session.view';
import { InstanceBuilder, iso, SLOT_MINUTES, type SessionWorld } from '../suggestions/instance-builder';
import { worldOf } from '../suggestions/suggestions.service';
import { isRemote, type VenueEntity, venueNames } from '../venues/venue.entity';
import { VenueRepository } from '../venues/venue.repository';
import type { PlaceSessionDto } from './dto/booking.dto';
import { type Placement, ReservationClash, ReservationRepository, type Resource } from './reservation.repository';

const SYSTEM = 'scheduling';
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Holding, confirming, rescheduling and cancelling sessions. A placement waits for every other
 * placement its rules tie it to (the case's chain; at an in-person venue, the attendees' and
 * the venue's day: travel and separation), then checks the time against every hard rule of the
 * scheduler (availability, venue hours and slots, access, separation, the chain, travel) on
 * what is held and booked now; then its reservations go in, where Postgres refuses any overlap
 * for a person or a venue, even between two processes booking at the same instant.
 */
@Injectable()
export class BookingService {
  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    @Inject(SchedulingConfig) private readonly config: SchedulingConfig,
    private readonly access: SessionAccess,
    private readonly sessions: SessionRepository,
    private readonly reservations: ReservationRepository,
    private readonly people: PeopleRepository,
    private readonly venues: VenueRepository,
    private readonly builder: InstanceBuilder,
    private readonly lifecycle: SessionLifecycle,
  ) {}

  /** Holds a time for the session: nobody else can take it until the hold lapses or is confirmed. */
  hold(principal: Principal, sessionId: string, dto: PlaceSessionDto): Promise<SessionView> {
    return this.place(principal, sessionId, dto, ['pending', 'held'], (manager, session, placed) =>
      this.lifecycle.held(manager, session, placed.reserved, new Date(Date.now() + this.config.HOLD_MINUTES * MINUTE_MS), principal.userId),
    );
  }

  /** Books a pending session outright, as accepting a plan does: the same checks as a hold, then booked. */
  book(principal: Principal, sessionId: string, dto: PlaceSessionDto): Promise<SessionView> {
    return this.place(principal, sessionId, dto, ['pending'], (manager, session, placed) =>
      this.lifecycle.booked(manager, session, placed.venue, principal.userId, placed.reserved),
    );
  }

  /** Moves a booked session; its version goes up and everyone is told once. */
  reschedule(principal: Principal, sessionId: string, dto: PlaceSessionDto): Promise<SessionView> {
    return this.place(principal, sessionId, dto, ['booked'], (manager, session, placed) =>
      this.lifecycle.rescheduled(manager, session, { startsAt: placed.previous.startsAt!, venueId: placed.previous.venueId! }, placed.venue, placed.reserved, principal.userId),
    );
  }

  async confirm(principal: Principal, sessionId: string): Promise<SessionView> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.access.lock(manager, principal, sessionId);
      requireStatus(session, ['held']);
      if (session.holdExpiresAt!.getTime() <= Date.now()) {
        throw new ConflictError('hold-lapsed', `the hold on session ${sessionId} lapsed at ${session.holdExpiresAt!.toISOString()}`);
      }
      const [venue] = await this.venues.findMany(manager, [session.venueId!]);
      await this.lifecycle.booked(manager, session, venue!, principal.userId);
      return toSessionView(session);
    });
  }

  async cancel(principal: Principal, sessionId: string): Promise<SessionView> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.access.lock(manager, principal, sessionId);
      requireStatus(session, ['pending', 'held', 'booked']);
      await this.lifecycle.cancel(manager, session, 'cancelled-by-coordinator', principal.userId);
      return toSessionView(session);
    });
  }

  /** Puts lapsed holds back to pending, so their reservations free up; how many there were. */
  async releaseLapsedHolds(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const lapsed = await this.sessions.lapsedHolds(manager, new Date());
      for (const session of lapsed) await this.lifecycle.unhold(manager, session, 'hold-lapsed', SYSTEM);
      return lapsed.length;
    });
  }

  private async place(principal: Principal, sessionId: string, dto: PlaceSessionDto, from: SessionStatus[], change: Change): Promise<SessionView> {
    const start = onSlotGrid(dto.start);
    if (start.getTime() <= Date.now()) throw InvalidInputError.field('start', 'isFuture', 'start must be in the future');
    const placement: Placement = {
      sessionId,
      venueId: dto.venueId,
      start,
      travelMinutes: this.config.DEFAULT_TRAVEL_MINUTES,
      separationMinutes: this.config.SEPARATION_MINUTES,
    };
    try {
      return await this.placeOnce(principal, placement, from, change);
    } catch (error) {
      if (!(error instanceof ReservationClash)) throw error;
      // A lapsed hold keeps its reservations until the sweep gives them back: give them back now, and try once more.
      if ((await this.releaseLapsedHolds()) === 0) throw await this.clashError(error);
    }
    try {
      return await this.placeOnce(principal, placement, from, change);
    } catch (error) {
      throw error instanceof ReservationClash ? await this.clashError(error) : error;
    }
  }

  /**
   * One transaction of four statements: the session read and the locks, the world around the
   * time read after them, the change with its reservations (refused if the session changed
   * meanwhile), the commit; the rules checked between the second and the third.
   */
  private placeOnce(principal: Principal, placement: Placement, from: SessionStatus[], change: Change): Promise<SessionView> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.access.visible(manager, principal, placement.sessionId, await this.reservations.lockForPlacement(manager, placement));
      if (lapsed(session)) await this.lifecycle.unhold(manager, session, 'hold-lapsed', SYSTEM);
      requireStatus(session, from);
      const start = placement.start;
      const end = new Date(start.getTime() + session.durationMinutes * MINUTE_MS);
      // A day either side holds every rule that reaches across sessions (travel, separation, a day's count).
      const world = await worldOf(this.builder, manager, session, { within: { from: start.getTime() - DAY_MS, to: end.getTime() + DAY_MS } });
      const { attendeeIds, venueIds } = world.targets.get(session.id)!;
      await this.requireAllowedVenue(principal, venueIds, placement.venueId);
      this.requireRulesKept(world, session, start, placement.venueId);
      const previous = { startsAt: session.startsAt, venueId: session.venueId };
      const facilitators = new Set(session.facilitatorIds);
      Object.assign(session, { participantIds: attendeeIds.filter((id) => !facilitators.has(id)), startsAt: start, endsAt: end, venueId: placement.venueId });
      await change(manager, session, { reserved: resourcesOf(world, attendeeIds, placement.venueId), venue: world.venues.get(placement.venueId)!, previous });
      return toSessionView(session);
    });
  }

  /** A venue of another organisation is as unknown as one that never was; one of ours may not suit this session. */
  private async requireAllowedVenue(principal: Principal, allowed: string[], venueId: string): Promise<void> {
    if (allowed.includes(venueId)) return;
    const [venue] = await this.venues.findMany(this.dataSource.manager, [venueId]);
    if (!venue || venue.organisationId !== principal.organisationId) throw new NotFoundError('venue', venueId);
    throw new ConflictError('venue-not-allowed', `venue ${venueId} does not suit this session; it may use: ${allowed.join(', ')}`, { allowed });
  }

  /** The scheduler's own check of the hard rules, with this session placed among those held and booked. */
  private requireRulesKept(world: SessionWorld, session: SessionEntity, start: Date, venueId: string): void {
    const fixed = world.fixed.map((s) => ({ session: s.id, start: iso(s.startsAt!.getTime()), venue: s.venueId! }));
    const placed = { session: session.id, start: iso(start.getTime()), venue: venueId };
    const plan = { assignments: [...fixed, placed], unscheduled: [] };
    const broken = checkPlan(world.instance, plan, venueNames(world.venues.values())).filter((v) => v.sessions.includes(session.id));
    if (broken.length > 0) {
      throw new ConflictError('rules-broken', `session ${session.id} cannot be placed there: ${broken.map((v) => v.detail).join('; ')}`, {
        violations: broken.map((v) => ({ rule: v.rule, detail: v.detail, ...(v.person ? { personId: v.person } : {}) })),
      });
    }
  }

  /** The 409 of a lost race: which person (by role and id) or venue was taken, and when. */
  private async clashError(clash: ReservationClash): Promise<ConflictError> {
    const [kind, id] = clash.resource?.split(':') ?? [];
    const role = kind === 'person' ? (await this.people.findOne(this.dataSource.manager, id!))?.role : undefined;
    const who = kind === 'person' ? `${role ?? 'person'} ${id}` : kind === 'venue' ? `venue ${id}` : 'a person or venue';
    return new ConflictError('double-booking', `${who} is already booked at an overlapping time`, {
      conflict: kind ? { kind, id, ...(role ? { role } : {}), during: clash.during } : null,
    });
  }
}

/** The change a placement makes once every check passed: what it reserves, at which venue, moved from where. */
type Change = (
  manager: EntityManager,
  session: SessionEntity,
  placed: { reserved: Resource[]; venue: VenueEntity; previous: { startsAt: Date | null; venueId: string | null } },
) => Promise<void>;

/** A hold past its time, not yet swept: as good as pending. */
function lapsed(session: SessionEntity): boolean {
  return session.status === 'held' && session.holdExpiresAt!.getTime() <= Date.now();
}

function requireStatus(session: Pick<SessionEntity, 'id' | 'status'>, allowed: SessionStatus[]): void {
  if (!allowed.includes(session.status)) {
    throw new ConflictError('session-status', `session ${session.id} is ${session.status}; this needs it ${allowed.join(' or ')}`);
  }
}

function onSlotGrid(text: string): Date {
  const start = new Date(text);
  if (start.getTime() % (SLOT_MINUTES * 60_000) !== 0) {
    throw InvalidInputError.field('start', 'onSlotGrid', `start must be on the ${SLOT_MINUTES}-minute grid (e.g. 10:00, 10:15)`);
  }
  return start;
}

function resourcesOf(world: SessionWorld, attendeeIds: string[], venueId: string): Resource[] {
  const venue = world.venues.get(venueId);
  const people = attendeeIds.map((id): Resource => `person:${id}`);
  return venue && !isRemote(venue) ? [...people, `venue:${venueId}`] : people;
}
