import { Instance, Interval, SessionSpec } from '../model';
import { Calendar } from './calendar';
import { normalise, SlotSet } from './intervals';

/** An `after` rule in slots, seen from one end: `other` is the predecessor or the successor. */
export interface Gap {
  other: number;
  /** Slots the later session must start after the earlier one ends, at least. */
  min: number;
  /** At most (Infinity when the rule has no maximum). */
  max: number;
}

export interface Session {
  index: number;
  spec: SessionSpec;
  id: string;
  duration: number;
  priority: number;
  attendees: number[];
  /** Venue indices in the coordinator's order of preference. */
  venues: number[];
  /** From horizon, notBefore and notAfter: the session lies in [earliest, latestEnd). */
  earliest: number;
  latestEnd: number;
  preds: Gap[];
  succs: Gap[];
  fixed: { start: number; venue: number } | null;
  /** Index of the group of sessions linked by `after` rules, placed together. */
  group: number;
}

export interface Person {
  id: string;
  role: string;
  available: SlotSet;
  /** 0 when the person has no daily limit. */
  dailyLimit: number;
  /** People this one must be kept apart from at shared venues, with the gap in slots. */
  separations: Array<{ other: number; gap: number }>;
}

export interface Venue {
  id: string;
  remote: boolean;
  available: SlotSet;
  capacity: number;
  accessible: boolean;
}

/**
 * The instance compiled to integer indices and slots, once: everything the search and the
 * explanations read. It can hold a subset of the sessions (suggest compiles only the session
 * asked about and the booked sessions around it); people and venues are compiled as far as
 * those sessions need them.
 */
export class World {
  readonly calendar: Calendar;
  readonly sessions: Session[] = [];
  readonly people: Person[] = [];
  readonly venues: Venue[] = [];
  readonly personIndex = new Map<string, number>();
  readonly venueIndex = new Map<string, number>();
  readonly sessionIndex = new Map<string, number>();
  /** Travel slots between venue pairs, row-major; 0 where either is remote or they are equal. */
  travel: Int32Array = new Int32Array(0);
  maxTravel = 0;
  maxSeparation = 0;
  maxDuration = 0;
  /** Sessions of each group, in a topological order of their `after` rules. */
  groups: number[][] = [];
  /** Sessions caught in a cycle of `after` rules (they can never be placed). */
  readonly cyclic = new Set<number>();

  constructor(
    readonly instance: Instance,
    specs: SessionSpec[] = instance.sessions,
  ) {
    this.calendar = new Calendar(instance);
    const peopleById = new Map(instance.people.map((p) => [p.id, p]));
    const venuesById = new Map(instance.venues.map((v) => [v.id, v]));
    for (const spec of specs) this.addSession(spec, peopleById, venuesById);
    this.linkRules();
    this.compileTravel();
    this.compileSeparations();
    this.buildGroups();
  }

  private addSession(
    spec: SessionSpec,
    peopleById: Map<string, Instance['people'][number]>,
    venuesById: Map<string, Instance['venues'][number]>,
  ): void {
    const cal = this.calendar;
    const index = this.sessions.length;
    const duration = Math.max(1, cal.slotsCovering(spec.durationMinutes));
    const venues = spec.venues.map((id) => this.venueOf(id, venuesById));
    const fixed = spec.fixed
      ? { start: cal.slotOf(spec.fixed.start), venue: this.venueOf(spec.fixed.venue, venuesById) }
      : null;
    this.sessions.push({
      index,
      spec,
      id: spec.id,
      duration,
      priority: spec.priority ?? 1,
      attendees: spec.attendees.map((id) => this.personOf(id, peopleById)),
      venues,
      earliest: Math.max(0, spec.notBefore ? cal.slotAtOrAfter(spec.notBefore) : 0),
      latestEnd: Math.min(cal.slotCount, spec.notAfter ? cal.slotOf(spec.notAfter) : cal.slotCount),
      preds: [],
      succs: [],
      fixed,
      group: -1,
    });
    this.sessionIndex.set(spec.id, index);
    this.maxDuration = Math.max(this.maxDuration, duration);
  }

  private personOf(id: string, byId: Map<string, Instance['people'][number]>): number {
    const known = this.personIndex.get(id);
    if (known !== undefined) return known;
    const spec = byId.get(id);
    const index = this.people.length;
    this.people.push({
      id,
      role: spec?.role ?? 'other',
      available: this.slotsOf(spec?.available),
      dailyLimit: spec?.maxSessionsPerDay ?? 0,
      separations: [],
    });
    this.personIndex.set(id, index);
    return index;
  }

  private venueOf(id: string, byId: Map<string, Instance['venues'][number]>): number {
    const known = this.venueIndex.get(id);
    if (known !== undefined) return known;
    const spec = byId.get(id);
    const index = this.venues.length;
    const remote = spec?.remote === true;
    this.venues.push({
      id,
      remote,
      available: remote ? this.slotsOf(undefined) : this.slotsOf(spec?.available),
      capacity: remote ? Infinity : (spec?.capacity ?? Infinity),
      accessible: remote || spec?.accessible === true,
    });
    this.venueIndex.set(id, index);
    return index;
  }

  /** Availability rounded inward to whole slots; none given means the whole horizon. */
  private slotsOf(intervals: Interval[] | undefined): SlotSet {
    const cal = this.calendar;
    if (!intervals) return cal.slotCount > 0 ? [0, cal.slotCount] : [];
    return normalise(
      intervals.map(([a, b]) => [cal.slotAtOrAfter(a), cal.slotOf(b)]),
      0,
      cal.slotCount,
    );
  }

  private linkRules(): void {
    const cal = this.calendar;
    for (const s of this.sessions) {
      for (const rule of s.spec.after ?? []) {
        const pred = this.sessionIndex.get(rule.session);
        if (pred === undefined) continue;
        const min = cal.slotsCovering(rule.minGapMinutes ?? 0);
        const max = rule.maxGapMinutes === undefined ? Infinity : cal.slotsWithin(rule.maxGapMinutes);
        s.preds.push({ other: pred, min, max });
        this.sessions[pred].succs.push({ other: s.index, min, max });
      }
    }
  }

  private compileTravel(): void {
    const n = this.venues.length;
    this.travel = new Int32Array(n * n);
    const minutes = (a: number, b: number): number =>
      a === b || this.venues[a].remote || this.venues[b].remote ? 0 : this.instance.defaultTravelMinutes;
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) this.setTravel(a, b, minutes(a, b));
    for (const [x, y, m] of this.instance.travel ?? []) {
      const a = this.venueIndex.get(x);
      const b = this.venueIndex.get(y);
      if (a === undefined || b === undefined || minutes(a, b) === 0) continue;
      this.setTravel(a, b, m);
      this.setTravel(b, a, m);
    }
  }

  private setTravel(a: number, b: number, minutes: number): void {
    const slots = this.calendar.slotsCovering(minutes);
    this.travel[a * this.venues.length + b] = slots;
    this.maxTravel = Math.max(this.maxTravel, slots);
  }

  private compileSeparations(): void {
    for (const { people: [x, y], minutes } of this.instance.separations ?? []) {
      const a = this.personIndex.get(x);
      const b = this.personIndex.get(y);
      // A separation matters only when both people have sessions here.
      if (a === undefined || b === undefined || a === b) continue;
      const gap = this.calendar.slotsCovering(minutes);
      this.people[a].separations.push({ other: b, gap });
      this.people[b].separations.push({ other: a, gap });
      this.maxSeparation = Math.max(this.maxSeparation, gap);
    }
  }

  /** Groups by `after` rules (undirected), each in topological order; cycles set aside. */
  private buildGroups(): void {
    const parent = this.sessions.map((s) => s.index);
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (const s of this.sessions) for (const p of s.preds) parent[find(p.other)] = find(s.index);
    const waiting = this.sessions.map((s) => new Set(s.preds.map((p) => p.other)).size);
    const ready = this.sessions.filter((s) => waiting[s.index] === 0).map((s) => s.index);
    const order: number[] = [];
    for (let i = 0; i < ready.length; i++) {
      const s = ready[i];
      order.push(s);
      for (const next of new Set(this.sessions[s].succs.map((e) => e.other))) {
        if (--waiting[next] === 0) ready.push(next);
      }
    }
    const placedInOrder = new Set(order);
    for (const s of this.sessions) if (!placedInOrder.has(s.index)) this.cyclic.add(s.index);
    const byRoot = new Map<number, number[]>();
    for (const s of [...order, ...this.cyclic]) {
      const root = find(s);
      const members = byRoot.get(root) ?? [];
      if (members.length === 0) byRoot.set(root, members);
      members.push(s);
    }
    this.groups = [...byRoot.values()].sort((a, b) => Math.min(...a) - Math.min(...b));
    this.groups.forEach((members, g) => members.forEach((s) => (this.sessions[s].group = g)));
  }

  /** Travel slots needed between two venues. */
  travelBetween(a: number, b: number): number {
    return this.travel[a * this.venues.length + b];
  }
}
