import { Ledger, Violation } from './ledger';
import { Instance } from './model';
import { PlanToCheck } from './parse-plan';
import { formatInstant, parseIsoInstant } from './time';
import { venueName, type VenueNames } from './venue-wording';
import { World } from './world';

export type { Violation } from './ledger';

/**
 * The hard rules of the spec (1 to 8) and the plan's shape (rule 0: every session of the
 * instance exactly once across `assignments` and `unscheduled`, no unknown session), checked
 * independently of the solver. Returns what the plan breaks; an empty list means it is feasible.
 *
 * A fixed session that itself breaks a rule must be kept as fixed (rule 8) and reported in
 * `conflicts`. So a violation of rules 1 to 7 is excused when every session it names that the
 * plan assigns is fixed, and at least one session it names is listed in `conflicts`. A plan can
 * always avoid any other violation by leaving its non-fixed sessions unscheduled, so every
 * other violation fails the check. An unreported conflict fails it too.
 *
 * `names` words the violations with what the caller's users call the venues.
 */
export function checkPlan(instance: Instance, plan: PlanToCheck, names: VenueNames = {}): Violation[] {
  const world = new World(instance);
  const ledger = new Ledger(world, names);
  const found: Violation[] = [];
  const listed = new Map<string, string>();

  const note = (sessionId: string, where: string): boolean => {
    if (!world.sessions.has(sessionId)) {
      found.push({ rule: 0, sessions: [sessionId], detail: `${where} names no session of the instance` });
      return false;
    }
    const earlier = listed.get(sessionId);
    if (earlier !== undefined) {
      found.push({ rule: 0, sessions: [sessionId], detail: `listed twice, at ${earlier} and ${where}` });
      return false;
    }
    listed.set(sessionId, where);
    return true;
  };

  plan.assignments.forEach((assignment, index) => {
    if (!note(assignment.session, `assignments[${index}]`)) return;
    const startMs = parseIsoInstant(assignment.start);
    if (startMs === undefined) {
      found.push({ rule: 1, sessions: [assignment.session], detail: `start ${JSON.stringify(assignment.start)} is not an ISO-8601 UTC instant` });
      return;
    }
    found.push(...ledger.violations(assignment.session, startMs, assignment.venue));
    ledger.place(assignment.session, startMs, assignment.venue);
  });
  plan.unscheduled.forEach((entry, index) => note(entry.session, `unscheduled[${index}]`));
  for (const id of world.sessions.keys()) {
    if (!listed.has(id)) found.push({ rule: 0, sessions: [id], detail: 'is missing from the plan' });
  }

  for (const placement of ledger.placements) {
    for (const rule of placement.session.after) {
      if (!ledger.placementOf(rule.session)) {
        found.push({ rule: 5, sessions: [placement.session.id, rule.session], detail: `its predecessor ${rule.session} is not assigned` });
      }
    }
  }
  found.push(...fixedSessionsMoved(world, ledger, names));

  const conflicts = plan.conflicts ?? [];
  conflicts.forEach((conflict, index) => {
    if (!world.sessions.has(conflict.session)) {
      found.push({ rule: 0, sessions: [conflict.session], detail: `conflicts[${index}] names no session of the instance` });
    }
  });
  const reported = new Set(conflicts.map((conflict) => conflict.session));
  const excused = (v: Violation): boolean =>
    v.rule >= 1 &&
    v.rule <= 7 &&
    v.sessions.some((id) => reported.has(id)) &&
    v.sessions.every((id) => !ledger.placementOf(id) || world.sessions.get(id)?.fixed !== undefined);
  return found.filter((v) => !excused(v));
}

/** Rule 8. */
function* fixedSessionsMoved(world: World, ledger: Ledger, names: VenueNames): Generator<Violation> {
  for (const session of world.sessions.values()) {
    if (!session.fixed) continue;
    const fixedAt = `${formatInstant(session.fixed.startMs)} at ${venueName(session.fixed.venue, names)}`;
    const placement = ledger.placementOf(session.id);
    if (!placement) {
      yield { rule: 8, sessions: [session.id], detail: `is fixed ${fixedAt} but not assigned` };
    } else if (placement.startMs !== session.fixed.startMs || placement.venue !== session.fixed.venue) {
      yield {
        rule: 8,
        sessions: [session.id],
        detail: `is fixed ${fixedAt} but assigned ${formatInstant(placement.startMs)} at ${venueName(placement.venue, names)}`,
      };
    }
  }
}

/** One line for a person: `rule 4 (c1/conference, c2/prep-victim-1): fac-1 would attend both at once (...)`. */
export function formatViolation(v: Violation): string {
  const rule = v.rule === 0 ? 'plan' : `rule ${v.rule}`;
  return `${rule} (${v.sessions.join(', ')}): ${v.detail}`;
}
