import { Instance } from './model';
import { PlanToCheck } from './parse-plan';
import { instantMs } from './world';

/** A plan measured by the spec's objective. */
export interface Score {
  sessions: number;
  placed: number;
  totalWeight: number;
  placedWeight: number;
  /** Sum over assigned sessions of priority × hours from horizon.start to the start. */
  delayHours: number;
}

/** Counts each known session once, at its first assignment; checkPlan judges the rest. */
export function scorePlan(instance: Instance, plan: PlanToCheck): Score {
  const horizonStartMs = instantMs(instance.horizon.start);
  const weights = new Map(instance.sessions.map((s) => [s.id, s.priority ?? 1]));
  const counted = new Set<string>();
  let placedWeight = 0;
  let delayHours = 0;
  for (const { session, start } of plan.assignments) {
    const weight = weights.get(session);
    if (weight === undefined || counted.has(session)) continue;
    counted.add(session);
    placedWeight += weight;
    delayHours += (weight * (instantMs(start) - horizonStartMs)) / 3_600_000;
  }
  const totalWeight = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  return { sessions: weights.size, placed: counted.size, totalWeight, placedWeight, delayHours };
}
