import { DateTime } from 'luxon';
import { IntervalSet } from './interval-set';
import { Instance, Interval, Person, SessionSpec, Venue } from './model';
import { minutesToMs, parseIsoInstant } from './time';

/** A session with its times in ms and the spec's defaults applied. */
export interface Session {
  spec: SessionSpec;
  id: string;
  durationMs: number;
  /** `priority`, default 1. */
  weight: number;
  notBeforeMs?: number;
  notAfterMs?: number;
  after: Array<{ session: string; minGapMs: number; maxGapMs?: number }>;
  fixed?: { startMs: number; venue: string };
}

/**
 * An instance that parseInstance accepted, indexed for the hard rules: times in ms, the union
 * of each availability, travel by pair, separations by person, calendar days of the timezone.
 */
export class World {
  readonly horizonStartMs: number;
  readonly horizonEndMs: number;
  readonly slotMs: number;
  readonly sessions = new Map<string, Session>();
  readonly people = new Map<string, Person>();
  readonly venues = new Map<string, Venue>();
  /** For each session, the sessions whose `after` names it. */
  readonly successors = new Map<string, string[]>();
  private readonly personAvailability = new Map<string, IntervalSet>();
  private readonly venueAvailability = new Map<string, IntervalSet>();
  private readonly travel = new Map<string, number>();
  private readonly separations = new Map<string, Array<{ partner: string; minutes: number }>>();
  private readonly days = new Map<number, string>();

  constructor(readonly instance: Instance) {
    this.horizonStartMs = instantMs(instance.horizon.start);
    this.horizonEndMs = instantMs(instance.horizon.end);
    this.slotMs = minutesToMs(instance.slotMinutes);
    for (const person of instance.people) {
      this.people.set(person.id, person);
      if (person.available) this.personAvailability.set(person.id, unionOf(person.available));
    }
    for (const venue of instance.venues) {
      this.venues.set(venue.id, venue);
      if (venue.available && !venue.remote) this.venueAvailability.set(venue.id, unionOf(venue.available));
    }
    for (const [a, b, minutes] of instance.travel ?? []) {
      this.travel.set(pairKey(a, b), minutes);
      this.travel.set(pairKey(b, a), minutes);
    }
    for (const { people: [a, b], minutes } of instance.separations ?? []) {
      this.addSeparation(a, b, minutes);
      this.addSeparation(b, a, minutes);
    }
    for (const spec of instance.sessions) this.sessions.set(spec.id, toSession(spec));
    for (const session of this.sessions.values()) {
      for (const rule of session.after) {
        const list = this.successors.get(rule.session) ?? [];
        list.push(session.id);
        this.successors.set(rule.session, list);
      }
    }
  }

  /** When the person can attend; undefined when always. */
  availabilityOfPerson(id: string): IntervalSet | undefined {
    return this.personAvailability.get(id);
  }

  /** When the venue is open; undefined when always (and for remote venues). */
  availabilityOfVenue(id: string): IntervalSet | undefined {
    return this.venueAvailability.get(id);
  }

  isRemote(venueId: string): boolean {
    return this.venues.get(venueId)?.remote === true;
  }

  travelMs(from: string, to: string): number {
    if (from === to || this.isRemote(from) || this.isRemote(to)) return 0;
    return minutesToMs(this.travel.get(pairKey(from, to)) ?? this.instance.defaultTravelMinutes);
  }

  /** The people `personId` must be kept apart from at shared venues, with the minutes. */
  separationsOf(personId: string): ReadonlyArray<{ partner: string; minutes: number }> {
    return this.separations.get(personId) ?? [];
  }

  /** The calendar day (yyyy-mm-dd) of the instance's timezone on which the instant falls. */
  dayOf(ms: number): string {
    let day = this.days.get(ms);
    if (day === undefined) {
      day = DateTime.fromMillis(ms, { zone: this.instance.timezone }).toISODate()!;
      this.days.set(ms, day);
    }
    return day;
  }

  private addSeparation(person: string, partner: string, minutes: number): void {
    const list = this.separations.get(person) ?? [];
    list.push({ partner, minutes });
    this.separations.set(person, list);
  }
}

export function instantMs(text: string): number {
  const ms = parseIsoInstant(text);
  if (ms === undefined) throw new Error(`not an ISO-8601 UTC instant: ${text}`);
  return ms;
}

function unionOf(intervals: Interval[]): IntervalSet {
  return IntervalSet.union(intervals.map(([start, end]) => [instantMs(start), instantMs(end)] as const));
}

function pairKey(a: string, b: string): string {
  return `${a}\n${b}`;
}

function toSession(spec: SessionSpec): Session {
  return {
    spec,
    id: spec.id,
    durationMs: minutesToMs(spec.durationMinutes),
    weight: spec.priority ?? 1,
    ...(spec.notBefore !== undefined && { notBeforeMs: instantMs(spec.notBefore) }),
    ...(spec.notAfter !== undefined && { notAfterMs: instantMs(spec.notAfter) }),
    after: (spec.after ?? []).map((rule) => ({
      session: rule.session,
      minGapMs: minutesToMs(rule.minGapMinutes ?? 0),
      ...(rule.maxGapMinutes !== undefined && { maxGapMs: minutesToMs(rule.maxGapMinutes) }),
    })),
    ...(spec.fixed && { fixed: { startMs: instantMs(spec.fixed.start), venue: spec.fixed.venue } }),
  };
}
