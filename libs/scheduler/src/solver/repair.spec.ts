import { generateInstance } from '../../bench/generate';
import { checkPlan } from '../check';
import { solve } from './solve';

describe('repairing lost weight on generated instances', () => {
  // Each generated instance is built around a plan that places every session, so a session
  // left out is the search's fault. A fixed number of moves keeps the test independent of
  // the machine's speed (the solver without ejection chains left 8 to 15 weight out here).
  it.each([2, 4])('places every session of the 200-case instance of seed %i within 150 moves', (seed) => {
    const { instance } = generateInstance({ cases: 200, seed });
    const plan = solve(instance, { maxIterations: 150, timeLimitMs: 60_000 });
    expect(checkPlan(instance, plan)).toEqual([]);
    expect(plan.unscheduled).toEqual([]);
  });
});
