import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Instance, Interval, Person, SessionSpec, Venue } from '#scheduler';
import { AvailabilityRepository } from '../availability/availability.repository';
import type { PersonEntity } from '../people/person.entity';
import { PeopleRepository } from '../people/people.repository';
import { SchedulingConfig } from '../scheduling.config';
import { chainWindow } from '../sessions/chain-rules';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionRepository } from '../sessions/session.repository';
import { isRemote, type VenueEntity } from '../venues/venue.entity';
import { VenueRepository } from '../venues/venue.repository';
import { expandWeekly, type Span, subtract, toSlotGrid, union } from '../venues/weekly-hours';
import { allowedVenues, schedulerRole, separatedPairs, UnplaceableSession, withInterpreters } from './attendance';

export const SLOT_MINUTES = 15;
const SLOT_MS = SLOT_MINUTES * 60_000;

/** Sessions' world as the scheduler sees it, and what the service needs to read its answers. */
export interface SessionWorld {
  instance: Instance;
  /** Each session to place: its attendees (participants, interpreters added, and facilitators) and allowed venues. */
  targets: Map<string, { attendeeIds: string[]; venueIds: string[] }>;
  /** Sessions that cannot be placed as they stand, and why (only when building for a plan). */
  unplaceable: { sessionId: string; reason: string }[];
  people: Map<string, PersonEntity>;
  venues: Map<string, VenueEntity>;
  /** Held and booked sessions around them, fixed in the instance. */
  fixed: SessionEntity[];
}

export interface BuildOptions {
  horizonDays?: number;
  /** Only this stretch of time (epoch ms, on the slot grid): enough to check one placement. */
  within?: { from: number; to: number };
  /** For a plan: leave a session that cannot be placed out (listed in `unplaceable`) rather than fail. */
  skipUnplaceable?: boolean;
}

/**
 * Builds the scheduler's instance for sessions to place from the service's data: their
 * attendees' availability in their own time zones, their allowed venues' hours or visiting
 * slots, the separation of their cases' parties, the chain rules (between sessions placed
 * together, or as a window around booked ones), and every held or booked session that shares
 * a person, a separated person or a venue with them, fixed where it is.
 */
@Injectable()
export class InstanceBuilder {
  constructor(
    @Inject(SchedulingConfig) private readonly config: SchedulingConfig,
    private readonly people: PeopleRepository,
    private readonly venues: VenueRepository,
    private readonly availability: AvailabilityRepository,
    private readonly sessions: SessionRepository,
  ) {}

  async build(manager: EntityManager, sessions: readonly SessionEntity[], now: Date, options: BuildOptions = {}): Promise<SessionWorld> {
    const from = options.within?.from ?? Math.ceil(now.getTime() / SLOT_MS) * SLOT_MS;
    const to = options.within?.to ?? from + (options.horizonDays ?? this.config.SUGGESTION_HORIZON_DAYS) * 86_400_000;
    const caseIds = [...new Set(sessions.map((s) => s.caseId))];
    // Independent reads go out together: a suggestion waits on the database, not on the CPU.
    const [casePeople, facilitators, organisationVenues, caseSessions] = await Promise.all([
      this.people.ofCases(manager, caseIds),
      this.people.find(manager, [...new Set(sessions.flatMap((s) => s.facilitatorIds))]),
      this.venues.ofOrganisation(manager, sessions[0]!.organisationId),
      this.sessions.ofCases(manager, caseIds),
    ]);
    const known = new Map([...casePeople, ...facilitators].map((p) => [p.id, p]));

    const targets = new Map<string, { attendeeIds: string[]; venueIds: string[] }>();
    const unplaceable: SessionWorld['unplaceable'] = [];
    for (const session of sessions) {
      try {
        const ofCase = casePeople.filter((p) => p.caseId === session.caseId);
        const attendeeIds = [...withInterpreters(session.participantIds, ofCase), ...session.facilitatorIds];
        const unknown = attendeeIds.filter((id) => !known.has(id));
        if (unknown.length > 0) throw new UnplaceableSession(`not yet known to scheduling: ${unknown.join(', ')}`);
        const venues = allowedVenues(session.delivery, attendeeIds.map((id) => known.get(id)!), organisationVenues);
        targets.set(session.id, { attendeeIds, venueIds: venues.map((v) => v.id) });
      } catch (error) {
        if (!(error instanceof UnplaceableSession) || !options.skipUnplaceable) throw error;
        unplaceable.push({ sessionId: session.id, reason: error.message });
      }
    }
    const placing = sessions.filter((s) => targets.has(s.id));
    const attendeeIds = [...new Set([...targets.values()].flatMap((t) => t.attendeeIds))];
    const venueIds = [...new Set([...targets.values()].flatMap((t) => t.venueIds))];
    const separations = separatedPairs(casePeople).filter(([a, b]) => attendeeIds.includes(a) || attendeeIds.includes(b));

    const watched = [...new Set([...attendeeIds, ...separations.flat()])];
    // Sessions at a remote venue matter only through their people.
    const rooms = organisationVenues.filter((v) => venueIds.includes(v.id) && !isRemote(v)).map((v) => v.id);
    const [reserved, available] = await Promise.all([
      this.sessions.reservedAround(manager, new Date(from), new Date(to), watched, rooms),
      this.availabilityOf(manager, attendeeIds.map((id) => known.get(id)!), from, to),
    ]);
    const fixed = reserved.filter((s) => !targets.has(s.id) && s.startsAt!.getTime() >= from && s.endsAt!.getTime() <= to);

    const others = [...new Set([...fixed.flatMap(attendeesOfPlaced), ...separations.flat()])].filter((id) => !known.has(id));
    const [otherPeople, otherVenues] = await Promise.all([
      this.people.find(manager, others),
      this.venues.findMany(manager, fixed.map((s) => s.venueId!).filter((id) => !organisationVenues.some((v) => v.id === id))),
    ]);
    const people = new Map([...[...watched, ...fixed.flatMap(attendeesOfPlaced)].flatMap((id) => known.get(id) ?? []), ...otherPeople].map((p) => [p.id, p]));
    const venues = new Map([...organisationVenues.filter((v) => venueIds.includes(v.id) || fixed.some((s) => s.venueId === v.id)), ...otherVenues].map((v) => [v.id, v]));

    const instance: Instance = {
      version: 1,
      horizon: { start: iso(from), end: iso(to) },
      slotMinutes: SLOT_MINUTES,
      timezone: this.config.SCHEDULING_TIME_ZONE,
      defaultTravelMinutes: this.config.DEFAULT_TRAVEL_MINUTES,
      people: [...people.values()].map((p): Person => {
        const spans = available.get(p.id);
        return { id: p.id, role: schedulerRole(p), ...(spans ? { available: spans.map(interval) } : {}) };
      }),
      venues: [...venues.values()].map((v) => venueSpec(v, from, to)),
      separations: separations.map((pair) => ({ people: pair, minutes: this.config.SEPARATION_MINUTES })),
      sessions: [
        ...placing.map((session): SessionSpec => {
          const target = targets.get(session.id)!;
          const after = session.afterRules.filter((rule) => targets.has(rule.session));
          return {
            id: session.id,
            case: session.caseId,
            kind: session.kind,
            durationMinutes: session.durationMinutes,
            attendees: target.attendeeIds,
            venues: target.venueIds,
            needsAccessible: target.attendeeIds.some((id) => known.get(id)!.needsAccessibleVenue),
            ...(after.length > 0 ? { after } : {}),
            ...bounds(chainWindowOf(session, caseSessions), session.notBefore, from, to),
          };
        }),
        ...fixed.map((s) => fixedSpec(s, people)),
      ],
    };
    return { instance, targets, unplaceable, people, venues, fixed };
  }

  /**
   * Each attendee's free time over the horizon, on the slot grid: their weekly windows in their
   * own time zone, plus free exceptions, minus busy ones. Someone with no windows and no free
   * times is available except when busy; with nothing at all, not constrained (absent from the
   * map) until a coordinator or a poll says otherwise.
   */
  private async availabilityOf(manager: EntityManager, people: PersonEntity[], from: number, to: number): Promise<Map<string, Span[]>> {
    const ids = people.map((p) => p.id);
    const [weekly, exceptions] = await Promise.all([
      this.availability.weekly(manager, ids),
      this.availability.exceptions(manager, ids, new Date(from), new Date(to)),
    ]);
    const result = new Map<string, Span[]>();
    for (const person of people) {
      const windows = weekly.get(person.id) ?? [];
      const dated = exceptions.get(person.id) ?? [];
      if (windows.length === 0 && dated.length === 0) continue;
      // Someone who has said when they can (weekly, or dated free times such as a poll's answer) is available only then.
      const saidWhen = windows.length > 0 || dated.some((e) => e.available);
      const base = windows.length > 0 ? expandWeekly(windows, person.timeZone, from, to) : saidWhen ? [] : [[from, to] as Span];
      const free = union([...base, ...dated.filter((e) => e.available).map((e) => clip(e.span, from, to))]);
      result.set(person.id, toSlotGrid(subtract(free, dated.filter((e) => !e.available).map((e) => e.span)), SLOT_MS));
    }
    return result;
  }
}

/** The window the case's held and booked sessions leave the session: after its predecessors, before its successors. */
function chainWindowOf(session: SessionEntity, caseSessions: readonly SessionEntity[]) {
  const placed = caseSessions.filter((s) => s.caseId === session.caseId && (s.status === 'booked' || s.status === 'held'));
  const predecessors = session.afterRules.flatMap((rule) => {
    const s = placed.find((c) => c.id === rule.session);
    return s ? [{ startsAt: s.startsAt!, endsAt: s.endsAt!, rule }] : [];
  });
  const successors = placed.flatMap((s) =>
    s.afterRules.filter((rule) => rule.session === session.id).map((rule) => ({ startsAt: s.startsAt!, endsAt: s.endsAt!, rule })),
  );
  return chainWindow(session.durationMinutes, predecessors, successors);
}

/**
 * The world with these held or booked sessions fixed where they now are (replacing what it knew
 * of them): what a booking checks again once it may no longer race them.
 */
export function withFixed(world: SessionWorld, sessions: readonly SessionEntity[]): SessionWorld {
  const ids = new Set(sessions.map((s) => s.id));
  const fixed = [...world.fixed.filter((s) => !ids.has(s.id)), ...sessions];
  const placing = world.instance.sessions.filter((s) => !s.fixed);
  return { ...world, fixed, instance: { ...world.instance, sessions: [...placing, ...fixed.map((s) => fixedSpec(s, world.people))] } };
}

/** A held or booked session as the scheduler sees it: where it is, with the attendees it knows. */
function fixedSpec(s: SessionEntity, people: ReadonlyMap<string, PersonEntity>): SessionSpec {
  return {
    id: s.id,
    case: s.caseId,
    kind: s.kind,
    durationMinutes: s.durationMinutes,
    attendees: attendeesOfPlaced(s).filter((id) => people.has(id)),
    venues: [s.venueId!],
    fixed: { start: iso(s.startsAt!.getTime()), venue: s.venueId! },
  };
}

function attendeesOfPlaced(s: SessionEntity): string[] {
  return [...s.participantIds, ...s.facilitatorIds];
}

function venueSpec(v: VenueEntity, from: number, to: number): Venue {
  if (isRemote(v)) return { id: v.id, remote: true };
  return {
    id: v.id,
    accessible: v.accessible,
    ...(v.capacity === null ? {} : { capacity: v.capacity }),
    available: toSlotGrid(expandWeekly(v.hours, v.timeZone, from, to), SLOT_MS).map(interval),
  };
}

/** notBefore / notAfter on the slot grid, inside the horizon, or absent when the horizon is tighter. */
function bounds(window: { notBefore: number | null; notAfter: number | null }, notBefore: Date | null, from: number, to: number) {
  const earliest = Math.max(window.notBefore ?? from, notBefore?.getTime() ?? from);
  const latest = window.notAfter ?? to;
  const start = Math.min(Math.ceil(earliest / SLOT_MS) * SLOT_MS, to);
  const end = Math.max(Math.floor(latest / SLOT_MS) * SLOT_MS, from);
  return { ...(start > from ? { notBefore: iso(start) } : {}), ...(end < to ? { notAfter: iso(end) } : {}) };
}

function clip(span: Span, from: number, to: number): Span {
  return [Math.max(span[0], from), Math.min(span[1], to)];
}

function interval(span: Span): Interval {
  return [iso(span[0]), iso(span[1])];
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
