import { Calendar } from './calendar';

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
});
