import type { CaseDimension, Row } from './figures.repository';
import type { Counts, Duration, Figures, MessageCounts } from './report';

/** Pure shaping of query rows into figures: sums by key, rounding, shares. */

export function sumBy(rows: Row[], key: string, value = 'n'): Counts {
  const counts: Counts = {};
  for (const row of rows) {
    const k = String(row[key] ?? 'none');
    counts[k] = (counts[k] ?? 0) + Number(row[value]);
  }
  return counts;
}

function total(rows: Row[], value = 'n'): number {
  return rows.reduce((sum, row) => sum + Number(row[value]), 0);
}

export function round(value: number | null | undefined, places = 2): number | null {
  if (value === null || value === undefined) return null;
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : round(part / whole, 4);
}

/** Case counts by dimension: `{ key, n }` rows of caseCounts, keyed by the dimension they count. */
export type CaseCounts = Partial<Record<CaseDimension, Row[]>>;

export function byDimension(rows: Row[]): CaseCounts {
  const grouped: CaseCounts = {};
  for (const row of rows) (grouped[row.dimension as CaseDimension] ??= []).push(row);
  return grouped;
}

/** Counts by the dimension's value; cases with none are left out. */
function counted(counts: CaseCounts, dimension: CaseDimension): Counts {
  return sumBy((counts[dimension] ?? []).filter((r) => r.key !== null), 'key');
}

/** Counts by each value of the dimension's lists: a case counts once under each stage or type it lists. */
function spreadOver(counts: CaseCounts, dimension: CaseDimension): Counts {
  const spread: Counts = {};
  for (const { key, n } of counts[dimension] ?? []) {
    for (const value of key as (string | null)[]) if (value !== null) spread[value] = (spread[value] ?? 0) + n;
  }
  return spread;
}

export function referrals(cases: Row, counts: CaseCounts): Figures['referrals'] {
  return {
    total: cases.total,
    bySource: counted(counts, 'source'),
    byInitiator: counted(counts, 'initiatedBy'),
    byOffenceCategory: counted(counts, 'offenceCategory'),
    byJusticeStage: counted(counts, 'justiceStage'),
    byAgeGroup: counted(counts, 'ageGroup'),
    flagged: { domesticAbuse: cases.domestic_abuse, sexualOffence: cases.sexual_offence, hateCrime: cases.hate_crime },
  };
}

/** Median and p90 of a percentile_cont pair, rounded; null when nothing was measured. */
function spread(cases: number, pair: number[] | null): Duration {
  return { cases, medianHours: round(pair?.[0]), p90Hours: round(pair?.[1]) };
}

/** Referrals rejected at triage are never contacted, so caseTotals leaves them off the clock. */
export function firstContact(cases: Row, targetHours: number): Figures['firstContact'] {
  const { medianHours, p90Hours } = spread(cases.contacted, cases.first_contact);
  return {
    targetHours,
    cases: cases.on_clock,
    contacted: cases.contacted,
    medianHours,
    p90Hours,
    withinTarget: cases.within_target,
    shareWithinTarget: share(cases.within_target, cases.contacted + cases.overdue),
    breaches: { contactedLate: cases.contacted - cases.within_target, notContactedPastTarget: cases.overdue },
  };
}

export function funnel(cases: Row, counts: CaseCounts, exits: Row[]): Figures['funnel'] {
  const reached: Counts = { referred: cases.total };
  for (const [stage, n] of Object.entries(spreadOver(counts, 'reached'))) reached[stage] = (reached[stage] ?? 0) + n;
  const byOutcome: Figures['funnel']['exits'] = {};
  for (const outcome of new Set(exits.map((r) => r.outcome as string))) {
    const rows = exits.filter((r) => r.outcome === outcome);
    byOutcome[outcome] = {
      total: total(rows),
      byStage: sumBy(rows, 'from_stage'),
      whileOnHold: total(rows.filter((r) => r.while_on_hold)),
      byWhom: sumBy(rows.filter((r) => r.by_whom), 'by_whom'),
      byReason: sumBy(rows.filter((r) => r.reason), 'reason'),
    };
  }
  return { reached, currentStage: counted(counts, 'currentStage'), exits: byOutcome };
}

export function timeToClose(cases: Row, counts: CaseCounts): Figures['timeToClose'] {
  return { ...spread(cases.closed, cases.to_close), byReason: counted(counts, 'closureReason') };
}

/** Cases by each delivery type they moved to, and meetings held by type. */
export function delivery(counts: CaseCounts, sessionRequests: Row[]): Figures['delivery'] {
  const held = counted(counts, 'meetingHeld');
  return {
    byType: spreadOver(counts, 'deliveries'),
    meetingsHeld: { total: Object.values(held).reduce((sum, n) => sum + n, 0), byType: held },
    sessionRequests: sumBy(sessionRequests, 'kind'),
  };
}

/** Stages cases left, with their spread, and every stage cases are in now (stillIn). */
export function timeInStage(rows: Row[], currentStage: Counts): Figures['timeInStage'] {
  const stages: Figures['timeInStage'] = {};
  for (const r of rows) stages[r.stage] = { ...spread(r.n, r.spread), stillIn: currentStage[r.stage] ?? 0 };
  for (const [stage, n] of Object.entries(currentStage)) stages[stage] ??= { ...spread(0, null), stillIn: n };
  return stages;
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

/** Parties offered RJ and those who took part (projections/case-progress.ts), for the roles the cohort has. */
export function participants(cases: Row): Figures['participants'] {
  const byRole: Figures['participants'] = {};
  for (const [role, column] of [['person-harmed', 'harmed'], ['person-responsible', 'responsible']] as const) {
    if (cases[`${column}_offered`] > 0) byRole[role] = { offered: cases[`${column}_offered`], tookPart: cases[`${column}_took_part`] };
  }
  return byRole;
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

const SENT = ['sent', 'delivered'];
const FAILED = ['failed', 'undelivered'];
const NOT_YET_SENT = ['queued', 'released', 'held'];

/** Messages counted by their latest status, and held when the content policy ever held them. */
function messageCounts(rows: Row[]): MessageCounts {
  return {
    total: total(rows),
    sent: total(rows.filter((r) => SENT.includes(r.status))),
    delivered: total(rows.filter((r) => r.status === 'delivered')),
    failed: total(rows.filter((r) => FAILED.includes(r.status))),
    held: total(rows.filter((r) => r.held)),
  };
}

function messageCountsBy(rows: Row[], key: string): Record<string, MessageCounts> {
  const keys = [...new Set(rows.map((r) => r[key] as string))].sort();
  return Object.fromEntries(keys.map((k) => [k, messageCounts(rows.filter((r) => r[key] === k))]));
}

export function messages(rows: Row[], answers: Row[]): Figures['messages'] {
  const held = rows.filter((r) => r.held);
  const answered = (answer: string) => answers.filter((r) => r.answer === answer);
  return {
    ...messageCounts(rows),
    dropped: total(rows.filter((r) => r.status === 'dropped')),
    notYetSent: total(rows.filter((r) => NOT_YET_SENT.includes(r.status))),
    byStatus: sumBy(rows, 'status'),
    heldByContentPolicy: {
      total: total(held),
      released: total(held.filter((r) => r.status !== 'held' && r.status !== 'discarded')),
      discarded: total(held.filter((r) => r.status === 'discarded')),
      stillHeld: total(held.filter((r) => r.status === 'held')),
    },
    byChannel: messageCountsBy(rows, 'channel'),
    byPurpose: messageCountsBy(rows, 'purpose'),
    confirmations: { total: total(answered('confirmation')), byVia: sumBy(answered('confirmation'), 'key') },
    rescheduleRequests: { total: total(answered('reschedule-request')), byChannel: sumBy(answered('reschedule-request'), 'key') },
    optOuts: { total: total(answered('opt-out')), byChannel: sumBy(answered('opt-out'), 'key') },
  };
}

export function sessions(rows: Row[]): Figures['sessions'] {
  const byKind: Figures['sessions']['byKind'] = {};
  for (const kind of [...new Set(rows.map((r) => r.kind as string))].sort()) {
    const mine = rows.filter((r) => r.kind === kind);
    byKind[kind] = { booked: total(mine, 'booked'), held: total(mine, 'held'), moved: total(mine, 'moved'), cancelled: total(mine, 'cancelled') };
  }
  return {
    booked: total(rows, 'booked'),
    held: total(rows, 'held'),
    notHeld: total(rows, 'not_held'),
    moved: total(rows, 'moved'),
    moves: total(rows, 'moves'),
    cancelled: total(rows, 'cancelled'),
    cancelledBeforeBooking: total(rows, 'cancelled_before_booking'),
    cancelledByReason: sumBy(rows.filter((r) => r.cancel_reason && r.cancelled > 0), 'cancel_reason', 'cancelled'),
    byKind,
  };
}
