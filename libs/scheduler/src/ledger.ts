import { Session, World } from './world';
import { formatInstant, msToMinutes } from './time';
import { notOneOfItsVenues, outsideVenueTimes, venueName, type VenueNames, venueNotAccessible, venueTooSmall } from './venue-wording';

/**
 * A broken rule. `rule` is the spec's hard-rule number (1 to 8), or 0 for the plan's shape
 * (a session missing, listed twice or unknown). `sessions` names the session the rule is about
 * first, then the others involved.
 */
export interface Violation {
  rule: number;
  sessions: string[];
  detail: string;
  /** The one attendee whose availability fails (rule 2). */
  person?: string;
}

export interface Placement {
  session: Session;
  startMs: number;
  endMs: number;
  venue: string;
}

/**
 * The sessions placed so far, and what placing one more would break. Each pair of sessions is
 * judged when the second of the two is placed, so adding a plan's assignments one by one, each
 * judged before it is added, reports every broken pair once. The one rule it leaves to its
 * caller is that every `after` predecessor is placed at all (rule 5), which only the whole plan
 * can tell.
 */
export class Ledger {
  private readonly placed = new Map<string, Placement>();
  private readonly byPerson = new Map<string, Placement[]>();
  private readonly byVenue = new Map<string, Placement[]>();

  /** `names`: what the caller's users call the venues, for the violations' wording. */
  constructor(
    readonly world: World,
    private readonly names: VenueNames = {},
  ) {}

  placementOf(sessionId: string): Placement | undefined {
    return this.placed.get(sessionId);
  }

  get placements(): IterableIterator<Placement> {
    return this.placed.values();
  }

  place(sessionId: string, startMs: number, venue: string): Placement {
    const placement = this.toPlacement(sessionId, startMs, venue);
    this.placed.set(sessionId, placement);
    for (const person of placement.session.spec.attendees) push(this.byPerson, person, placement);
    push(this.byVenue, venue, placement);
    return placement;
  }

  /** Whether placing the session there breaks no rule against what is placed. */
  fits(sessionId: string, startMs: number, venue: string): boolean {
    return this.violations(sessionId, startMs, venue).next().done === true;
  }

  /** The rules that placing the session there breaks, against what is placed; cheap rules first. */
  *violations(sessionId: string, startMs: number, venue: string): Generator<Violation> {
    const p = this.toPlacement(sessionId, startMs, venue);
    yield* this.timeRules(p);
    yield* this.availabilityRules(p);
    yield* this.venueRules(p);
    yield* this.personClashes(p);
    yield* this.chainGaps(p);
    yield* this.dailyLimits(p);
    yield* this.separations(p);
  }

  private toPlacement(sessionId: string, startMs: number, venue: string): Placement {
    const session = this.world.sessions.get(sessionId);
    if (!session) throw new Error(`unknown session ${sessionId}`);
    return { session, startMs, endMs: startMs + session.durationMs, venue };
  }

  /** Rule 1. */
  private *timeRules(p: Placement): Generator<Violation> {
    const { world } = this;
    const one = (detail: string): Violation => ({ rule: 1, sessions: [p.session.id], detail });
    if ((p.startMs - world.horizonStartMs) % world.slotMs !== 0) {
      yield one(`starts ${formatInstant(p.startMs)}, off the ${world.instance.slotMinutes}-minute slot grid`);
    }
    if (p.startMs < world.horizonStartMs) yield one(`starts ${formatInstant(p.startMs)}, before horizon.start`);
    if (p.endMs > world.horizonEndMs) yield one(`ends ${formatInstant(p.endMs)}, after horizon.end`);
    const { notBeforeMs, notAfterMs } = p.session;
    if (notBeforeMs !== undefined && p.startMs < notBeforeMs) {
      yield one(`starts ${formatInstant(p.startMs)}, before notBefore ${formatInstant(notBeforeMs)}`);
    }
    if (notAfterMs !== undefined && p.endMs > notAfterMs) {
      yield one(`ends ${formatInstant(p.endMs)}, after notAfter ${formatInstant(notAfterMs)}`);
    }
  }

  /** Rule 2. */
  private *availabilityRules(p: Placement): Generator<Violation> {
    for (const person of p.session.spec.attendees) {
      const available = this.world.availabilityOfPerson(person);
      if (available && !available.contains(p.startMs, p.endMs)) {
        yield { rule: 2, sessions: [p.session.id], person, detail: `${person} is not available for all of ${span(p)}` };
      }
    }
  }

  /** Rule 3. */
  private *venueRules(p: Placement): Generator<Violation> {
    const one = (detail: string): Violation => ({ rule: 3, sessions: [p.session.id], detail });
    const { spec } = p.session;
    const { names } = this;
    if (!spec.venues.includes(p.venue)) yield one(notOneOfItsVenues(p.venue, spec.venues, names));
    const venue = this.world.venues.get(p.venue);
    if (!venue || venue.remote) return;
    const open = this.world.availabilityOfVenue(p.venue);
    if (open && !open.contains(p.startMs, p.endMs)) yield one(`${span(p)} is ${outsideVenueTimes(p.venue, names)}`);
    if (venue.capacity !== undefined && venue.capacity < spec.attendees.length) {
      yield one(venueTooSmall(p.venue, venue.capacity, spec.attendees.length, names));
    }
    if (spec.needsAccessible && !venue.accessible) yield one(venueNotAccessible(p.venue, names));
    for (const other of this.byVenue.get(p.venue) ?? []) {
      if (overlap(p, other)) {
        const detail = `${venueName(p.venue, names)} holds both at once (${span(p)} and ${span(other)})`;
        yield { rule: 3, sessions: [p.session.id, other.session.id], detail };
      }
    }
  }

  /** Rule 4: one person in two sessions at once, or without the travel time between them. */
  private *personClashes(p: Placement): Generator<Violation> {
    const shared = new Map<Placement, string[]>();
    for (const person of p.session.spec.attendees) {
      for (const other of this.byPerson.get(person) ?? []) push(shared, other, person);
    }
    for (const [other, people] of shared) {
      const who = people.join(', ');
      const sessions = [p.session.id, other.session.id];
      if (overlap(p, other)) {
        yield { rule: 4, sessions, detail: `${who} in both at once (${span(p)} and ${span(other)})` };
        continue;
      }
      const travelMs = this.world.travelMs(p.venue, other.venue);
      const gapMs = gap(p, other);
      if (gapMs < travelMs) {
        const between = `${venueName(other.venue, this.names)} and ${venueName(p.venue, this.names)}`;
        yield { rule: 4, sessions, detail: `${who} with ${msToMinutes(gapMs)} minutes between ${between}, travel takes ${msToMinutes(travelMs)}` };
      }
    }
  }

  /** Rule 5, for the pairs whose other session is placed: gaps to predecessors and successors. */
  private *chainGaps(p: Placement): Generator<Violation> {
    for (const rule of p.session.after) {
      const before = this.placed.get(rule.session);
      if (before) yield* gapViolations(before, p, rule);
    }
    for (const successorId of this.world.successors.get(p.session.id) ?? []) {
      const after = this.placed.get(successorId);
      if (!after) continue;
      for (const rule of after.session.after) if (rule.session === p.session.id) yield* gapViolations(p, after, rule);
    }
  }

  /** Rule 6. */
  private *dailyLimits(p: Placement): Generator<Violation> {
    const day = this.world.dayOf(p.startMs);
    for (const person of p.session.spec.attendees) {
      const limit = this.world.people.get(person)?.maxSessionsPerDay;
      if (limit === undefined) continue;
      const sameDay = (this.byPerson.get(person) ?? []).filter((other) => this.world.dayOf(other.startMs) === day);
      if (sameDay.length + 1 > limit) {
        yield {
          rule: 6,
          sessions: [p.session.id, ...sameDay.map((other) => other.session.id)],
          detail: `${person} starts ${sameDay.length + 1} sessions on ${day} (${this.world.instance.timezone}), maxSessionsPerDay ${limit}`,
        };
      }
    }
  }

  /** Rule 7: the two people of a separation, each in a session without the other, at one venue. */
  private *separations(p: Placement): Generator<Violation> {
    if (this.world.isRemote(p.venue)) return;
    const attendees = p.session.spec.attendees;
    for (const person of attendees) {
      for (const { partner, minutes } of this.world.separationsOf(person)) {
        if (attendees.includes(partner)) continue;
        for (const other of this.byPerson.get(partner) ?? []) {
          if (other.venue !== p.venue || other.session.spec.attendees.includes(person)) continue;
          const gapMs = gap(p, other);
          if (msToMinutes(gapMs) < minutes) {
            const apart = gapMs < 0 ? 'there at the same time' : `only ${msToMinutes(gapMs)} minutes apart`;
            yield {
              rule: 7,
              sessions: [p.session.id, other.session.id],
              detail: `${person} and ${partner} are ${apart} at ${venueName(p.venue, this.names)}, separation ${minutes} minutes`,
            };
          }
        }
      }
    }
  }
}

function* gapViolations(
  before: Placement,
  after: Placement,
  rule: { minGapMs: number; maxGapMs?: number },
): Generator<Violation> {
  const gapMs = after.startMs - before.endMs;
  const sessions = [after.session.id, before.session.id];
  const detail = `starts ${msToMinutes(gapMs)} minutes after ${before.session.id} ends`;
  if (gapMs < rule.minGapMs) yield { rule: 5, sessions, detail: `${detail}, minGapMinutes ${msToMinutes(rule.minGapMs)}` };
  if (rule.maxGapMs !== undefined && gapMs > rule.maxGapMs) {
    yield { rule: 5, sessions, detail: `${detail}, maxGapMinutes ${msToMinutes(rule.maxGapMs)}` };
  }
}

function overlap(a: Placement, b: Placement): boolean {
  return a.startMs < b.endMs && b.startMs < a.endMs;
}

/** From the end of the earlier to the start of the later; negative when they overlap. */
function gap(a: Placement, b: Placement): number {
  return Math.max(a.startMs - b.endMs, b.startMs - a.endMs);
}

function span(p: Placement): string {
  return `${formatInstant(p.startMs)} to ${formatInstant(p.endMs)}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
