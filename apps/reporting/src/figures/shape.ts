import type { CaseRow, Row } from './figures.repository';
import type { Counts, Duration, Figures } from './report';

/** Pure shaping of query rows into figures: sums by key, rounding, shares. */

export function sumBy(rows: Row[], key: string, value = 'n'): Counts {
  const counts: Counts = {};
  for (const row of rows) {
    const k = String(row[key] ?? 'none');
    counts[k] = (counts[k] ?? 0) + Number(row[value]);
  }
  return counts;
}

export function round(value: number | null | undefined, places = 2): number | null {
  if (value === null || value === undefined) return null;
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4);
}

export function duration(row: Row | undefined): Duration {
  return { cases: row?.n ?? 0, medianHours: round(row?.median_hours), p90Hours: round(row?.p90_hours) };
}

export function referrals(rows: Row[]): Figures['referrals'] {
  const flagged = (key: string) => rows.filter((r) => r[key]).reduce((sum, r) => sum + r.n, 0);
  return {
    total: rows.reduce((sum, r) => sum + r.n, 0),
    bySource: sumBy(rows, 'source'),
    byInitiator: sumBy(rows, 'initiated_by'),
    byOffenceCategory: sumBy(rows, 'offence_category'),
    byJusticeStage: sumBy(rows, 'justice_stage'),
    byAgeGroup: sumBy(rows, 'age_group'),
    flagged: { domesticAbuse: flagged('domestic_abuse'), sexualOffence: flagged('sexual_offence'), hateCrime: flagged('hate_crime') },
  };
}

const HOUR = 3600;

/** Continuous percentile (PostgreSQL's percentile_cont) of values; null when there are none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const at = p * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

/** Hours between two epoch-second times. */
function hoursBetween(later: number, earlier: number): number {
  return (later - earlier) / HOUR;
}

function spread(hours: number[]): Duration {
  return { cases: hours.length, medianHours: round(percentile(hours, 0.5)), p90Hours: round(percentile(hours, 0.9)) };
}

/** Referrals rejected at triage are never contacted, so they are left out of the clock. */
export function firstContact(cases: CaseRow[], targetHours: number, asAt: Date): Figures['firstContact'] {
  const onClock = cases.filter((c) => !c.reached.includes('rejected'));
  const hours = onClock.filter((c) => c.first_contact !== null).map((c) => hoursBetween(c.first_contact!, c.received));
  const within = hours.filter((h) => h <= targetHours).length;
  const overdue = onClock.filter((c) => c.first_contact === null && c.received + targetHours * HOUR < asAt.getTime() / 1000).length;
  const { medianHours, p90Hours } = spread(hours);
  return {
    targetHours,
    cases: onClock.length,
    contacted: hours.length,
    medianHours,
    p90Hours,
    withinTarget: within,
    shareWithinTarget: share(within, hours.length + overdue),
    breaches: { contactedLate: hours.length - within, notContactedPastTarget: overdue },
  };
}

export function funnel(cases: CaseRow[], exits: Row[]): Figures['funnel'] {
  const reached: Counts = { referred: cases.length };
  for (const c of cases) for (const stage of c.reached) reached[stage] = (reached[stage] ?? 0) + 1;
  const byOutcome: Figures['funnel']['exits'] = {};
  for (const outcome of new Set(exits.map((r) => r.outcome as string))) {
    const rows = exits.filter((r) => r.outcome === outcome);
    byOutcome[outcome] = {
      total: rows.reduce((sum, r) => sum + r.n, 0),
      byStage: sumBy(rows, 'from_stage'),
      byWhom: sumBy(rows.filter((r) => r.withdrawn_by), 'withdrawn_by'),
      byReason: sumBy(rows.filter((r) => r.reason), 'reason'),
    };
  }
  return { reached, currentStage: sumBy(cases, 'current_stage'), exits: byOutcome };
}

export function timeToClose(cases: CaseRow[]): Figures['timeToClose'] {
  const closed = cases.filter((c) => c.closed !== null);
  return { ...spread(closed.map((c) => hoursBetween(c.closed!, c.received))), byReason: sumBy(closed, 'closure_reason') };
}

/** Cases by each delivery type they moved to, and meetings held by type. */
export function delivery(cases: CaseRow[], sessionRequests: Row[]): Figures['delivery'] {
  const byType: Counts = {};
  for (const c of cases) for (const type of c.deliveries) byType[type] = (byType[type] ?? 0) + 1;
  const held = sumBy(cases.filter((c) => c.meeting_held_delivery), 'meeting_held_delivery');
  return {
    byType,
    meetingsHeld: { total: Object.values(held).reduce((sum, n) => sum + n, 0), byType: held },
    sessionRequests: sumBy(sessionRequests, 'kind'),
  };
}

export function timeInStage(rows: Row[]): Figures['timeInStage'] {
  return Object.fromEntries(rows.map((r) => [r.stage, { ...duration(r), stillIn: r.still_in }]));
}

export function consent(rows: Row[]): Figures['consent'] {
  const byRole: Figures['consent'] = {};
  for (const r of rows) byRole[r.role] = { ...byRole[r.role], [r.scope]: { given: r.given, withdrawn: r.withdrawn, active: r.active } };
  return byRole;
}

export function outcomes(row: Row): Figures['outcomes'] {
  return {
    agreements: row.agreements,
    casesWithAgreement: row.cases,
    actions: row.actions,
    completed: row.completed,
    completedOnTime: row.completed_on_time,
    completedLate: row.completed - row.completed_on_time,
    overdue: row.overdue,
    openNotYetDue: row.open_not_due,
    cancelled: row.cancelled,
  };
}

function scores(rows: Row[]): { responses: number; total: number } {
  let responses = 0;
  let total = 0;
  for (const r of rows) {
    responses += r.n;
    total += r.n * r.satisfaction;
  }
  return { responses, total };
}

export function satisfaction(rows: Row[]): Figures['satisfaction'] {
  const all = scores(rows);
  const satisfied = scores(rows.filter((r) => r.satisfaction >= 4)).responses;
  const byRole: Figures['satisfaction']['byRole'] = {};
  for (const role of new Set(rows.map((r) => r.role as string))) {
    const mine = scores(rows.filter((r) => r.role === role));
    byRole[role] = { responses: mine.responses, mean: round(mine.total / mine.responses) };
  }
  const distribution: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, ...sumBy(rows, 'satisfaction') };
  return {
    responses: all.responses,
    mean: all.responses === 0 ? null : round(all.total / all.responses),
    shareSatisfied: share(satisfied, all.responses),
    distribution,
    byRole,
  };
}

export function participants(rows: Row[]): Figures['participants'] {
  return Object.fromEntries(rows.map((r) => [r.role, { offered: r.offered, tookPart: r.took_part }]));
}

export function caseload(rows: Row[]): Figures['caseload'] {
  const active = rows.filter((r) => r.active);
  return {
    facilitators: active.length,
    activeCases: rows.reduce((sum, r) => sum + r.active_cases, 0),
    capacity: active.reduce((sum, r) => sum + r.capacity, 0),
    overCapacity: rows.filter((r) => r.active_cases > r.capacity).length,
    byFacilitator: Object.fromEntries(
      rows.map((r) => [r.facilitator_id, { capacity: r.capacity, activeCases: r.active_cases, active: r.active }]),
    ),
  };
}
