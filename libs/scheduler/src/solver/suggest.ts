import { Instance, SessionSpec, Suggestion } from '../model';
import { staticDomain } from './domain';
import { bookFixed } from './fixed';
import { bookedWindow, nearMisses } from './near-miss';
import { after, Fit, Timetable } from './timetable';
import { World } from './world';

/**
 * The k best (start, venue) options for one session with everything else as it is: what a
 * coordinator sees when booking it by hand. The booked world is the fixed sessions; sessions
 * that are not fixed are not booked yet and are ignored, and so are `after` rules whose other
 * session is not fixed (the session asked about is treated as not booked, even if fixed).
 * Options come earliest first, the venue preference order breaking ties; when fewer than k
 * exist, near misses follow, each breaking exactly one attendee's availability or bookings.
 * Only the session, the fixed sessions sharing a person or venue with it and their people
 * are compiled, so a call costs little even in a large instance.
 */
export function suggest(instance: Instance, sessionId: string, k: number): Suggestion[] {
  const target = instance.sessions.find((s) => s.id === sessionId);
  if (!target) throw new RangeError(`suggest: no session "${sessionId}" in the instance`);
  const world = new World(instance, [{ ...target, fixed: undefined }, ...bookedAround(instance, target)]);
  const table = new Timetable(world);
  bookFixed(world, table);
  const session = world.sessions[0];
  const domain = staticDomain(world, session);
  const window = bookedWindow(world, table, 0);
  const options: Fit[] = [];
  let cursor = { start: window.from, option: 0 };
  while (options.length < k) {
    const fit = table.fitFrom(0, domain, cursor.start, window.to, cursor.option, -1);
    if (!fit) break;
    options.push(fit);
    cursor = after(fit, session.venues.length);
  }
  const misses = options.length < k ? nearMisses(world, table, 0, Math.max(0, window.from), window.to, k - options.length) : [];
  const iso = (slot: number): string => world.calendar.isoOf(slot);
  return [
    ...options.map((o) => ({ start: iso(o.start), venue: world.venues[o.venue].id })),
    ...misses.map((m) => ({
      start: iso(m.start),
      venue: world.venues[m.venue].id,
      nearMiss: { attendee: world.people[m.attendee].id, reason: m.reason },
    })),
  ];
}

/** Fixed sessions that can stop the target: sharing an attendee, a venue, a separation or a rule. */
function bookedAround(instance: Instance, target: SessionSpec): SessionSpec[] {
  const people = new Set(target.attendees);
  for (const { people: [a, b] } of instance.separations ?? []) {
    if (target.attendees.includes(a)) people.add(b);
    if (target.attendees.includes(b)) people.add(a);
  }
  const venues = new Set(target.venues);
  const linked = new Set((target.after ?? []).map((r) => r.session));
  return instance.sessions.filter(
    (s) =>
      s.fixed !== undefined &&
      s.id !== target.id &&
      (venues.has(s.fixed.venue) ||
        linked.has(s.id) ||
        (s.after ?? []).some((r) => r.session === target.id) ||
        s.attendees.some((p) => people.has(p))),
  );
}
