import { DateTime } from 'luxon';
import { Calendar, nextMidnight } from './calendar';

describe('Calendar', () => {
  it('counts days in the instance timezone across the change to summer time', () => {
    // Clocks go forward in London at 01:00 UTC on Sunday 28 March 2027: from then a day
    // starts at 23:00 UTC the evening before.
    const calendar = new Calendar({
      horizon: { start: '2027-03-27T00:00:00Z', end: '2027-03-31T00:00:00Z' },
      slotMinutes: 15,
      timezone: 'Europe/London',
    });
    const dayOf = (iso: string): number => calendar.dayOfSlot[calendar.slotOf(iso)];
    expect(dayOf('2027-03-28T22:45:00Z')).toBe(1);
    expect(dayOf('2027-03-28T23:00:00Z')).toBe(2);
    expect(calendar.describe(calendar.slotOf('2027-03-28T23:00:00Z'))).toBe('Mon 29 Mar 00:00');
  });

  it('starts each day at the zone\'s midnight, instance after instance, across the clock changes of several zones', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    for (const timezone of zones) {
      // Horizons starting every 15 hours 15 minutes across both of the year's changes, days counted by luxon alone.
      for (let start = Date.UTC(2027, 2, 20); start < Date.UTC(2027, 10, 10); start += 61 * 15 * 60_000) {
        const horizon = { start: new Date(start).toISOString(), end: new Date(start + 9 * 86_400_000).toISOString() };
        const calendar = new Calendar({ horizon, slotMinutes: 15, timezone });
        const expected: number[] = [0];
        for (let day = DateTime.fromMillis(start, { zone: timezone }).startOf('day').plus({ days: 1 }); day.toMillis() < start + 9 * 86_400_000; day = day.plus({ days: 1 })) {
          expected.push(Math.ceil((day.toMillis() - start) / (15 * 60_000)));
        }
        expect({ timezone, horizon, starts: [...calendar.dayStart] }).toEqual({ timezone, horizon, starts: [...expected, calendar.slotCount] });
      }
    }
    expect(nextMidnight('Europe/London', Date.parse('2027-03-27T23:30:00Z'))).toBe(Date.parse('2027-03-28T00:00:00Z'));
    expect(nextMidnight('Europe/London', Date.parse('2027-03-28T00:00:00Z'))).toBe(Date.parse('2027-03-28T23:00:00Z'));
  });
});
