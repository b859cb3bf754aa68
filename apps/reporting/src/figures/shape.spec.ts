import type { CaseRow } from './figures.repository';
import { firstContact, percentile, satisfaction } from './shape';

const HOUR = 3600;
const kase = (received: number, contactAfterHours: number | null, reached: string[] = []): CaseRow => ({
  n: 1,
  received,
  first_contact: contactAfterHours === null ? null : received + contactAfterHours * HOUR,
  closed: null,
  reached,
  deliveries: [],
});

describe('shaping figures', () => {
  it('interpolates percentiles between neighbours as percentile_cont does', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([25, 60], 0.9)).toBeCloseTo(56.5, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('counts first-contact breaches: late contacts and referrals past the target with none, not rejected ones', () => {
    const asAt = new Date('2026-01-10T00:00:00Z');
    const day = (d: number) => Date.parse(`2026-01-0${d}T00:00:00Z`) / 1000;
    const figure = firstContact(
      [kase(day(1), 10), kase(day(1), 50), kase(day(2), null), kase(day(9), null), kase(day(1), null, ['rejected'])],
      48,
      asAt,
    );
    expect(figure).toEqual({
      targetHours: 48, cases: 4, contacted: 2, medianHours: 30, p90Hours: 46, withinTarget: 1, shareWithinTarget: 0.3333,
      breaches: { contactedLate: 1, notContactedPastTarget: 1 },
    });
  });

  it('reports no mean or share when there is no feedback, rather than zero', () => {
    expect(satisfaction([])).toEqual({ responses: 0, mean: null, shareSatisfied: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, byRole: {} });
  });
});
