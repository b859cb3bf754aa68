import { Assignment, Instance, Plan, SolveOptions, Unscheduled } from '../model';
import { bookFixed, brokenPredecessors, fixedConflicts } from './fixed';
import { Search } from './search';
import { explainUnplaced } from './explain';
import { World } from './world';

export interface SolverOptions extends SolveOptions {
  /**
   * Stops the improvement after this many steps, whatever the time: with it the result
   * depends only on the instance (and the seed), not on the machine's speed.
   */
  maxIterations?: number;
  /** Seed of the improvement's random choices; default 1. */
  seed?: number;
}

export const DEFAULT_TIME_LIMIT_MS = 2000;

/**
 * Places the instance's sessions: most weight first, then earliest (the spec's objective),
 * never breaking a hard rule except through fixed sessions, which are kept and reported.
 * Deterministic for a given instance, seed and number of improvement steps; under a time
 * limit the number of steps done depends on the machine.
 */
export function solve(instance: Instance, options: SolverOptions = {}): Plan {
  const started = performance.now();
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const world = new World(instance);
  const search = new Search(world);
  const fixed = bookFixed(world, search.table);
  const conflicts = fixedConflicts(world, search.table, fixed);
  search.construct(deadline);
  search.improve(deadline, options.maxIterations ?? Infinity, options.seed ?? 1);
  conflicts.push(...brokenPredecessors(world, search.table, fixed));

  const assignments: Assignment[] = [];
  const unscheduled: Unscheduled[] = [];
  let placedWeight = 0;
  let delayHours = 0;
  for (const session of world.sessions) {
    const start = search.table.start[session.index];
    if (start < 0) {
      unscheduled.push({ session: session.id, reason: explainUnplaced(world, search, session.index) });
      continue;
    }
    const iso = session.fixed ? session.spec.fixed!.start : world.calendar.isoOf(start);
    const venue = session.fixed ? session.spec.fixed!.venue : world.venues[search.table.venue[session.index]].id;
    assignments.push({ session: session.id, start: iso, venue });
    placedWeight += session.priority;
    delayHours += session.priority * ((Date.parse(iso) - world.calendar.startMs) / 3_600_000);
  }
  return {
    assignments,
    unscheduled,
    conflicts,
    stats: { solveMs: Math.round(performance.now() - started), placedWeight, delayHours },
  };
}
