import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Instance, Interval, Person, SessionSpec, Venue } from '#scheduler';
import type { PersonEntity } from '../people/person.entity';
import { SchedulingConfig } from '../scheduling.config';
import { chainWindow } from '../sessions/chain-rules';
import type { SessionEntity } from '../sessions/session.entity';
import { isRemote, type VenueEntity } from '../venues/venue.entity';
import { expandWeekly, type Span, subtract, toSlotGrid, union } from '../venues/weekly-hours';
import { allowedVenues, schedulerRole, separatedPairs, UnplaceableSession, withInterpreters } from './attendance';
import { WorldRepository, type WorldRows } from './world.repository';

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
  /** When the first hold it counted on (around, or in the chain) lapses; null if none. */
  holdsLapseAt: number | null;
}

export interface BuildOptions {
  horizonDays?: number;
  /** Only this stretch of time (epoch ms, on the slot grid): enough to check one placement. */
  within?: { from: number; to: number };
  /** For a plan: leave a session that cannot be placed out (listed in `unplaceable`) rather than fail. */
  skipUnplaceable?: boolean;
}

/**
 * Builds the scheduler's instance for sessions to place from the service's data, read in one
 * statement (see `assembleWorld` for what goes in). The instance is ours and well formed (the
 * specs parse it), so it is not validated again on every request.
 */
@Injectable()
export class InstanceBuilder {
  constructor(
    @Inject(SchedulingConfig) private readonly config: SchedulingConfig,
    private readonly world: WorldRepository,
  ) {}

  async build(manager: EntityManager, sessions: readonly SessionEntity[], now: Date, options: BuildOptions = {}): Promise<SessionWorld> {
    const from = options.within?.from ?? Math.ceil(now.getTime() / SLOT_MS) * SLOT_MS;
    const to = options.within?.to ?? from + (options.horizonDays ?? this.config.SUGGESTION_HORIZON_DAYS) * 86_400_000;
    const rows = await this.world.read(manager, {
      caseIds: [...new Set(sessions.map((s) => s.caseId))],
      personIds: [...new Set(sessions.flatMap((s) => [...s.participantIds, ...s.facilitatorIds]))],
      organisationId: sessions[0]!.organisationId,
      from,
      to,
      now,
    });
    return assembleWorld(rows, sessions, from, to, this.config, options.skipUnplaceable ?? false);
  }
}

/**
 * The world of some sessions from what was read: their attendees' availability in their own
 * time zones, their allowed venues' hours or visiting slots, the separation of their cases'
 * parties, the chain rules (between sessions placed together, or as a window around booked
 * ones), and every held or booked session that shares a person, a separated person or a venue
 * with them, fixed where it is.
 */
export function assembleWorld(
  rows: WorldRows,
  sessions: readonly SessionEntity[],
  from: number,
  to: number,
  config: Pick<SchedulingConfig, 'SCHEDULING_TIME_ZONE' | 'DEFAULT_TRAVEL_MINUTES' | 'SEPARATION_MINUTES'>,
  skipUnplaceable: boolean,
): SessionWorld {
  const caseIds = new Set(sessions.map((s) => s.caseId));
  const facilitatorIds = new Set(sessions.flatMap((s) => s.facilitatorIds));
  const casePeople = rows.people.filter((p) => p.caseId !== null && caseIds.has(p.caseId) && p.removedAt === null);
  const known = new Map([...casePeople, ...rows.people.filter((p) => facilitatorIds.has(p.id))].map((p) => [p.id, p]));
  const organisationVenues = rows.venues.filter((v) => v.organisationId === sessions[0]!.organisationId);

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
      if (!(error instanceof UnplaceableSession) || !skipUnplaceable) throw error;
      unplaceable.push({ sessionId: session.id, reason: error.message });
    }
  }
  const placing = sessions.filter((s) => targets.has(s.id));
  const attendeeIds = [...new Set([...targets.values()].flatMap((t) => t.attendeeIds))];
  const venueIds = new Set([...targets.values()].flatMap((t) => t.venueIds));
  const attending = new Set(attendeeIds);
  const separations = separatedPairs(casePeople).filter(([a, b]) => attending.has(a) || attending.has(b));

  // Sessions that matter: those of the people watched, and those in the allowed rooms (a remote venue keeps nobody out).
  const watched = new Set([...attendeeIds, ...separations.flat()]);
  const rooms = new Set(organisationVenues.filter((v) => venueIds.has(v.id) && !isRemote(v)).map((v) => v.id));
  const fixed = rows.reserved.filter(
    (s) =>
      !targets.has(s.id) &&
      s.startsAt!.getTime() >= from &&
      s.endsAt!.getTime() <= to &&
      (rooms.has(s.venueId!) || s.participantIds.some((id) => watched.has(id)) || s.facilitatorIds.some((id) => watched.has(id))),
  );
  const everyone = new Map(rows.people.map((p) => [p.id, p]));
  const people = new Map(
    [...watched, ...fixed.flatMap(attendeesOfPlaced)].flatMap((id) => known.get(id) ?? everyone.get(id) ?? []).map((p) => [p.id, p]),
  );
  const venues = new Map(rows.venues.filter((v) => venueIds.has(v.id) || fixed.some((s) => s.venueId === v.id)).map((v) => [v.id, v]));
  const available = availabilityOf(attendeeIds.map((id) => known.get(id)!), rows, from, to);

  const instance: Instance = {
    version: 1,
    horizon: { start: iso(from), end: iso(to) },
    slotMinutes: SLOT_MINUTES,
    timezone: config.SCHEDULING_TIME_ZONE,
    defaultTravelMinutes: config.DEFAULT_TRAVEL_MINUTES,
    people: [...people.values()].map((p): Person => {
      const spans = available.get(p.id);
      return { id: p.id, role: schedulerRole(p), ...(spans ? { available: spans.map(interval) } : {}) };
    }),
    venues: [...venues.values()].map((v) => venueSpec(v, from, to)),
    separations: separations.map((pair) => ({ people: pair, minutes: config.SEPARATION_MINUTES })),
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
          ...bounds(chainWindowOf(session, rows.caseSessions), session.notBefore, from, to),
        };
      }),
      ...fixed.map((s) => fixedSpec(s, people)),
    ],
  };
  const holds = [...fixed, ...rows.caseSessions].flatMap((s) => (s.status === 'held' ? [s.holdExpiresAt!.getTime()] : []));
  return { instance, targets, unplaceable, people, venues, fixed, holdsLapseAt: holds.length > 0 ? Math.min(...holds) : null };
}

/**
 * Each attendee's free time over the horizon, on the slot grid: their weekly windows in their
 * own time zone, plus free exceptions, minus busy ones. Someone with no windows and no free
 * times is available except when busy; with nothing at all, not constrained (absent from the
 * map) until a coordinator or a poll says otherwise.
 */
function availabilityOf(people: PersonEntity[], rows: Pick<WorldRows, 'weekly' | 'exceptions'>, from: number, to: number): Map<string, Span[]> {
  const result = new Map<string, Span[]>();
  for (const person of people) {
    const windows = rows.weekly.get(person.id) ?? [];
    const dated = rows.exceptions.get(person.id) ?? [];
    if (windows.length === 0 && dated.length === 0) continue;
    // Someone who has said when they can (weekly, or dated free times such as a poll's answer) is available only then.
    const saidWhen = windows.length > 0 || dated.some((e) => e.available);
    const base = windows.length > 0 ? expandWeekly(windows, person.timeZone, from, to) : saidWhen ? [] : [[from, to] as Span];
    const free = union([...base, ...dated.filter((e) => e.available).map((e) => clip(e.span, from, to))]);
    result.set(person.id, toSlotGrid(subtract(free, dated.filter((e) => !e.available).map((e) => e.span)), SLOT_MS));
  }
  return result;
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
