import { checkPlan, formatViolation } from './check';
import { Instance } from './model';
import { PlanToCheck } from './parse-plan';
import { VenueNames } from './venue-wording';
import { at, makeInstance, person, planOf, session, withSession } from './testing/fixtures';

/**
 * One world, Monday 4 and Tuesday 5 January 2027 (day 0 and 1). fac-1 works Mon 09-17 and Tue
 * 09-17 (given as two adjacent intervals joined at 12:00) and starts at most 2 sessions a day;
 * the others are always available. hub-a (3 people, accessible) opens 08-20 both days; hub-b
 * (2 people, not accessible) is always open, 45 minutes from hub-a; video is remote. vic-1 and
 * off-1 are kept 60 minutes apart at a shared venue.
 */
const world: Instance = makeInstance({
  people: [
    person('fac-1', {
      role: 'facilitator',
      maxSessionsPerDay: 2,
      available: [
        [at(0, '09:00'), at(0, '17:00')],
        [at(1, '09:00'), at(1, '12:00')],
        [at(1, '12:00'), at(1, '17:00')],
      ],
    }),
    person('vic-1', { role: 'victim' }),
    person('off-1', { role: 'offender' }),
    person('vic-2', { role: 'victim' }),
    person('om-2', { role: 'offender-manager' }),
  ],
  venues: [
    { id: 'hub-a', capacity: 3, accessible: true, available: [[at(0, '08:00'), at(0, '20:00')], [at(1, '08:00'), at(1, '20:00')]] },
    { id: 'hub-b', capacity: 2, accessible: false },
    { id: 'video', remote: true },
  ],
  travel: [['hub-a', 'hub-b', 45]],
  separations: [{ people: ['vic-1', 'off-1'], minutes: 60 }],
  sessions: [
    session('c1/prep-victim', ['fac-1', 'vic-1'], ['hub-a', 'video']),
    session('c1/prep-offender', ['fac-1', 'off-1'], ['hub-a', 'hub-b']),
    session('c1/conference', ['fac-1', 'vic-1', 'off-1'], ['hub-a', 'hub-b'], {
      kind: 'conference',
      durationMinutes: 120,
      needsAccessible: true,
      priority: 3,
      after: [
        { session: 'c1/prep-victim', minGapMinutes: 60, maxGapMinutes: 1440 },
        { session: 'c1/prep-offender', minGapMinutes: 60 },
      ],
    }),
    session('c2/prep-victim', ['fac-1', 'vic-2'], ['hub-a', 'hub-b', 'video']),
    session('c2/prep-other', ['om-2'], ['hub-a', 'video']),
    session('c1/call', ['vic-1'], ['video'], { durationMinutes: 15 }),
    session('c1/visit', ['vic-1'], ['hub-b']),
  ],
});

/** prep-victim Mon 09-10 and prep-offender Mon 11-12 at hub-a (60 minutes apart), conference Tue 09-11 at hub-a. */
const base: Array<[string, string, string]> = [
  ['c1/prep-victim', at(0, '09:00'), 'hub-a'],
  ['c1/prep-offender', at(0, '11:00'), 'hub-a'],
  ['c1/conference', at(1, '09:00'), 'hub-a'],
];

function rulesBroken(instance: Instance, plan: PlanToCheck): number[] {
  return checkPlan(instance, plan).map((v) => v.rule);
}

function moved(sessionId: string, start: string, venue: string): Array<[string, string, string]> {
  return base.map((a) => (a[0] === sessionId ? [sessionId, start, venue] : a));
}

describe('checkPlan', () => {
  it('passes a plan that keeps every rule, separation gap exactly met', () => {
    expect(checkPlan(world, planOf(world, base))).toEqual([]);
  });

  describe('rule 1: slot grid, horizon, notBefore and notAfter', () => {
    it('fails a start off the slot grid', () => {
      expect(rulesBroken(world, planOf(world, moved('c1/prep-offender', at(0, '11:05'), 'hub-a')))).toEqual([1]);
    });
    it('fails a session that ends after horizon.end', () => {
      const short = { ...world, horizon: { start: world.horizon.start, end: at(1, '10:00') } };
      expect(rulesBroken(short, planOf(short, base))).toEqual([1]);
    });
    it('fails a start before notBefore', () => {
      const later = withSession(world, 'c1/prep-victim', { notBefore: at(0, '10:00') });
      expect(rulesBroken(later, planOf(later, base))).toEqual([1]);
    });
    it('fails an end after notAfter', () => {
      const sooner = withSession(world, 'c1/conference', { notAfter: at(1, '10:00') });
      expect(rulesBroken(sooner, planOf(sooner, base))).toEqual([1]);
    });
  });

  describe('rule 2: attendees available', () => {
    it('fails a session outside an attendee availability and names the attendee', () => {
      const violations = checkPlan(world, planOf(world, moved('c1/prep-offender', at(0, '17:00'), 'hub-a')));
      expect(violations.map((v) => [v.rule, v.person])).toEqual([[2, 'fac-1']]);
    });
    it('joins adjacent availability intervals (Tue 11:45-12:45 spans the join at 12:00), travel exactly met', () => {
      const plan = planOf(world, [...base, ['c2/prep-victim', at(1, '11:45'), 'hub-b']]);
      expect(checkPlan(world, plan)).toEqual([]);
    });
  });

  describe('rule 3: venue allowed, open, large and accessible enough, not double-booked', () => {
    it('fails a venue the session does not list', () => {
      expect(rulesBroken(world, planOf(world, moved('c1/prep-victim', at(0, '09:00'), 'hub-b')))).toEqual([3]);
    });
    it('fails a venue with too little capacity', () => {
      const small = { ...world, venues: world.venues.map((v) => (v.id === 'hub-a' ? { ...v, capacity: 2 } : v)) };
      expect(rulesBroken(small, planOf(small, base))).toEqual([3]);
    });
    it('fails an inaccessible venue for a session that needs access', () => {
      const steps = { ...world, venues: world.venues.map((v) => (v.id === 'hub-a' ? { ...v, accessible: false } : v)) };
      expect(rulesBroken(steps, planOf(steps, base))).toEqual([3]);
    });
    it('fails a venue closed during the session', () => {
      const closed = {
        ...world,
        venues: world.venues.map((v) =>
          v.id === 'hub-a'
            ? { ...v, available: [[at(0, '08:00'), at(0, '11:00')], [at(0, '12:00'), at(0, '20:00')], [at(1, '08:00'), at(1, '20:00')]] as Array<[string, string]> }
            : v,
        ),
      };
      expect(rulesBroken(closed, planOf(closed, base))).toEqual([3]);
      const outside = (names?: VenueNames) => checkPlan(closed, planOf(closed, base), names).map((v) => v.detail);
      expect(outside()).toEqual([`${at(0, '11:00')} to ${at(0, '12:00')} is outside hub-a's available times`]);
      expect(outside({ 'hub-a': { name: 'HMP Elmley', times: 'visiting slots' } })).toEqual([
        `${at(0, '11:00')} to ${at(0, '12:00')} is outside HMP Elmley's visiting slots`,
      ]);
    });
    it('names the venue as its users know it in every rule about it', () => {
      const names = { 'hub-a': { name: 'Maidstone Hub', times: 'opening hours' }, 'hub-b': { name: 'Annexe', times: 'opening hours' } };
      const cramped = { ...world, venues: world.venues.map((v) => (v.id === 'hub-a' ? { ...v, capacity: 2, accessible: false } : v)) };
      expect(checkPlan(cramped, planOf(cramped, base), names).map((v) => v.detail)).toEqual(['Maidstone Hub holds 2, not 3', 'Maidstone Hub is not accessible']);
      expect(checkPlan(world, planOf(world, moved('c1/prep-victim', at(0, '09:00'), 'hub-b')), names).map((v) => v.detail)).toEqual([
        'Annexe is not one of its venues (Maidstone Hub, video)',
      ]);
    });
    it('fails two sessions at one venue at once', () => {
      const violations = checkPlan(world, planOf(world, [...base, ['c2/prep-other', at(0, '11:30'), 'hub-a']]));
      expect(violations.map((v) => [v.rule, v.sessions])).toEqual([[3, ['c2/prep-other', 'c1/prep-offender']]]);
    });
    it('lets a remote venue hold sessions at once, ignoring any capacity or availability given to it', () => {
      const odd = { ...world, venues: world.venues.map((v) => (v.id === 'video' ? { ...v, capacity: 1, available: [[at(5, '09:00'), at(5, '10:00')]] as Array<[string, string]> } : v)) };
      const plan = planOf(odd, [...moved('c1/prep-victim', at(0, '09:00'), 'video'), ['c2/prep-other', at(0, '09:00'), 'video']]);
      expect(checkPlan(odd, plan)).toEqual([]);
    });
  });

  describe('rule 4: no person in two places at once, travel between venues', () => {
    it('fails a person in two overlapping sessions, even by video', () => {
      expect(rulesBroken(world, planOf(world, [...base, ['c2/prep-victim', at(1, '10:00'), 'video']]))).toEqual([4]);
    });
    it('fails too little time to travel between venues', () => {
      expect(rulesBroken(world, planOf(world, [...base, ['c2/prep-victim', at(1, '11:15'), 'hub-b']]))).toEqual([4]);
    });
    it('judges travel between two sessions whatever lies between them', () => {
      const plan = planOf(world, [...base, ['c1/call', at(1, '11:00'), 'video'], ['c1/visit', at(1, '11:15'), 'hub-b']]);
      const violations = checkPlan(world, plan);
      expect(violations.map((v) => [v.rule, v.sessions])).toEqual([[4, ['c1/visit', 'c1/conference']]]);
    });
    it('treats intervals as half-open: back-to-back sessions of one person at one venue are fine', () => {
      expect(checkPlan(world, planOf(world, [...base, ['c2/prep-victim', at(1, '11:00'), 'hub-a']]))).toEqual([]);
    });
  });

  describe('rule 5: predecessors assigned, gaps kept', () => {
    it('fails a session whose predecessor is unscheduled', () => {
      const plan = planOf(world, base.filter(([id]) => id !== 'c1/prep-victim'));
      expect(rulesBroken(world, plan)).toEqual([5]);
    });
    it('fails a gap below minGapMinutes', () => {
      const apart = withSession(world, 'c1/conference', {
        after: [{ session: 'c1/prep-victim' }, { session: 'c1/prep-offender', minGapMinutes: 1440 }],
      });
      expect(rulesBroken(apart, planOf(apart, base))).toEqual([5]);
    });
    it('fails a gap above maxGapMinutes', () => {
      // Mon 10:00 to Tue 11:30 is 1530 minutes; fac-1 is available Tue 11:30-13:30 across the join.
      expect(rulesBroken(world, planOf(world, moved('c1/conference', at(1, '11:30'), 'hub-a')))).toEqual([5]);
    });
  });

  describe('rule 6: maxSessionsPerDay', () => {
    it('fails a third start in one day for a person with a limit of 2', () => {
      expect(rulesBroken(world, planOf(world, [...base, ['c2/prep-victim', at(0, '13:00'), 'video']]))).toEqual([6]);
    });

    describe('counts calendar days of the instance timezone, across the change to summer time', () => {
      // Clocks go forward on Sunday 28 March 2027; from then London is UTC+1.
      const spring = makeInstance({
        horizon: { start: '2027-03-22T00:00:00Z', end: '2027-04-05T00:00:00Z' },
        people: [person('fac-9', { maxSessionsPerDay: 1 })],
        venues: [{ id: 'video', remote: true }],
        sessions: [session('c9/a', ['fac-9'], ['video']), session('c9/b', ['fac-9'], ['video'])],
      });
      it('two starts on one UTC day but on two London days are fine', () => {
        // 10:00Z is 11:00 on Monday 29 March; 23:00Z is 00:00 on Tuesday 30 March in London.
        const plan = planOf(spring, [['c9/a', '2027-03-29T10:00:00Z', 'video'], ['c9/b', '2027-03-29T23:00:00Z', 'video']]);
        expect(checkPlan(spring, plan)).toEqual([]);
      });
      it('two starts on two UTC days but one London day break the limit', () => {
        const plan = planOf(spring, [['c9/a', '2027-03-29T23:00:00Z', 'video'], ['c9/b', '2027-03-30T10:00:00Z', 'video']]);
        expect(rulesBroken(spring, plan)).toEqual([6]);
      });
    });
  });

  describe('rule 7: separations', () => {
    it('fails the two people of a separation closer than its minutes at one venue', () => {
      expect(rulesBroken(world, planOf(world, moved('c1/prep-offender', at(0, '10:30'), 'hub-a')))).toEqual([7]);
    });

    describe('applies only between sessions where neither has both people, at one non-remote venue', () => {
      const apart = makeInstance({
        people: [person('a'), person('b')],
        venues: [{ id: 'hub-1' }, { id: 'hub-2' }, { id: 'video', remote: true }],
        separations: [{ people: ['a', 'b'], minutes: 90 }],
        sessions: [
          session('x/a-alone', ['a'], ['hub-1', 'hub-2', 'video']),
          session('x/b-alone', ['b'], ['hub-1', 'hub-2', 'video']),
          session('x/together', ['a', 'b'], ['hub-1']),
        ],
      });
      it('a session with both is exempt, the two without it are not', () => {
        const plan = planOf(apart, [
          ['x/a-alone', at(0, '09:00'), 'hub-1'],
          ['x/together', at(0, '10:00'), 'hub-1'],
          ['x/b-alone', at(0, '11:00'), 'hub-1'],
        ]);
        const violations = checkPlan(apart, plan);
        expect(violations.map((v) => [v.rule, v.sessions])).toEqual([[7, ['x/b-alone', 'x/a-alone']]]);
      });
      it('different venues and a remote venue are fine at the same time', () => {
        const elsewhere = planOf(apart, [['x/a-alone', at(0, '09:00'), 'hub-1'], ['x/b-alone', at(0, '09:00'), 'hub-2']]);
        const remote = planOf(apart, [['x/a-alone', at(0, '09:00'), 'video'], ['x/b-alone', at(0, '09:00'), 'video']]);
        expect([checkPlan(apart, elsewhere), checkPlan(apart, remote)]).toEqual([[], []]);
      });
      it('overlapping sessions at one venue break even a separation of 0 minutes, back-to-back ones do not', () => {
        const zero = { ...apart, separations: [{ people: ['a', 'b'] as [string, string], minutes: 0 }] };
        // Overlapping at hub-1 also double-books it (rule 3).
        const overlapping = planOf(zero, [['x/a-alone', at(0, '09:00'), 'hub-1'], ['x/b-alone', at(0, '09:30'), 'hub-1']]);
        const backToBack = planOf(zero, [['x/a-alone', at(0, '09:00'), 'hub-1'], ['x/b-alone', at(0, '10:00'), 'hub-1']]);
        expect([rulesBroken(zero, overlapping), rulesBroken(zero, backToBack)]).toEqual([[3, 7], []]);
      });
    });
  });

  describe('rule 8: fixed sessions kept', () => {
    const fixedVictimPrep = withSession(world, 'c1/prep-victim', { fixed: { start: at(0, '09:00'), venue: 'hub-a' } });
    it('fails a fixed session moved to another venue', () => {
      expect(rulesBroken(fixedVictimPrep, planOf(fixedVictimPrep, moved('c1/prep-victim', at(0, '09:00'), 'video')))).toEqual([8]);
    });
    it('fails a fixed session left unscheduled', () => {
      const fixedConference = withSession(world, 'c1/conference', { fixed: { start: at(1, '09:00'), venue: 'hub-a' } });
      const plan = planOf(fixedConference, base.filter(([id]) => id !== 'c1/conference'));
      expect(rulesBroken(fixedConference, plan)).toEqual([8]);
    });
    it('compares instants, not their spelling', () => {
      expect(checkPlan(fixedVictimPrep, planOf(fixedVictimPrep, moved('c1/prep-victim', '2027-01-04T09:00:00.000Z', 'hub-a')))).toEqual([]);
    });
  });

  describe("the plan's shape", () => {
    it('fails a session missing from both lists', () => {
      const plan = planOf(world, base);
      const violations = checkPlan(world, { ...plan, unscheduled: plan.unscheduled.filter((u) => u.session !== 'c1/visit') });
      expect(violations.map((v) => [v.rule, v.sessions])).toEqual([[0, ['c1/visit']]]);
    });
    it('fails a session listed twice', () => {
      const plan = planOf(world, base);
      const violations = checkPlan(world, { ...plan, unscheduled: [...plan.unscheduled, { session: 'c1/conference', reason: 'x' }] });
      expect(violations.map((v) => [v.rule, v.sessions])).toEqual([[0, ['c1/conference']]]);
    });
    it('fails a session the instance does not have', () => {
      const violations = checkPlan(world, planOf(world, [...base, ['c7/ghost', at(2, '09:00'), 'video']]));
      expect(violations.map((v) => [v.rule, v.sessions])).toEqual([[0, ['c7/ghost']]]);
    });
  });

  describe('fixed sessions reported in conflicts', () => {
    // hub-b holds 2 and is not accessible: the fixed conference breaks rule 3 twice by itself.
    const badlyFixed = withSession(world, 'c1/conference', { fixed: { start: at(1, '09:00'), venue: 'hub-b' } });
    const plan = (conflicts: string[], extra: Array<[string, string, string]> = []): PlanToCheck =>
      planOf(badlyFixed, [...moved('c1/conference', at(1, '09:00'), 'hub-b'), ...extra], conflicts);

    it('excuse the violations they cause by themselves', () => {
      expect(checkPlan(badlyFixed, plan(['c1/conference']))).toEqual([]);
    });
    it('fail the check when not reported', () => {
      expect(rulesBroken(badlyFixed, plan([]))).toEqual([3, 3]);
    });
    it('do not excuse a placed non-fixed session that clashes with them', () => {
      expect(rulesBroken(badlyFixed, plan(['c1/conference'], [['c2/prep-victim', at(1, '10:00'), 'video']]))).toEqual([4]);
    });
    it('excuse a fixed session whose predecessor is unscheduled', () => {
      const fixed = withSession(world, 'c1/conference', { fixed: { start: at(1, '09:00'), venue: 'hub-a' } });
      const withoutPrep = base.filter(([id]) => id !== 'c1/prep-victim');
      expect([rulesBroken(fixed, planOf(fixed, withoutPrep, ['c1/conference'])), rulesBroken(fixed, planOf(fixed, withoutPrep))]).toEqual([[], [5]]);
    });
  });

  it('formats a violation as one line naming the rule, the sessions and the detail', () => {
    const [violation] = checkPlan(world, planOf(world, [...base, ['c2/prep-victim', at(1, '11:15'), 'hub-b']]));
    expect(formatViolation(violation)).toBe(
      'rule 4 (c2/prep-victim, c1/conference): fac-1 with 15 minutes between hub-a and hub-b, travel takes 45',
    );
  });
});
