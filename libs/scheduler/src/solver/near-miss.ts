import { staticDomain } from './domain';
import { covers } from './intervals';
import { after, Fit, Timetable } from './timetable';
import { describeClash, duration, listOf } from './wording';
import { World } from './world';

/** Starts a session may take given its booked neighbours by `after` rules, and why. */
export interface Window {
  from: number;
  to: number;
  /** The rules that narrow it, for a coordinator; empty when only the session's own window does. */
  rules: string[];
}

export function bookedWindow(world: World, table: Timetable, s: number): Window {
  const session = world.sessions[s];
  let from = session.earliest;
  let to = session.latestEnd - session.duration;
  const rules: string[] = [];
  for (const e of session.preds) {
    if (!table.isPlaced(e.other)) continue;
    const end = table.start[e.other] + world.sessions[e.other].duration;
    from = Math.max(from, end + e.min);
    to = Math.min(to, end + e.max);
    rules.push(gapRule(world, e.min, e.max, 'after', world.sessions[e.other].id));
  }
  for (const e of session.succs) {
    if (!table.isPlaced(e.other)) continue;
    const start = table.start[e.other];
    from = Math.max(from, start - e.max - session.duration);
    to = Math.min(to, start - e.min - session.duration);
    rules.push(gapRule(world, e.min, e.max, 'before', world.sessions[e.other].id));
  }
  return { from, to, rules };
}

function gapRule(world: World, min: number, max: number, side: string, other: string): string {
  const most = max === Infinity ? '' : ` and at most ${duration(world, max)}`;
  return `at least ${duration(world, min)}${most} ${side} ${other}`;
}

/** "between Mon 11 Jan 09:00 and Mon 25 Jan 11:00 (at least 1 day ... after c1/prep-victim-2)" */
export function describeWindow(world: World, window: Window): string {
  const cal = world.calendar;
  const span = `between ${cal.describe(Math.max(0, window.from))} and ${cal.describe(Math.max(0, window.to))}`;
  return window.rules.length ? `${span} (${listOf(window.rules)})` : span;
}

/** An option that breaks one attendee's availability (or bookings) and nothing else. */
export interface NearMiss extends Fit {
  attendee: number;
  reason: string;
}

/**
 * Options in [from, to] that every rule allows except for one attendee, earliest first (venue
 * preference breaking ties), up to `limit`; options open to everyone are not near misses.
 */
export function nearMisses(world: World, table: Timetable, s: number, from: number, to: number, limit: number): NearMiss[] {
  const session = world.sessions[s];
  const found: NearMiss[] = [];
  for (const a of new Set(session.attendees)) {
    const relaxed = staticDomain(world, session, a);
    let cursor = { start: from, option: 0 };
    for (let taken = 0; taken < limit; ) {
      const fit = table.fitFrom(s, relaxed, cursor.start, to, cursor.option, a);
      if (!fit) break;
      cursor = after(fit, session.venues.length);
      const reason = missedBy(world, table, s, fit, a);
      if (reason === null) continue;
      found.push({ ...fit, attendee: a, reason });
      taken++;
    }
  }
  return found.sort((x, y) => x.start - y.start || x.option - y.option).slice(0, limit);
}

/** Why attendee a cannot take an option open to all the others, or null when they can too. */
function missedBy(world: World, table: Timetable, s: number, fit: Fit, a: number): string | null {
  const person = world.people[a];
  if (!covers(person.available, fit.start, fit.start + world.sessions[s].duration)) {
    return `${person.id} is not available then`;
  }
  const theirs = table.clashes(s, fit.start, fit.venue).filter((c) => c.person === a);
  return theirs.length > 0 ? describeClash(world, theirs[0]) : null;
}
