import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { greedyPlan } from '../../bench/greedy-baseline';
import { checkPlan } from '../check';
import { Instance } from '../model';
import { parseInstance } from '../parse';
import { scorePlan } from '../score';
import { solve } from './solve';

const SAMPLES = resolve(__dirname, '../../../../../shared/samples/scheduling');
const load = (name: string): Instance => parseInstance(JSON.parse(readFileSync(`${SAMPLES}/${name}.json`, 'utf8')));
const totalWeight = (instance: Instance): number => instance.sessions.reduce((sum, s) => sum + (s.priority ?? 1), 0);

describe('solve on the shared samples', () => {
  // The proven optima come from the samples' README (a time-indexed integer program).
  it.each([
    ['tiny', 2153],
    ['small', 6460],
  ])('reaches the proven optimum of %s, every session placed', (name, optimum) => {
    const instance = load(name);
    const plan = solve(instance, { timeLimitMs: 10_000 });
    expect(checkPlan(instance, plan)).toEqual([]);
    expect(plan.stats.placedWeight).toBe(totalWeight(instance));
    expect(plan.stats.delayHours).toBeCloseTo(optimum, 6);
  });

  it('places every session of medium within 2% of the optimum delay', () => {
    const instance = load('medium');
    const plan = solve(instance, { timeLimitMs: 10_000 });
    expect(checkPlan(instance, plan)).toEqual([]);
    expect(plan.unscheduled).toEqual([]);
    expect(plan.stats.delayHours).toBeLessThanOrEqual(61471.75 * 1.02);
  });

  it('still places each group greedily when the budget is spent at once, at least as much as the greedy baseline', () => {
    const instance = load('medium');
    const plan = solve(instance, { timeLimitMs: 1 });
    expect(checkPlan(instance, plan)).toEqual([]);
    expect(plan.stats.placedWeight).toBeGreaterThanOrEqual(scorePlan(instance, greedyPlan(instance)).placedWeight);
  });

  it('gives the same plan twice for the same number of improvement steps', () => {
    const instance = load('medium');
    const once = solve(instance, { maxIterations: 150, timeLimitMs: 60_000 });
    const again = solve(instance, { maxIterations: 150, timeLimitMs: 60_000 });
    expect({ ...again, stats: { ...again.stats, solveMs: 0 } }).toEqual({ ...once, stats: { ...once.stats, solveMs: 0 } });
  });
});
