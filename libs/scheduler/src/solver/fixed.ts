import { Conflict } from '../model';
import { notOneOfItsVenues, outsideVenueTimes } from '../venue-wording';
import { venueUnsuitable } from './domain';
import { covers } from './intervals';
import { describeClash } from './wording';
import { Timetable } from './timetable';
import { World } from './world';

/** Books every fixed session as it is, whatever it breaks: the plan must keep them. */
export function bookFixed(world: World, table: Timetable): number[] {
  const fixed = world.sessions.filter((s) => s.fixed !== null);
  for (const s of fixed) table.place(s.index, s.fixed!.start, s.fixed!.venue);
  return fixed.map((s) => s.index);
}

/**
 * The hard rules a fixed session breaks on its own or against other fixed sessions (all of
 * them booked in `table`); rules that involve sessions the solver places are left to
 * `brokenPredecessors`.
 */
export function fixedConflicts(world: World, table: Timetable, fixed: number[]): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const s of fixed) {
    const problems = staticProblems(world, s);
    const session = world.sessions[s];
    const { start, venue } = session.fixed!;
    for (const clash of table.clashes(s, start, venue)) problems.push(describeClash(world, clash));
    for (const e of session.preds) {
      const pred = world.sessions[e.other];
      if (pred.fixed) {
        const gap = start - (pred.fixed.start + pred.duration);
        if (gap < e.min || gap > e.max) problems.push(`breaks its gap after ${pred.id}`);
      }
    }
    if (problems.length > 0) conflicts.push({ session: session.id, reason: [...new Set(problems)].join('; ') });
  }
  return conflicts;
}

/** Fixed sessions whose `after` predecessors the plan leaves out (they break rule 5). */
export function brokenPredecessors(world: World, table: Timetable, fixed: number[]): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const s of fixed) {
    const missing = world.sessions[s].preds.filter((e) => !table.isPlaced(e.other));
    if (missing.length > 0) {
      conflicts.push({
        session: world.sessions[s].id,
        reason: `${missing.map((e) => world.sessions[e.other].id).join(', ')} could not be placed before it`,
      });
    }
  }
  return conflicts;
}

function staticProblems(world: World, s: number): string[] {
  const session = world.sessions[s];
  const cal = world.calendar;
  const { start, venue } = session.fixed!;
  const end = start + session.duration;
  const problems: string[] = [];
  if ((Date.parse(session.spec.fixed!.start) - cal.startMs) % cal.slotMs !== 0) problems.push('starts off the slot grid');
  if (start < 0 || end > cal.slotCount) problems.push('lies outside the horizon');
  else if (start < session.earliest || end > session.latestEnd) problems.push('lies outside its notBefore/notAfter window');
  if (!session.venues.includes(venue)) problems.push(notOneOfItsVenues(world.venues[venue].id, session.spec.venues));
  const unsuitable = venueUnsuitable(world, session, venue);
  if (unsuitable) problems.push(unsuitable);
  if (!world.venues[venue].remote && !covers(world.venues[venue].available, start, end)) {
    problems.push(`lies ${outsideVenueTimes(world.venues[venue].id)}`);
  }
  for (const p of session.attendees) {
    if (!covers(world.people[p].available, start, end)) problems.push(`${world.people[p].id} is not available then`);
  }
  return problems;
}
