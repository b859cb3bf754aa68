import { DateTime } from 'luxon';
import { Random } from './random';

/** The generated service's four weeks: Monday 4 January 2027 to Monday 1 February, London time. */
export const ZONE = 'Europe/London';
export const DAYS = 28;
export const SLOT_MINUTES = 15;
const FIRST_DAY = DateTime.fromISO('2027-01-04', { zone: ZONE });
export const HORIZON_START_MS = FIRST_DAY.toMillis();
export const HORIZON_END_MS = FIRST_DAY.plus({ days: DAYS }).toMillis();

/** Half-open spans [start, end) in ms. */
export type Span = [number, number];

/** The instant of a local wall-clock time on day `day` (0 = Monday 4 January). */
export function localTime(day: number, hhmm: string): number {
  const [hour, minute] = hhmm.split(':').map(Number);
  return FIRST_DAY.plus({ days: day }).set({ hour, minute }).toMillis();
}

/** The day (0 = Monday 4 January) on which the instant falls, London time. */
export function dayOf(ms: number): number {
  return Math.round(DateTime.fromMillis(ms, { zone: ZONE }).startOf('day').diff(FIRST_DAY, 'days').days);
}

/** 0 = Monday ... 6 = Sunday. */
export function weekday(day: number): number {
  return day % 7;
}

export const WEEKDAYS = [0, 1, 2, 3, 4];
export const SATURDAY = 5;

/** The same hours on the given weekdays of every week, each day dropped with probability `absence`. */
export function weekly(random: Random, weekdays: readonly number[], hours: ReadonlyArray<[string, string]>, absence = 0): Span[] {
  const spans: Span[] = [];
  for (let day = 0; day < DAYS; day++) {
    if (!weekdays.includes(weekday(day)) || random.chance(absence)) continue;
    for (const [from, to] of hours) spans.push([localTime(day, from), localTime(day, to)]);
  }
  return spans;
}

/** A whole number of slots in minutes, from lo to hi minutes. */
export function slotsBetween(random: Random, loMinutes: number, hiMinutes: number): number {
  return random.int(loMinutes / SLOT_MINUTES, hiMinutes / SLOT_MINUTES) * SLOT_MINUTES;
}
