import { DateTime } from 'luxon';
import { expandWeekly, subtract, toSlotGrid, union } from './weekly-hours';

const utc = (text: string) => Date.parse(text);

describe('weekly hours in a time zone', () => {
  it('keeps 18:00 local on each side of the clocks going back', () => {
    const tuesdays = expandWeekly([{ weekday: 2, start: '18:00', end: '20:00' }], 'Europe/London', utc('2026-10-19T00:00:00Z'), utc('2026-11-02T00:00:00Z'));
    expect(tuesdays.map(([s, e]) => [new Date(s).toISOString(), new Date(e).toISOString()])).toEqual([
      ['2026-10-20T17:00:00.000Z', '2026-10-20T19:00:00.000Z'],
      ['2026-10-27T18:00:00.000Z', '2026-10-27T20:00:00.000Z'],
    ]);
  });

  it('clips windows to the range and reads 24:00 as the next midnight', () => {
    const spans = expandWeekly([{ weekday: 1, start: '22:00', end: '24:00' }], 'UTC', utc('2027-01-04T23:00:00Z'), utc('2027-01-06T00:00:00Z'));
    expect(spans).toEqual([[utc('2027-01-04T23:00:00Z'), utc('2027-01-05T00:00:00Z')]]);
  });

  it('joins, cuts and rounds spans inward to the slot grid', () => {
    const h = 3_600_000;
    expect(union([[0, 2 * h], [h, 3 * h], [5 * h, 6 * h]])).toEqual([[0, 3 * h], [5 * h, 6 * h]]);
    expect(subtract([[0, 6 * h]], [[2 * h, 3 * h], [5 * h, 7 * h]])).toEqual([[0, 2 * h], [3 * h, 5 * h]]);
    const quarter = 15 * 60_000;
    expect(toSlotGrid([[60_000, 2 * quarter + 60_000], [quarter + 1, 2 * quarter - 1]], quarter)).toEqual([[quarter, 2 * quarter]]);
  });
});

describe('weekly hours against luxon\'s own calendar arithmetic', () => {
  it('agrees in zones with half-hour offsets and changes, across a year', () => {
    const windows = [{ weekday: 1, start: '01:30', end: '03:15' }, { weekday: 7, start: '00:00', end: '24:00' }, { weekday: 3, start: '18:00', end: '20:00' }];
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2027-01-01T00:00:00Z');
    for (const zone of ['Europe/London', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/New_York']) {
      const expected: [number, number][] = [];
      for (let day = DateTime.fromMillis(from, { zone }).startOf('day'); day.toMillis() < to; day = day.plus({ days: 1 })) {
        for (const w of windows.filter((x) => x.weekday === day.weekday)) {
          const at = (t: string) => (t === '24:00' ? day.plus({ days: 1 }) : day.set({ hour: Number(t.slice(0, 2)), minute: Number(t.slice(3)) })).toMillis();
          const s = Math.max(at(w.start), from);
          const e = Math.min(at(w.end), to);
          if (e > s) expected.push([s, e]);
        }
      }
      expect({ zone, spans: expandWeekly(windows, zone, from, to) }).toEqual({ zone, spans: union(expected) });
    }
  });
});
