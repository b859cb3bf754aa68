import { Clash } from './timetable';
import { World } from './world';

/** A clash as a coordinator reads it. */
export function describeClash(world: World, clash: Clash): string {
  const other = world.sessions[clash.other].id;
  const person = clash.person >= 0 ? world.people[clash.person].id : '';
  switch (clash.rule) {
    case 'venue':
      return `the venue is taken by ${other}`;
    case 'overlap':
      return `${person} is booked for ${other}`;
    case 'travel':
      return `${person} cannot travel in time from or to ${other}`;
    case 'separation':
      return `${person} must be kept apart from those at ${other} at the same venue`;
    case 'daily limit':
      return `${person} has reached their daily limit of ${world.people[clash.person].dailyLimit} sessions`;
  }
}

/** "a, b and c" */
export function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A gap in slots as minutes, hours or days, whichever reads best. */
export function duration(world: World, slots: number): string {
  const minutes = slots * world.calendar.slotMinutes;
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes} min`;
}
