import { venueNotAccessible, venueTooSmall } from '../venue-wording';
import { intersect, SlotSet, startsFitting } from './intervals';
import { Session, World } from './world';

/**
 * Where a session may start when nothing else is booked: the intersection of its attendees'
 * availability, its window (horizon, notBefore, notAfter) and, per venue option, the venue's
 * availability, capacity and accessibility. Stored as runs of starts [a, b) with the set of
 * venue options (bit i = the session's i-th venue) that suit every start of the run.
 */
export class Domain {
  constructor(private readonly runs: Int32Array) {}

  get isEmpty(): boolean {
    return this.runs.length === 0;
  }

  get first(): number {
    return this.runs.length ? this.runs[0] : Infinity;
  }

  get last(): number {
    return this.runs.length ? this.runs[this.runs.length - 2] - 1 : -Infinity;
  }

  /** How many starts the domain holds. */
  get size(): number {
    let total = 0;
    for (let r = 0; r < this.runs.length; r += 3) total += this.runs[r + 1] - this.runs[r];
    return total;
  }

  /** The run holding or following slot t, as its offset in `runs`, or -1 past the end. */
  private runFrom(t: number): number {
    let lo = 0;
    let hi = this.runs.length / 3 - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.runs[3 * mid + 1] > t) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found < 0 ? -1 : 3 * found;
  }

  /** How many starts lie in [a, b]. */
  countIn(a: number, b: number): number {
    let count = 0;
    for (let r = this.runFrom(a); r >= 0 && r < this.runs.length && this.runs[r] <= b; r += 3) {
      count += Math.min(b + 1, this.runs[r + 1]) - Math.max(a, this.runs[r]);
    }
    return count;
  }

  /** The first start at or after t, or Infinity. */
  next(t: number): number {
    const r = this.runFrom(t);
    return r < 0 ? Infinity : Math.max(t, this.runs[r]);
  }

  /** The last start at or before t, or -Infinity. */
  prev(t: number): number {
    const r = this.runFrom(t);
    if (r >= 0 && this.runs[r] <= t) return t;
    const before = (r < 0 ? this.runs.length : r) - 3;
    return before >= 0 ? this.runs[before + 1] - 1 : -Infinity;
  }

  /** Venue options open at start t (0 when t is not a start). */
  venuesAt(t: number): number {
    const r = this.runFrom(t);
    return r >= 0 && this.runs[r] <= t ? this.runs[r + 2] : 0;
  }

  /** The end (exclusive) of the run holding start t: up to there the venue options stay the same. */
  runEnd(t: number): number {
    const r = this.runFrom(t);
    return r < 0 ? Infinity : this.runs[r + 1];
  }
}

/** Why a venue option cannot hold a session whatever the time, or null when it can. */
export function venueUnsuitable(world: World, session: Session, venue: number): string | null {
  const v = world.venues[venue];
  if (v.remote) return null;
  if (v.capacity < session.attendees.length) return venueTooSmall(v.id, v.capacity, session.attendees.length);
  if (session.spec.needsAccessible && !v.accessible) return venueNotAccessible(v.id);
  return null;
}

/** The slots where every attendee (but `ignoring`, if given) can attend within the window. */
export function commonAvailability(world: World, session: Session, ignoring = -1): SlotSet {
  let common: SlotSet = session.earliest < session.latestEnd ? [session.earliest, session.latestEnd] : [];
  for (const p of session.attendees) {
    if (p !== ignoring) common = intersect(common, world.people[p].available);
  }
  return common;
}

export function staticDomain(world: World, session: Session, ignoring = -1): Domain {
  const common = commonAvailability(world, session, ignoring);
  const perVenue: SlotSet[] = session.venues.map((v) =>
    venueUnsuitable(world, session, v) !== null
      ? []
      : startsFitting(world.venues[v].remote ? common : intersect(common, world.venues[v].available), session.duration),
  );
  return new Domain(mergeRuns(perVenue));
}

/** Joins per-venue start sets into runs over which the set of open venues is constant. */
function mergeRuns(perVenue: SlotSet[]): Int32Array {
  const points = [...new Set(perVenue.flat())].sort((a, b) => a - b);
  const cursor = perVenue.map(() => 0);
  const out: number[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    let mask = 0;
    perVenue.forEach((set, i) => {
      while (cursor[i] < set.length && set[cursor[i] + 1] <= a) cursor[i] += 2;
      if (cursor[i] < set.length && set[cursor[i]] <= a) mask |= 1 << i;
    });
    if (mask === 0) continue;
    const n = out.length;
    if (n > 0 && out[n - 2] === a && out[n - 1] === mask) out[n - 2] = points[k + 1];
    else out.push(a, points[k + 1], mask);
  }
  return Int32Array.from(out);
}
