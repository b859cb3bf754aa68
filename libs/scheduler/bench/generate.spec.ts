import { checkPlan } from '../src/check';
import { parseInstance } from '../src/parse';
import { generateInstance } from './generate';

describe('generateInstance', () => {
  const made = generateInstance({ cases: 20, seed: 7 });

  it('makes the same instance from the same seed, and another from another seed', () => {
    expect(generateInstance({ cases: 20, seed: 7 })).toEqual(made);
    expect(generateInstance({ cases: 20, seed: 8 }).instance).not.toEqual(made.instance);
  });

  it('makes a well-formed instance around a planted plan that places every session and breaks no rule', () => {
    const instance = parseInstance(made.instance);
    const planted = made.planted!;
    expect(planted.map((a) => a.session)).toEqual(instance.sessions.map((s) => s.id));
    expect(checkPlan(instance, { assignments: planted, unscheduled: [] })).toEqual([]);
  });

  it('gives every case a first preparation, and a follow-up only to a case with a conference', () => {
    const ids = new Set(made.instance.sessions.map((s) => s.id));
    const cases = [...new Set(made.instance.sessions.map((s) => s.case))];
    for (const c of cases) {
      expect(ids.has(`${c}/prep-victim-1`) || ids.has(`${c}/prep-offender-1`)).toBe(true);
      if (ids.has(`${c}/follow-up`)) expect(ids.has(`${c}/conference`)).toBe(true);
    }
  });

  it('cuts availability in the scarce variant, with the same sessions and no planted plan', () => {
    const scarce = generateInstance({ cases: 20, seed: 7, scarce: true });
    const hours = (instance: typeof made.instance) =>
      instance.people.flatMap((p) => p.available ?? []).reduce((sum, [from, to]) => sum + (Date.parse(to) - Date.parse(from)), 0);
    expect(scarce.instance.sessions).toEqual(made.instance.sessions);
    expect(hours(scarce.instance)).toBeLessThan(hours(made.instance));
    expect(scarce.planted).toBeUndefined();
  });
});
