import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkPlan } from '../src/check';
import { Instance, Plan } from '../src/model';
import { parseInstance } from '../src/parse';
import { PlanToCheck } from '../src/parse-plan';
import { scorePlan } from '../src/score';
import { solve } from '../src/solver/solve';
import { suggest } from '../src/solver/suggest';
import { generateInstance } from './generate';
import { greedyPlan } from './greedy-baseline';

/**
 * `npm run bench:scheduler`: the solver and the greedy baseline on the samples and on generated
 * instances, with the issue's targets beside the figures. Figures, not a test.
 */

const SAMPLES = resolve(__dirname, '../../../..', '../shared/samples/scheduling');

interface Row {
  name: string;
  instance: Instance;
  /** The sample's proven optimum delay hours (all placed), or a planted plan's. */
  optimum?: number;
  planted?: PlanToCheck;
  timeLimitMs?: number;
  target: string;
}

function main(): void {
  // Each instance is made when its turn comes, so memory so far says what solving it took.
  const rows: Array<() => Row> = [];
  const optima: Record<string, number> = { tiny: 2153, small: 6460, medium: 61471.75 };
  for (const [name, optimum] of Object.entries(optima)) {
    const path = join(SAMPLES, `${name}.json`);
    if (!existsSync(path)) {
      console.log(`${name}: skipped, ${path} is absent`);
      continue;
    }
    const instance = parseInstance(JSON.parse(readFileSync(path, 'utf8')));
    // The medium target is a time: solve it with a 1 s budget.
    const target = name === 'medium' ? 'all placed in < 1 s, delay within 2% of optimum' : 'optimum reached';
    rows.push(() => ({ name, instance, optimum, target, ...(name === 'medium' && { timeLimitMs: 1000 }) }));
  }
  const generated = (cases: number, scarce: boolean, timeLimitMs: number | undefined, target: string) => (): Row => {
    const { instance, planted } = generateInstance({ cases, seed: 1, scarce });
    return {
      name: `generated ${cases}${scarce ? ' scarce' : ''}`,
      instance,
      target,
      ...(planted && { planted: { assignments: planted, unscheduled: [] } }),
      ...(timeLimitMs && { timeLimitMs }),
    };
  };
  rows.push(generated(200, false, undefined, 'all placed in < 5 s'));
  rows.push(generated(200, true, undefined, 'more placed than greedy, valid'));
  // The 1,000-case target is 20 s: a 15 s budget leaves room for reading the instance and answering.
  rows.push(generated(1000, false, 15_000, 'all placed in < 20 s, < 500 MB'));

  console.log('solver (default budget 2000 ms unless said) and greedy earliest-fit baseline, same process; generated instances seed 1');
  for (const row of rows) report(row());
  suggestLatency(generateInstance({ cases: 200, seed: 1 }).instance);
  console.log(`peak memory (maxRSS): ${mb(process.resourceUsage().maxRSS * 1024)} MB (target < 500 MB at 1,000 cases)`);
}

function report(row: Row): void {
  const { instance } = row;
  const started = performance.now();
  const plan = solve(instance, row.timeLimitMs === undefined ? {} : { timeLimitMs: row.timeLimitMs });
  const solveMs = performance.now() - started;
  const greedyStarted = performance.now();
  const greedy = greedyPlan(instance);
  const greedyMs = performance.now() - greedyStarted;

  const plantedDelay = row.planted && scorePlan(instance, row.planted).delayHours;
  const reference = row.optimum ?? plantedDelay;
  const referenceName = row.optimum !== undefined ? 'optimum' : 'planted plan';
  const total = scorePlan(instance, plan);
  console.log(
    `\n${row.name}: ${total.sessions} sessions, total weight ${total.totalWeight}` +
      (reference !== undefined ? `, ${referenceName} delay hours ${reference}` : '') +
      `; budget ${row.timeLimitMs ?? 2000} ms; target: ${row.target}`,
  );
  for (const [who, p, ms] of [['solver', plan, solveMs], ['greedy', greedy, greedyMs]] as Array<[string, Plan, number]>) {
    const score = scorePlan(instance, p);
    const violations = checkPlan(instance, p).length;
    const gap = reference !== undefined && score.placed === score.sessions ? ` (${percent(score.delayHours, reference)} vs ${referenceName})` : '';
    console.log(
      `  ${who.padEnd(6)}  placed weight ${score.placedWeight}/${score.totalWeight}, unplaced ${score.sessions - score.placed}, ` +
        `delay hours ${score.delayHours}${gap}, ${Math.round(ms)} ms, ${violations === 0 ? 'valid' : `INVALID (${violations} violations)`}`,
    );
  }
  console.log(`  memory so far (maxRSS): ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
}

/** suggest for the first conference of the 200-case world: median of a few runs. */
function suggestLatency(instance: Instance): void {
  const conference = instance.sessions.find((s) => s.kind === 'conference' && !s.fixed)!;
  const times: number[] = [];
  let count = 0;
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    count = suggest(instance, conference.id, 5).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `\nsuggest(${conference.id}, k=5) in the 200-case world: median ${times[3].toFixed(1)} ms over 7 runs ` +
      `(slowest ${times[6].toFixed(1)} ms), ${count} options; target < 20 ms`,
  );
}

function percent(value: number, reference: number): string {
  const diff = ((value - reference) / reference) * 100;
  return `${diff >= 0 ? '+' : ''}${diff.toFixed(2)}%`;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

main();
