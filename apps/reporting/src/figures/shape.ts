import type { Row } from './figures.repository';
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

export function firstContact(row: Row, targetHours: number): Figures['firstContact'] {
  const settled = row.contacted + row.overdue;
  return {
    targetHours,
    cases: row.cases,
    contacted: row.contacted,
    medianHours: round(row.median_hours),
    p90Hours: round(row.p90_hours),
    withinTarget: row.within_target,
    shareWithinTarget: share(row.within_target, settled),
    breaches: { contactedLate: row.late, notContactedPastTarget: row.overdue },
  };
}

export function funnel(total: number, reached: Row[], current: Row[], exits: Row[]): Figures['funnel'] {
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
  return { reached: { referred: total, ...sumBy(reached, 'stage') }, currentStage: sumBy(current, 'stage'), exits: byOutcome };
}

export function timeInStage(rows: Row[]): Figures['timeInStage'] {
  return Object.fromEntries(rows.map((r) => [r.stage, { ...duration(r), stillIn: r.still_in }]));
}

export function timeToClose(rows: Row[]): Figures['timeToClose'] {
  const overall = rows.find((r) => r.overall);
  return { ...duration(overall), byReason: sumBy(rows.filter((r) => !r.overall), 'reason') };
}

export function consent(rows: Row[]): Figures['consent'] {
  const byRole: Figures['consent'] = {};
  for (const r of rows) byRole[r.role] = { ...byRole[r.role], [r.scope]: { given: r.given, withdrawn: r.withdrawn, active: r.active } };
  return byRole;
}

export function meetingsHeld(rows: Row[]): Figures['delivery']['meetingsHeld'] {
  const byType = sumBy(rows, 'delivery');
  return { total: Object.values(byType).reduce((sum, n) => sum + n, 0), byType };
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
