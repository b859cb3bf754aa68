import { commonAvailability, venueUnsuitable } from './domain';
import { bookedWindow, describeWindow, nearMisses } from './near-miss';
import { Search } from './search';
import { describeClash, duration, listOf } from './wording';
import { World } from './world';

/**
 * Why a session is left out, for the coordinator who has to act: the chain rule or the
 * missing predecessor, the attendees or venues with no common time, or the bookings that
 * take every common time; then the nearest miss, the earliest option that one attendee
 * stands in the way of ("possible Tue 12 Jan 14:00 at hmp-elmley if om-3 could attend").
 */
export function explainUnplaced(world: World, search: Search, s: number): string {
  const session = world.sessions[s];
  const table = search.table;
  if (world.cyclic.has(s)) return 'its after rules go round in a circle, so it can never be placed';
  const missing = session.preds.filter((e) => !table.isPlaced(e.other)).map((e) => world.sessions[e.other].id);
  if (missing.length > 0) return `must follow ${listOf(missing)}, which could not be placed`;
  const unsuitable = session.venues.map((v) => venueUnsuitable(world, session, v));
  if (unsuitable.every((why) => why !== null)) return `none of its venues fits: ${listOf(unsuitable as string[])}`;

  const window = bookedWindow(world, table, s);
  const domain = search.domains[s];
  const when = describeWindow(world, window);
  const attendees = [...new Set(session.attendees)];
  const people = listOf(attendees.map((p) => world.people[p].id));
  const together = attendees.length === 1 ? 'is never available' : 'are never all available';
  let problem: string;
  if (window.from > window.to) {
    problem = window.rules.length
      ? `its gap rules leave no time (${listOf(window.rules)})`
      : `it lasts ${duration(world, session.duration)}, longer than the time between ` +
        `${world.calendar.describe(session.earliest)} and ${world.calendar.describe(session.latestEnd)} ` +
        `that its notBefore, notAfter and the horizon leave`;
  } else if (domain.next(window.from) > window.to) {
    problem =
      commonAvailability(world, session).length === 0
        ? `${people} ${together} ${when}`
        : `${people} ${together} at one of its venues ${when}`;
  } else {
    const first = domain.next(window.from);
    const venue = session.venues.find((_, i) => (domain.venuesAt(first) & (1 << i)) !== 0)!;
    const clashes = table.clashes(s, first, venue).map((c) => describeClash(world, c));
    problem =
      `every time ${people} can all attend ${when} is taken; the earliest, ` +
      `${world.calendar.describe(first)} at ${world.venues[venue].id}: ${listOf([...new Set(clashes)])}`;
  }
  const [miss] = nearMisses(world, table, s, Math.max(0, window.from), window.to, 1);
  if (!miss) return problem;
  return `${problem}; possible ${world.calendar.describe(miss.start)} at ${world.venues[miss.venue].id} if ${world.people[miss.attendee].id} could attend (${miss.reason})`;
}
