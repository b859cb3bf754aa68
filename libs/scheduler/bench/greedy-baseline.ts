import { checkPlan, formatViolation } from '../src/check';
import { IntervalSet } from '../src/interval-set';
import { Ledger } from '../src/ledger';
import { Conflict, Instance, Plan, Unscheduled } from '../src/model';
import { scorePlan } from '../src/score';
import { formatInstant } from '../src/time';
import { Session, World } from '../src/world';

/**
 * The baseline the solver must beat: fixed sessions first, then the sessions in the instance's
 * order, predecessors before their successors, each at the earliest start (then the first venue
 * in its order of preference) that breaks no hard rule against what is already placed. No
 * look-ahead, no repair.
 */
export function greedyPlan(instance: Instance): Plan {
  const started = performance.now();
  const world = new World(instance);
  const ledger = new Ledger(world);
  const unscheduled: Unscheduled[] = [];
  const done = new Set<string>();

  for (const session of world.sessions.values()) {
    if (session.fixed) {
      ledger.place(session.id, session.fixed.startMs, session.fixed.venue);
      done.add(session.id);
    }
  }
  const visit = (session: Session): void => {
    if (done.has(session.id)) return;
    done.add(session.id);
    for (const rule of session.after) visit(world.sessions.get(rule.session)!);
    const missing = session.after.find((rule) => !ledger.placementOf(rule.session));
    if (missing) {
      unscheduled.push({ session: session.id, reason: `its predecessor ${missing.session} is not placed` });
      return;
    }
    const spot = earliestFit(ledger, session);
    if (spot) ledger.place(session.id, spot.startMs, spot.venue);
    else unscheduled.push({ session: session.id, reason: 'no start and venue keeps every hard rule' });
  };
  for (const session of world.sessions.values()) visit(session);

  const assignments = [...ledger.placements].map((p) => ({ session: p.session.id, start: formatInstant(p.startMs), venue: p.venue }));
  const plan = { assignments, unscheduled, conflicts: conflictsOfFixedSessions(instance, world, { assignments, unscheduled }) };
  const broken = checkPlan(instance, plan);
  if (broken.length > 0) throw new Error(`greedy baseline broke a rule: ${formatViolation(broken[0])}`);
  const { placedWeight, delayHours } = scorePlan(instance, plan);
  return { ...plan, stats: { solveMs: Math.round(performance.now() - started), placedWeight, delayHours } };
}

function earliestFit(ledger: Ledger, session: Session): { startMs: number; venue: string } | undefined {
  const { world } = ledger;
  const { slotMs, horizonStartMs } = world;
  for (const [from, to] of startWindow(ledger, session).intervals) {
    const first = horizonStartMs + Math.ceil((from - horizonStartMs) / slotMs) * slotMs;
    for (let startMs = first; startMs + session.durationMs <= to; startMs += slotMs) {
      const venue = session.spec.venues.find((v) => ledger.fits(session.id, startMs, v));
      if (venue) return { startMs, venue };
    }
  }
  return undefined;
}

/** Where the whole session may lie given the horizon, its own bounds, its attendees and its placed predecessors. */
function startWindow(ledger: Ledger, session: Session): IntervalSet {
  const { world } = ledger;
  let from = Math.max(world.horizonStartMs, session.notBeforeMs ?? -Infinity);
  let to = Math.min(world.horizonEndMs, session.notAfterMs ?? Infinity);
  for (const rule of session.after) {
    const before = ledger.placementOf(rule.session)!;
    from = Math.max(from, before.endMs + rule.minGapMs);
    if (rule.maxGapMs !== undefined) to = Math.min(to, before.endMs + rule.maxGapMs + session.durationMs);
  }
  let window = IntervalSet.union([[from, to]]);
  for (const person of session.spec.attendees) {
    const available = world.availabilityOfPerson(person);
    if (available) window = window.intersect(available);
  }
  return window;
}

/** Fixed sessions that break a rule: those the violations of the plan without conflicts name. */
function conflictsOfFixedSessions(instance: Instance, world: World, plan: Omit<Plan, 'conflicts' | 'stats'>): Conflict[] {
  const conflicts = new Map<string, string>();
  for (const violation of checkPlan(instance, plan)) {
    const culprit = violation.sessions.find((id) => world.sessions.get(id)?.fixed) ?? violation.sessions[0];
    conflicts.set(culprit, conflicts.get(culprit) ?? formatViolation(violation));
  }
  return [...conflicts].map(([session, reason]) => ({ session, reason }));
}
