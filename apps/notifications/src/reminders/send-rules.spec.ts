import { endOfQuietHours, noLongerTrue, validitySeconds } from './send-rules';

const now = new Date('2026-12-01T12:00:00Z');
const later = new Date('2026-12-03T10:00:00Z');

describe('what is still true when a reminder is due', () => {
  it('sends a reminder of the current version of a booked session that has not started', () => {
    expect(noLongerTrue({ kind: 'reminder-120', sessionVersion: 2 }, { status: 'booked', version: 2, startsAt: later }, now)).toBeNull();
  });

  it('drops a reminder of an older version, of a cancelled session, and of one that has started', () => {
    expect(noLongerTrue({ kind: 'reminder-120', sessionVersion: 1 }, { status: 'booked', version: 2, startsAt: later }, now)).toBe('session-changed');
    expect(noLongerTrue({ kind: 'confirmation', sessionVersion: 3 }, { status: 'cancelled', version: 3, startsAt: later }, now)).toBe('session-cancelled');
    expect(noLongerTrue({ kind: 'reminder-120', sessionVersion: 1 }, { status: 'booked', version: 1, startsAt: now }, now)).toBe('session-started');
  });

  it('sends a cancellation only for the cancelled version, and not once its time has passed', () => {
    expect(noLongerTrue({ kind: 'cancellation', sessionVersion: 3 }, { status: 'cancelled', version: 3, startsAt: later }, now)).toBeNull();
    expect(noLongerTrue({ kind: 'cancellation', sessionVersion: 3 }, { status: 'cancelled', version: 3, startsAt: now }, now)).toBe('session-time-passed');
  });
});

describe('quiet hours in the recipient time zone', () => {
  const quiet = { startHour: 21, endHour: 8 };

  it('finds none at noon, and the next 08:00 at 22:30 or 06:00 local', () => {
    expect(endOfQuietHours(new Date('2026-07-01T11:00:00Z'), 'Europe/London', quiet)).toBeNull();
    // 22:30 BST is 21:30 UTC; quiet hours end at 08:00 BST, 07:00 UTC the next day.
    expect(endOfQuietHours(new Date('2026-07-01T21:30:00Z'), 'Europe/London', quiet)).toEqual(new Date('2026-07-02T07:00:00Z'));
    expect(endOfQuietHours(new Date('2026-01-10T06:00:00Z'), 'Europe/London', quiet)).toEqual(new Date('2026-01-10T08:00:00Z'));
  });

  it('reads the hour where the recipient is, not where the server is', () => {
    // 15:00 UTC is 23:00 in Singapore.
    expect(endOfQuietHours(new Date('2026-01-10T15:00:00Z'), 'Asia/Singapore', quiet)).toEqual(new Date('2026-01-11T00:00:00Z'));
  });
});

describe('the validity period of an SMS', () => {
  it('ends when the session starts, within the provider limit', () => {
    expect(validitySeconds(now, new Date(now.getTime() + 90_000))).toBe(90);
    expect(validitySeconds(now, later)).toBe(36_000);
    expect(validitySeconds(now, new Date(now.getTime() - 1))).toBe(0);
  });
});
