import { CASE_STAGES } from '#contracts';
import type { FigureName, Report } from '../figures/report';
import { type Bar, barChart, bars, escapeHtml } from './svg-charts';

/**
 * The report as one printable HTML page (A4, charts as inline SVG, nothing fetched), for a
 * programme manager to hand to a funder or a Police and Crime Commissioner.
 */
export function reportPage(report: Report): string {
  const f = report.figures;
  const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
  const hours = (value: number | null) => (value === null ? '—' : `${value} h`);
  const section = (name: FigureName, title: string, body: string) =>
    `<section><h2>${escapeHtml(title)}</h2>${body}${report.notes[name] ? `<p class="note">${escapeHtml(report.notes[name]!)}</p>` : ''}</section>`;
  const stat = (label: string, value: string | number) => `<div class="stat"><b>${escapeHtml(String(value))}</b>${escapeHtml(label)}</div>`;
  const stageBars = (counts: Record<string, number>): Bar[] =>
    CASE_STAGES.filter((stage) => counts[stage] !== undefined).map((stage) => ({ label: stage, value: counts[stage]! }));

  const scope = report.scope.partnershipId
    ? `partnership ${report.scope.partnershipId}${report.scope.organisationId ? `, organisation ${report.scope.organisationId}` : ''}`
    : `organisation ${report.scope.organisationId}`;
  const filters = Object.entries(report.filters).filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';

  const body = [
    section('referrals', 'Referrals', `<div class="stats">${stat('referrals', f.referrals.total)}${stat('domestic abuse', f.referrals.flagged.domesticAbuse)}${stat('sexual offence', f.referrals.flagged.sexualOffence)}${stat('hate crime', f.referrals.flagged.hateCrime)}</div>
      <h3>By source</h3>${barChart(bars(f.referrals.bySource))}<h3>By who initiated</h3>${barChart(bars(f.referrals.byInitiator))}
      <h3>By offence category</h3>${barChart(bars(f.referrals.byOffenceCategory))}`),
    section('firstContact', `First contact (target ${f.firstContact.targetHours} h)`, `<div class="stats">${stat('within target', percent(f.firstContact.shareWithinTarget))}${stat('median', hours(f.firstContact.medianHours))}${stat('90th percentile', hours(f.firstContact.p90Hours))}${stat('contacted late', f.firstContact.breaches.contactedLate)}${stat('not contacted, past target', f.firstContact.breaches.notContactedPastTarget)}</div>`),
    section('funnel', 'Cases reaching each stage', `${barChart(stageBars(f.funnel.reached))}<h3>Where cases stand now</h3>${barChart(stageBars(f.funnel.currentStage))}
      <h3>Ended or paused before completion</h3>${barChart(Object.entries(f.funnel.exits).map(([label, exit]) => ({ label, value: exit.total })))}`),
    section('timeInStage', 'Time in each stage (median, with 90th percentile marked)', barChart(
      CASE_STAGES.filter((stage) => f.timeInStage[stage]?.medianHours != null).map((stage) => ({
        label: stage, value: f.timeInStage[stage]!.medianHours!, mark: f.timeInStage[stage]!.p90Hours ?? undefined })), ' h')),
    section('timeToClose', 'Time to close', `<div class="stats">${stat('closed', f.timeToClose.cases)}${stat('median', hours(f.timeToClose.medianHours))}${stat('90th percentile', hours(f.timeToClose.p90Hours))}</div>`),
    section('delivery', 'Delivery', `<h3>By type</h3>${barChart(bars(f.delivery.byType))}<div class="stats">${stat('meetings held', f.delivery.meetingsHeld.total)}</div>`),
    section('outcomes', 'Outcome agreements and SMART actions', `<div class="stats">${stat('agreements', f.outcomes.agreements)}${stat('actions', f.outcomes.actions)}${stat('completed on time', f.outcomes.completedOnTime)}${stat('completed late', f.outcomes.completedLate)}${stat('overdue', f.outcomes.overdue)}</div>`),
    section('satisfaction', 'Satisfaction', `<div class="stats">${stat('responses', f.satisfaction.responses)}${stat('satisfied (4–5 of 5)', percent(f.satisfaction.shareSatisfied))}${stat('mean score', f.satisfaction.mean ?? '—')}</div>
      ${barChart(Object.entries(f.satisfaction.distribution).map(([label, value]) => ({ label: `score ${label}`, value })))}`),
    section('participants', 'Participants offered RJ and who took part', barChart(
      Object.entries(f.participants).map(([label, p]) => ({ label, value: p.tookPart, mark: p.offered })))),
    section('caseload', 'Facilitators\' caseload against capacity (now)', `<div class="stats">${stat('facilitators', f.caseload.facilitators)}${stat('active cases (lead or co)', f.caseload.activeCases)}${stat('capacity', f.caseload.capacity)}${stat('over capacity', f.caseload.overCapacity)}</div>`),
    section('messages', 'Messages to participants', `<div class="stats">${stat('sent', f.messages.sent)}${stat('delivered', f.messages.delivered)}${stat('failed', f.messages.failed)}${stat('held by the content policy', f.messages.heldByContentPolicy.total)}${stat('confirmations', f.messages.confirmations.total)}${stat('reschedule requests', f.messages.rescheduleRequests.total)}${stat('opt-outs', f.messages.optOuts.total)}</div>
      <h3>Delivered against sent, by channel</h3>${barChart(Object.entries(f.messages.byChannel).map(([label, m]) => ({ label, value: m.delivered, mark: m.sent })))}
      <h3>By latest status</h3>${barChart(bars(f.messages.byStatus))}`),
    section('sessions', 'Sessions booked, held, moved and cancelled', `<div class="stats">${stat('booked', f.sessions.booked)}${stat('held', f.sessions.held)}${stat('moved', f.sessions.moved)}${stat('cancelled', f.sessions.cancelled)}</div>
      <h3>Held against booked, by kind</h3>${barChart(Object.entries(f.sessions.byKind).map(([label, k]) => ({ label, value: k.held, mark: k.booked })))}`),
  ].join('\n');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Restorative justice report ${escapeHtml(report.period.from.slice(0, 10))} to ${escapeHtml(report.period.to.slice(0, 10))}</title>
<style>
  @page { size: A4; margin: 16mm; }
  body { font: 11pt/1.4 system-ui, sans-serif; color: #222; max-width: 780px; margin: 0 auto; }
  h1 { font-size: 18pt; margin-bottom: 0; } h2 { font-size: 13pt; border-bottom: 1px solid #ccc; } h3 { font-size: 10pt; color: #555; }
  section { break-inside: avoid; margin-bottom: 14px; }
  .stats { display: flex; flex-wrap: wrap; gap: 10px; } .stat { border: 1px solid #ddd; padding: 6px 10px; min-width: 100px; }
  .stat b { display: block; font-size: 15pt; } .note, .meta { color: #666; font-size: 9pt; } .empty { color: #999; }
  svg text { font-size: 10px; fill: #333; } .bar { fill: #3b6ea5; } .mark { stroke: #c0392b; stroke-width: 2; }
</style></head>
<body><h1>Restorative justice: referrals and outcomes</h1>
<p class="meta">Cases referred from ${escapeHtml(report.period.from.slice(0, 10))} to before ${escapeHtml(report.period.to.slice(0, 10))}, as known at ${escapeHtml(report.period.asAt)}; ${escapeHtml(scope)}; filters: ${escapeHtml(filters)}. No personal data: cases are counted, never named.</p>
${body}
</body></html>`;
}
