import { IANAZone } from 'luxon';

/** A weekly window in some time zone: ISO weekday (1 = Monday) and wall-clock times `HH:MM`. */
export interface WeeklyWindow {
  weekday: number;
  start: string;
  end: string;
}

/** Half-open interval in epoch milliseconds. */
export type Span = [number, number];

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The instants a weekly pattern covers between two instants, in its own time zone: 18:00 on a
 * Tuesday in London is 18:00 local on each Tuesday, summer time or not.
 */
export function expandWeekly(windows: readonly WeeklyWindow[], timeZone: string, from: number, to: number): Span[] {
  if (windows.length === 0) return [];
  const zone = offsetsOf(timeZone);
  // Wall-clock days, as if the local time were UTC; each window's ends converted back to instants.
  const spans: Span[] = [];
  for (let day = Math.floor(zone.local(from) / DAY) * DAY; zone.instant(day) < to; day += DAY) {
    const weekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
    for (const w of windows) {
      if (w.weekday !== weekday) continue;
      const start = zone.instant(day + minutes(w.start) * MINUTE);
      const end = zone.instant(day + minutes(w.end) * MINUTE);
      if (end > from && start < to) spans.push([Math.max(start, from), Math.min(end, to)]);
    }
  }
  return union(spans);
}

function minutes(time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return hour * 60 + minute;
}

interface ZoneOffsets {
  /** The wall-clock time at an instant, as milliseconds of a UTC clock showing it. */
  local(instant: number): number;
  /** The instant a wall-clock time happens (in a gap of the spring change: as if the clock had not changed). */
  instant(local: number): number;
}

const QUARTER = 15 * MINUTE;
const zones = new Map<string, ZoneOffsets>();

/**
 * Offsets looked up once per zone and quarter hour (every zone's changes fall on one), and
 * remembered: Intl's lookups cost microseconds each, and every suggestion needs hundreds.
 */
function offsetsOf(timeZone: string): ZoneOffsets {
  const known = zones.get(timeZone);
  if (known) return known;
  const zone = IANAZone.create(timeZone);
  const cache = new Map<number, number>();
  const offset = (instant: number): number => {
    const quarter = Math.floor(instant / QUARTER);
    let minutesEast = cache.get(quarter);
    if (minutesEast === undefined) {
      if (cache.size > 200_000) cache.clear();
      minutesEast = zone.offset(quarter * QUARTER);
      cache.set(quarter, minutesEast);
    }
    return minutesEast * MINUTE;
  };
  const offsets: ZoneOffsets = {
    local: (instant) => instant + offset(instant),
    instant: (local) => {
      const guess = local - offset(local);
      return local - offset(guess);
    },
  };
  zones.set(timeZone, offsets);
  return offsets;
}

export function union(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

export function subtract(spans: readonly Span[], holes: readonly Span[]): Span[] {
  let out = [...spans];
  for (const [hs, he] of holes) {
    out = out.flatMap(([s, e]): Span[] => {
      if (he <= s || hs >= e) return [[s, e]];
      return [...(hs > s ? [[s, hs] as Span] : []), ...(he < e ? [[he, e] as Span] : [])];
    });
  }
  return out;
}

/** Rounds each span inward to the slot grid (slots counted from the epoch), dropping those left empty. */
export function toSlotGrid(spans: readonly Span[], slotMs: number): Span[] {
  return spans
    .map(([s, e]): Span => [Math.ceil(s / slotMs) * slotMs, Math.floor(e / slotMs) * slotMs])
    .filter(([s, e]) => e > s);
}
