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
