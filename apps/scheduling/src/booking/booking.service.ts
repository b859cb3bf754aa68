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
import { InstanceBuilder, iso, SLOT_MINUTES, type SessionWorld, withFixed } from '../suggestions/instance-builder';
import { worldOf } from '../suggestions/suggestions.service';
import { isRemote } from '../venues/venue.entity';
import { VenueRepository } from '../venues/venue.repository';
import type { PlaceSessionDto } from './dto/booking.dto';
import { ReservationClash, ReservationRepository, type Resource } from './reservation.repository';

const SYSTEM = 'scheduling';
const DAY_MS = 86_400_000;

/**
 * Holding, confirming, rescheduling and cancelling sessions. A time is checked against every
 * hard rule of the scheduler first (availability, venue hours and slots, access, separation,
 * the chain); then the reservations go in, where Postgres refuses any overlap for a person or
 * a venue, even between two processes booking at the same instant.
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
    return this.place(principal, sessionId, dto, ['pending', 'held'], async (manager, session) => {
      Object.assign(session, { status: 'held', holdExpiresAt: new Date(Date.now() + this.config.HOLD_MINUTES * 60_000) });
      await this.sessions.save(manager, session);
      await this.sessions.addHistory(manager, session, 'held', principal.userId);
    });
  }

  /** Books a pending session outright, as accepting a plan does: the same checks as a hold, then booked. */
  book(principal: Principal, sessionId: string, dto: PlaceSessionDto): Promise<SessionView> {
    return this.place(principal, sessionId, dto, ['pending'], (manager, session, _previous, world) =>
      this.lifecycle.booked(manager, session, world.venues.get(session.venueId!)!, principal.userId),
    );
  }

  /** Moves a booked session; its version goes up and everyone is told once. */
  reschedule(principal: Principal, sessionId: string, dto: PlaceSessionDto): Promise<SessionView> {
    return this.place(principal, sessionId, dto, ['booked'], async (manager, session, previous, world) => {
      const from = { startsAt: previous.startsAt!, venueId: previous.venueId! };
      await this.lifecycle.rescheduled(manager, session, from, world.venues.get(session.venueId!)!, principal.userId);
    });
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

  /** Puts lapsed holds back to pending, so their reservations free up. */
  async releaseLapsedHolds(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const lapsed = await this.sessions.lapsedHolds(manager, new Date());
      for (const session of lapsed) await this.lifecycle.unhold(manager, session, 'hold-lapsed', SYSTEM);
      return lapsed.length;
    });
  }

  private async place(
    principal: Principal,
    sessionId: string,
    dto: PlaceSessionDto,
    from: SessionStatus[],
    change: (manager: EntityManager, session: SessionEntity, previous: { startsAt: Date | null; venueId: string | null }, world: SessionWorld) => Promise<void>,
  ): Promise<SessionView> {
    const start = onSlotGrid(dto.start);
    if (start.getTime() <= Date.now()) throw InvalidInputError.field('start', 'isFuture', 'start must be in the future');
    const manager = this.dataSource.manager;
    const [lapsed, read] = await Promise.all([this.sessions.anyLapsedHold(manager, new Date()), this.access.read(manager, principal, sessionId)]);
    // Lapsed holds give their time back before this one is checked (this session may be one of them).
    const seen = lapsed ? await this.releaseLapsedHolds().then(() => this.access.read(manager, principal, sessionId)) : read;
    requireStatus(seen, from);
    const end = new Date(start.getTime() + seen.durationMinutes * 60_000);
    // A day either side holds every rule that reaches across sessions (travel, separation, a day's count).
    const world = await worldOf(this.builder, manager, seen, { within: { from: start.getTime() - DAY_MS, to: end.getTime() + DAY_MS } });
    await this.requireAllowedVenue(principal, world.targets.get(seen.id)!.venueIds, dto.venueId);
    this.requireRulesKept(world, seen, start, dto.venueId);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const session = await this.access.lock(manager, principal, sessionId);
        if (session.version !== seen.version || session.status !== seen.status) {
          throw new ConflictError('session-changed', `session ${sessionId} changed meanwhile; fetch it and try again`);
        }
        await this.requireStillApart(manager, world, session, start, end, dto.venueId);
        const previous = { startsAt: session.startsAt, venueId: session.venueId };
        await this.reservations.release(manager, session.id);
        const { attendeeIds } = world.targets.get(session.id)!;
        await this.reservations.reserve(manager, session.id, resourcesOf(world, attendeeIds, dto.venueId), start, end);
        const facilitators = new Set(session.facilitatorIds);
        Object.assign(session, { participantIds: attendeeIds.filter((id) => !facilitators.has(id)), startsAt: start, endsAt: end, venueId: dto.venueId });
        await change(manager, session, previous, world);
        return toSessionView(session);
      });
    } catch (error) {
      if (error instanceof ReservationClash) throw await this.clashError(error);
      throw error;
    }
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
    const broken = checkPlan(world.instance, { assignments: [...fixed, placed], unscheduled: [] }).filter((v) => v.sessions.includes(session.id));
    if (broken.length > 0) {
      throw new ConflictError('rules-broken', `session ${session.id} cannot be placed there: ${broken.map((v) => v.detail).join('; ')}`, {
        violations: broken.map((v) => ({ rule: v.rule, detail: v.detail, ...(v.person ? { personId: v.person } : {}) })),
      });
    }
  }

  /**
   * Separation (rule 7) is not the reservations' to enforce: two bookings at one venue checked
   * at the same instant could each miss the other. So a booking at a venue waits for the others
   * near it there, then checks again against any held or booked there meanwhile.
   */
  private async requireStillApart(manager: EntityManager, world: SessionWorld, session: SessionEntity, start: Date, end: Date, venueId: string): Promise<void> {
    const venue = world.venues.get(venueId);
    if (!venue || isRemote(venue)) return;
    const apartMs = this.config.SEPARATION_MINUTES * 60_000;
    const [from, to] = [start.getTime() - apartMs, end.getTime() + apartMs];
    await this.reservations.lockVenue(manager, venueId, from, to);
    const around = await this.sessions.reservedAround(manager, new Date(from), new Date(to), [], [venueId]);
    const checked = new Set(world.fixed.map(placedAt));
    const meanwhile = around.filter((s) => s.id !== session.id && !checked.has(placedAt(s)));
    if (meanwhile.length > 0) this.requireRulesKept(withFixed(world, meanwhile), session, start, venueId);
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

function requireStatus(session: SessionEntity, allowed: SessionStatus[]): void {
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

function placedAt(s: SessionEntity): string {
  return `${s.id}@${s.startsAt!.getTime()}@${s.venueId}`;
}

function resourcesOf(world: SessionWorld, attendeeIds: string[], venueId: string): Resource[] {
  const venue = world.venues.get(venueId);
  const people = attendeeIds.map((id): Resource => `person:${id}`);
  return venue && !isRemote(venue) ? [...people, `venue:${venueId}`] : people;
}
