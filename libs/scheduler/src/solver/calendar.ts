import { DateTime } from 'luxon';
import { Instance, IsoInstant } from '../model';

/**
 * The slot grid of an instance: every instant the solver handles is an integer slot index
 * from `horizon.start`, so the rules are integer arithmetic. Calendar days of the instance's
 * timezone (for `maxSessionsPerDay`) are computed once, with DST, as a day index per slot.
 */
export class Calendar {
  readonly startMs: number;
  readonly slotMs: number;
  readonly slotMinutes: number;
  /** Slots in the horizon: a session may occupy [0, slotCount). */
  readonly slotCount: number;
  readonly timezone: string;
  /** Calendar day (of the timezone) on which each slot starts; length slotCount + 1. */
  readonly dayOfSlot: Int32Array;
  /** First slot of each day index (the last entry is slotCount). */
  readonly dayStart: Int32Array;

  constructor(instance: Pick<Instance, 'horizon' | 'slotMinutes' | 'timezone'>) {
    this.startMs = Date.parse(instance.horizon.start);
    this.slotMinutes = instance.slotMinutes;
    this.slotMs = instance.slotMinutes * 60_000;
    this.slotCount = Math.max(0, Math.floor((Date.parse(instance.horizon.end) - this.startMs) / this.slotMs));
    this.timezone = instance.timezone;
    const { dayOfSlot, dayStart } = this.buildDays();
    this.dayOfSlot = dayOfSlot;
    this.dayStart = dayStart;
  }

  /** The slot holding an instant, rounded down (instants are on the grid in a valid instance). */
  slotOf(iso: IsoInstant): number {
    return Math.floor((Date.parse(iso) - this.startMs) / this.slotMs);
  }

  /** The first slot at or after an instant: the inward rounding of an interval's start. */
  slotAtOrAfter(iso: IsoInstant): number {
    return Math.ceil((Date.parse(iso) - this.startMs) / this.slotMs);
  }

  isoOf(slot: number): IsoInstant {
    return new Date(this.startMs + slot * this.slotMs).toISOString().replace('.000Z', 'Z');
  }

  /** Slots needed to cover a number of minutes (a gap of at least that long). */
  slotsCovering(minutes: number): number {
    return Math.ceil(minutes / this.slotMinutes);
  }

  /** Whole slots within a number of minutes (a gap of at most that long). */
  slotsWithin(minutes: number): number {
    return Math.floor(minutes / this.slotMinutes);
  }

  /** How a coordinator reads a slot: "Tue 12 Jan 14:00" in the instance's timezone. */
  describe(slot: number): string {
    return DateTime.fromMillis(this.startMs + slot * this.slotMs, { zone: this.timezone })
      .setLocale('en-GB')
      .toFormat('ccc d LLL HH:mm');
  }

  /** Hours from the horizon start, for the objective. */
  hoursOf(slot: number): number {
    return (slot * this.slotMinutes) / 60;
  }

  private buildDays(): { dayOfSlot: Int32Array; dayStart: Int32Array } {
    const dayOfSlot = new Int32Array(this.slotCount + 1);
    const starts: number[] = [0];
    const endMs = this.startMs + this.slotCount * this.slotMs;
    let nextDay = nextMidnight(this.timezone, this.startMs);
    let day = 0;
    for (let slot = 0; slot <= this.slotCount; slot++) {
      const ms = this.startMs + slot * this.slotMs;
      while (ms >= nextDay && ms < endMs) {
        day++;
        starts.push(slot);
        nextDay = nextMidnight(this.timezone, nextDay);
      }
      dayOfSlot[slot] = day;
    }
    starts.push(this.slotCount);
    return { dayOfSlot, dayStart: Int32Array.from(starts) };
  }
}

const midnights = new Map<string, Map<number, number>>();

/**
 * The first midnight of the timezone after an instant (epoch ms). Remembered per zone: every
 * instance over the same days (a service builds one per request) needs the same few, and
 * luxon's offset lookups cost far more than the rest of a calendar.
 */
export function nextMidnight(timezone: string, ms: number): number {
  let known = midnights.get(timezone);
  if (!known) midnights.set(timezone, (known = new Map()));
  let next = known.get(ms);
  if (next === undefined) {
    if (known.size >= 100_000) known.clear();
    next = DateTime.fromMillis(ms, { zone: timezone }).startOf('day').plus({ days: 1 }).toMillis();
    known.set(ms, next);
  }
  return next;
}
