import { checkPlan } from '../check';
import { Instance, Plan } from '../model';
import { at, makeInstance, person, session } from '../testing/fixtures';
import { solve } from './solve';

const startOf = (plan: Plan, id: string): string | undefined => plan.assignments.find((a) => a.session === id)?.start;
const reasonOf = (plan: Plan, id: string): string | undefined => plan.unscheduled.find((u) => u.session === id)?.reason;

/** Solves with a fixed number of improvement steps, and insists the plan breaks no rule. */
function solved(instance: Instance): Plan {
  const plan = solve(instance, { maxIterations: 200, timeLimitMs: 10_000 });
  expect(checkPlan(instance, plan)).toEqual([]);
  const listed = [...plan.assignments, ...plan.unscheduled].map((x) => x.session).sort();
  expect(listed).toEqual(instance.sessions.map((s) => s.id).sort());
  return plan;
}

const hub = { id: 'hub', capacity: 10, accessible: true };
const dayZero = (from: string, to: string): [string, string][] => [[at(0, from), at(0, to)]];

describe('solve', () => {
  it('gives a single prison slot to the session of higher priority and says who holds it', () => {
    const instance = makeInstance({
      people: [person('a'), person('b')],
      venues: [{ id: 'hmp', capacity: 10, accessible: true, available: dayZero('09:00', '10:00') }],
      sessions: [
        session('c1/prep', ['a'], ['hmp'], { priority: 1 }),
        session('c2/conference', ['b'], ['hmp'], { priority: 3 }),
      ],
    });
    const plan = solved(instance);
    expect(startOf(plan, 'c2/conference')).toBe(at(0, '09:00'));
    expect(reasonOf(plan, 'c1/prep')).toContain('c2/conference');
    expect(plan.stats.placedWeight).toBe(3);
  });

  it('starts a chain later when the maximum gap would leave its successor without room', () => {
    const instance = makeInstance({
      people: [
        person('fac', { available: [[at(0, '09:00'), at(0, '17:00')], [at(10, '09:00'), at(11, '17:00')]] }),
        person('vic', { available: [[at(11, '09:00'), at(11, '17:00')]] }),
      ],
      venues: [{ id: 'video', remote: true }],
      sessions: [
        session('c1/prep', ['fac'], ['video']),
        session('c1/conference', ['fac', 'vic'], ['video'], {
          after: [{ session: 'c1/prep', minGapMinutes: 1440, maxGapMinutes: 2880 }],
        }),
      ],
    });
    const plan = solved(instance);
    // Day 0 would end more than two days before day 11; day 10 ends 24h before 10:00 on day 11.
    expect(startOf(plan, 'c1/prep')).toBe(at(10, '09:00'));
    expect(startOf(plan, 'c1/conference')).toBe(at(11, '10:00'));
  });

  it('keeps separated people an hour apart at a shared venue', () => {
    const instance = makeInstance({
      people: [person('vic', { available: dayZero('09:00', '12:00') }), person('off', { available: dayZero('09:00', '12:00') })],
      venues: [hub],
      separations: [{ people: ['vic', 'off'], minutes: 60 }],
      sessions: [session('c1/prep-victim', ['vic'], ['hub'], { priority: 2 }), session('c1/prep-offender', ['off'], ['hub'])],
    });
    const plan = solved(instance);
    expect(startOf(plan, 'c1/prep-victim')).toBe(at(0, '09:00'));
    // The venue alone would allow 10:00; the separation asks for an hour after 10:00.
    expect(startOf(plan, 'c1/prep-offender')).toBe(at(0, '11:00'));
  });

  it('leaves a person the travel time between venues', () => {
    const instance = makeInstance({
      people: [person('fac', { available: dayZero('09:00', '17:00') }), person('vic', { available: dayZero('09:00', '10:00') })],
      venues: [hub, { id: 'hmp', capacity: 10, accessible: true }],
      travel: [['hub', 'hmp', 45]],
      sessions: [session('c1/prep-victim', ['fac', 'vic'], ['hub'], { priority: 2 }), session('c2/prep', ['fac'], ['hmp'])],
    });
    const plan = solved(instance);
    expect(startOf(plan, 'c1/prep-victim')).toBe(at(0, '09:00'));
    expect(startOf(plan, 'c2/prep')).toBe(at(0, '10:45'));
  });

  it('moves the session past a full day to the next when the daily limit is reached', () => {
    const instance = makeInstance({
      people: [person('fac', { maxSessionsPerDay: 2, available: [[at(0, '09:00'), at(0, '17:00')], [at(1, '09:00'), at(1, '17:00')]] })],
      venues: [{ id: 'video', remote: true }],
      sessions: ['a', 'b', 'c'].map((c) => session(`${c}/prep`, ['fac'], ['video'])),
    });
    const plan = solved(instance);
    const starts = plan.assignments.map((a) => a.start).sort();
    expect(starts).toEqual([at(0, '09:00'), at(0, '10:00'), at(1, '09:00')]);
  });

  it('keeps a fixed session as booked and works around it', () => {
    const instance = makeInstance({
      people: [person('fac', { available: dayZero('09:00', '12:00') })],
      venues: [hub],
      sessions: [
        session('c1/prep', ['fac'], ['hub'], { fixed: { start: at(0, '09:30'), venue: 'hub' } }),
        session('c2/prep', ['fac'], ['hub']),
      ],
    });
    const plan = solved(instance);
    expect(startOf(plan, 'c1/prep')).toBe(at(0, '09:30'));
    expect(startOf(plan, 'c2/prep')).toBe(at(0, '10:30'));
    expect(plan.conflicts).toEqual([]);
  });

  it('moves a session that a fixed one must follow to make room, and keeps it placed', () => {
    const instance = makeInstance({
      people: [person('p', { available: dayZero('09:00', '11:00') })],
      venues: [hub],
      sessions: [
        session('c1/prep', ['p'], ['hub']),
        session('c1/conference', ['p'], ['hub'], {
          fixed: { start: at(1, '09:00'), venue: 'hub' },
          after: [{ session: 'c1/prep', minGapMinutes: 60 }],
        }),
        session('c2/prep', ['p'], ['hub'], { notAfter: at(0, '10:00') }),
      ],
    });
    const plan = solved(instance);
    expect(startOf(plan, 'c2/prep')).toBe(at(0, '09:00'));
    expect(startOf(plan, 'c1/prep')).toBe(at(0, '10:00'));
  });

  it('reports fixed sessions that clash with each other, and still keeps them', () => {
    const instance = makeInstance({
      people: [person('a'), person('b'), person('c', { available: dayZero('09:00', '17:00') })],
      venues: [hub],
      sessions: [
        session('c1/prep', ['a'], ['hub'], { fixed: { start: at(0, '09:00'), venue: 'hub' } }),
        session('c2/prep', ['b'], ['hub'], { fixed: { start: at(0, '09:30'), venue: 'hub' } }),
        session('c3/prep', ['c'], ['hub']),
      ],
    });
    const plan = solved(instance);
    expect(plan.conflicts.map((c) => c.session).sort()).toEqual(['c1/prep', 'c2/prep']);
    expect(plan.conflicts[0].reason).toContain('venue');
    expect(startOf(plan, 'c1/prep')).toBe(at(0, '09:00'));
    expect(startOf(plan, 'c3/prep')).toBe(at(0, '10:30'));
  });

  it('words a fixed session outside its venue\'s times as the check does', () => {
    const instance = makeInstance({
      people: [person('a')],
      venues: [{ id: 'hmp', capacity: 2, accessible: true, available: dayZero('09:00', '10:00') }],
      sessions: [session('c1/prep', ['a'], ['hmp'], { fixed: { start: at(0, '10:00'), venue: 'hmp' } })],
    });
    const plan = solve(instance, { maxIterations: 10 });
    expect(plan.conflicts).toEqual([{ session: 'c1/prep', reason: "lies outside hmp's available times" }]);
    expect(checkPlan(instance, plan)).toEqual([]);
    expect(checkPlan(instance, { ...plan, conflicts: [] }).map((v) => v.detail)).toEqual([`${at(0, '10:00')} to ${at(0, '11:00')} is outside hmp's available times`]);
  });

  it('names the attendee who leaves no common window, with the nearest miss', () => {
    const instance = makeInstance({
      people: [
        person('fac', { available: dayZero('09:00', '17:00') }),
        person('vic', { available: dayZero('09:00', '17:00') }),
        person('om-3', { available: [[at(1, '09:00'), at(1, '17:00')]] }),
      ],
      venues: [hub],
      sessions: [session('c1/conference', ['fac', 'vic', 'om-3'], ['hub'])],
    });
    const plan = solved(instance);
    const reason = reasonOf(plan, 'c1/conference');
    expect(reason).toContain('never all available');
    expect(reason).toContain('possible Mon 4 Jan 09:00 at hub if om-3 could attend');
  });

  it('says a lone attendee is never available, in the singular', () => {
    const instance = makeInstance({
      people: [person('vic', { available: dayZero('09:00', '10:00') })],
      venues: [{ id: 'hub', capacity: 10, accessible: true, available: [[at(1, '09:00'), at(1, '17:00')]] }],
      sessions: [session('c1/prep', ['vic'], ['hub'])],
    });
    const reason = reasonOf(solved(instance), 'c1/prep');
    expect(reason).toContain('vic is never available at one of its venues');
  });

  it('says when its own window is shorter than the session, with no empty rule list', () => {
    const instance = makeInstance({
      people: [person('vic')],
      venues: [hub],
      sessions: [session('c1/prep', ['vic'], ['hub'], { notBefore: at(2, '09:00'), notAfter: at(2, '09:30') })],
    });
    const reason = reasonOf(solved(instance), 'c1/prep');
    expect(reason).toContain('it lasts 1h, longer than the time between Wed 6 Jan 09:00 and Wed 6 Jan 09:30');
    expect(reason).not.toContain('()');
  });

  it('leaves out sessions whose after rules go round in a circle', () => {
    const instance = makeInstance({
      people: [person('a')],
      venues: [hub],
      sessions: [
        session('c1/a', ['a'], ['hub'], { after: [{ session: 'c1/b' }] }),
        session('c1/b', ['a'], ['hub'], { after: [{ session: 'c1/a' }] }),
      ],
    });
    const plan = solved(instance);
    expect(plan.assignments).toEqual([]);
    expect(reasonOf(plan, 'c1/a')).toContain('circle');
  });
});
