import { DateTime } from 'luxon';

/** A weekly window in some time zone: ISO weekday (1 = Monday) and wall-clock times `HH:MM`. */
export interface WeeklyWindow {
  weekday: number;
  start: string;
  end: string;
}

/** Half-open interval in epoch milliseconds. */
export type Span = [number, number];

/**
 * The instants a weekly pattern covers between two instants, in its own time zone: 18:00 on a
 * Tuesday in London is 18:00 local on each Tuesday, summer time or not.
 */
export function expandWeekly(windows: readonly WeeklyWindow[], timeZone: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let day = DateTime.fromMillis(from, { zone: timeZone }).startOf('day');
  while (day.toMillis() < to) {
    for (const w of windows.filter((window) => window.weekday === day.weekday)) {
      const start = at(day, w.start);
      const end = at(day, w.end);
      if (end > from && start < to) spans.push([Math.max(start, from), Math.min(end, to)]);
    }
    day = day.plus({ days: 1 });
  }
  return union(spans);
}

function at(day: DateTime, time: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return day.set({ hour, minute }).toMillis();
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
