import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createTestApp, eventually, type TestApp } from '#testing';
import { CasesFactory, personHarmedBody } from '../apps/cases/test/cases.factory';
import { CasesWorkerModule } from '../apps/cases/src/cases-worker.module';
import { CasesModule } from '../apps/cases/src/cases.module';
import { ReportingWorkerModule } from '../apps/reporting/src/reporting-worker.module';

/** Everything personal the test enters in cases: none of it may reach reporting. */
const PERSONAL = ['Sarah', 'Jones', 'Mark Smith', 'Olu', '07700', '900123', 'example.org', 'probation.example', 'Elm Road', 'ME14',
  'Maidstone', 'wheelchair', 'Dave Brown', '07911 123456'];
/** Where a person is held: cases tells scheduling, reporting keeps none of it. */
const ESTABLISHMENT = 'hmp-elmley';
const HOUR = 3600_000;

describe('reporting over cases driven through the cases API', () => {
  let t: TestApp;
  let cases: CasesFactory;
  let cohort: { a: string; b: string; c: string; d: string };
  const period = 'from=2026-11-01&to=2026-12-01';

  beforeAll(async () => {
    t = await createTestApp([CasesModule, CasesWorkerModule, ReportingWorkerModule]);
    const inPartnership = { partnershipId: 'p-1' };
    cases = new CasesFactory(t.http, t.token('coordinator', 'org-a', inPartnership), t.token('manager', 'org-a', inPartnership));
    const lead = await cases.facilitator('lead', 3);
    const co = await cases.facilitator('co', 5);
    const leadToken = t.token('facilitator', 'org-a', { userId: 'lead', ...inPartnership });

    // A: police referral at 2026-11-16 09:00, reached at 11-17 10:00 (25 h), a face-to-face conference, four actions, closed.
    const a = await cases.caseInPreparation({ id: lead.id, token: leadToken }, co.id);
    await cases.ok('post', `/cases/${a.caseId}/assessments`, leadToken, { suitable: true, riskLevel: 'low' });
    await cases.move(a.caseId, leadToken, 'direct-meeting', { delivery: 'face-to-face-conference', note: 'Sarah Jones met Mark Smith at 12 Elm Road' });
    const agreement = await cases.ok('post', `/cases/${a.caseId}/outcome-agreement`, leadToken, {
      madeAt: '2026-11-19T12:00:00Z',
      actions: [
        { description: 'Mark Smith writes to Sarah Jones', dueBy: '2026-11-20T17:00:00Z', checkMethod: 'Letter seen' },
        { description: 'Repair the fence at 12 Elm Road', dueBy: '2026-11-20T09:00:00Z', checkMethod: 'Photo' },
        { description: 'Call Sarah on 07700 900123', dueBy: '2026-11-20T12:00:00Z', checkMethod: 'Call log' },
        { description: 'Community work in Maidstone', dueBy: '2030-01-01T12:00:00Z', checkMethod: 'Hours sheet' },
      ],
    });
    const [onTime, late] = agreement.actions as { id: string }[];
    const update = (action: { id: string }, completedAt: string) =>
      cases.ok('patch', `/cases/${a.caseId}/outcome-agreement/actions/${action.id}`, leadToken, { status: 'completed', completedAt });
    await update(onTime!, '2026-11-20T10:00:00Z');
    await update(late!, '2026-11-20T15:00:00Z');
    await cases.move(a.caseId, leadToken, 'outcome-agreement');
    await cases.move(a.caseId, leadToken, 'follow-up');
    await cases.ok('post', `/cases/${a.caseId}/feedback`, leadToken, { participantId: a.harmed.id, satisfaction: 5, comment: 'Thanks from Sarah, 07700 900123' });
    await cases.ok('post', `/cases/${a.caseId}/feedback`, leadToken, { participantId: a.responsible.id, satisfaction: 4 });
    await cases.move(a.caseId, leadToken, 'closed', { reason: 'completed' });

    // B: self-referral by the person responsible, reached after 60 h (a breach), then withdrawn by the person harmed.
    const b = await cases.referral({ source: 'self', initiatedBy: 'person-responsible', offenceCategory: 'violence-against-the-person',
      justiceStage: 'pre-sentence', ageGroup: 'youth', receivedAt: '2026-11-16T08:00:00Z' });
    await cases.ok('post', `/cases/${b.id}/triage`, cases.coordinator, { decision: 'accepted' });
    const bHarmed = await cases.participant(b.id, { ...personHarmedBody, name: 'Dave Brown', phone: '07911 123456' });
    for (const [outcome, attemptedAt] of [['no-answer', '2026-11-17T08:00:00Z'], ['reached', '2026-11-18T20:00:00Z']]) {
      await cases.ok('post', `/cases/${b.id}/contact-attempts`, cases.coordinator, { participantId: bHarmed.id, channel: 'phone', outcome, attemptedAt });
    }
    await cases.move(b.id, cases.coordinator, 'withdrawn', { withdrawnBy: 'person-harmed', note: 'Dave Brown moved away' });

    // C: rejected at triage. D: accepted at 2026-11-18 09:00, allocated, never contacted: past the 48-hour target.
    const c = await cases.referral({ source: 'victim-support' });
    await cases.ok('post', `/cases/${c.id}/triage`, cases.coordinator, { decision: 'rejected', rejectionReason: 'out-of-area' });
    const d = await cases.referral({ receivedAt: '2026-11-18T09:00:00Z' });
    await cases.ok('post', `/cases/${d.id}/triage`, cases.coordinator, { decision: 'accepted' });
    await cases.ok('put', `/cases/${d.id}/facilitators`, cases.coordinator, { leadFacilitatorId: lead.id, coFacilitatorId: co.id });

    // E: another organisation of the partnership.
    const orgB = new CasesFactory(t.http, t.token('coordinator', 'org-b', inPartnership), t.token('manager', 'org-b', inPartnership));
    await orgB.referral();
    cohort = { a: a.caseId, b: b.id, c: c.id, d: d.id };

    const [{ n: published }] = await dataSource().query('SELECT count(*)::int AS n FROM cases.outbox_event');
    await eventually(async () => {
      const [{ n }] = await dataSource().query('SELECT count(*)::int AS n FROM reporting.processed_event');
      expect(n).toBe(published);
    }, 20_000);
  }, 60_000);

  afterAll(() => t.close());

  const dataSource = (): DataSource => t.app.get(getDataSourceToken('reporting'));
  const report = async (token: string, query = '') => {
    const response = await cases.call('get', `/reports?${period}${query}`, token);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('gives a manager their organisation\'s figures, matching the cases as entered', async () => {
    const { figures, scope } = await report(cases.manager);
    expect(scope).toEqual({ partnershipId: null, organisationId: 'org-a' });
    expect(figures.referrals).toMatchObject({
      total: 4,
      bySource: { police: 2, self: 1, 'victim-support': 1 },
      byInitiator: { 'person-harmed': 3, 'person-responsible': 1 },
      byAgeGroup: { adult: 3, youth: 1 },
      byJusticeStage: { 'post-sentence': 3, 'pre-sentence': 1 },
    });
    // A at 25 h, B at 60 h, D not contacted and past 48 h; C rejected, so off the clock.
    expect(figures.firstContact).toEqual({
      targetHours: 48, cases: 3, contacted: 2, medianHours: 42.5, p90Hours: 56.5, withinTarget: 1, shareWithinTarget: 0.3333,
      breaches: { contactedLate: 1, notContactedPastTarget: 1 },
    });
    expect(figures.funnel.reached).toEqual({
      referred: 4, 'first-contact': 3, assessment: 1, consent: 1, preparation: 1, 'direct-meeting': 1, 'outcome-agreement': 1,
      'follow-up': 1, closed: 1, rejected: 1, withdrawn: 1,
    });
    expect(figures.funnel.currentStage).toEqual({ closed: 1, withdrawn: 1, rejected: 1, 'first-contact': 1 });
    expect(figures.funnel.exits).toEqual({
      rejected: { total: 1, byStage: { referred: 1 }, byWhom: {}, byReason: { 'out-of-area': 1 } },
      withdrawn: { total: 1, byStage: { 'first-contact': 1 }, byWhom: { 'person-harmed': 1 }, byReason: {} },
    });
    expect(figures.consent).toEqual({
      'person-harmed': { participation: { given: 1, withdrawn: 0, active: 1 } },
      'person-responsible': { participation: { given: 1, withdrawn: 0, active: 1 } },
    });
    expect(figures.delivery).toEqual({
      byType: { 'face-to-face-conference': 1 }, meetingsHeld: { total: 1, byType: { 'face-to-face-conference': 1 } }, sessionRequests: {},
    });
    expect(figures.outcomes).toEqual({
      agreements: 1, casesWithAgreement: 1, actions: 4, completed: 2, completedOnTime: 1, completedLate: 1, overdue: 1, openNotYetDue: 1, cancelled: 0,
    });
    expect(figures.satisfaction).toMatchObject({
      responses: 2, mean: 4.5, shareSatisfied: 1, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
      byRole: { 'person-harmed': { responses: 1, mean: 5 }, 'person-responsible': { responses: 1, mean: 4 } },
    });
    expect(figures.participants).toEqual({
      'person-harmed': { offered: 2, tookPart: 1 }, 'person-responsible': { offered: 1, tookPart: 1 },
    });
    // A is closed; D is open and allocated to both.
    expect(figures.caseload).toMatchObject({ facilitators: 2, activeCases: 2, capacity: 8, overCapacity: 0 });
    expect(figures.messages.status).toBe('no-data-source');
    expect(figures.sessions.status).toBe('no-data-source');
  });

  it('measures time to close and time in stage from the stage history cases kept', async () => {
    const firstMoves: number[] = [];
    const received = { a: '2026-11-16T09:00:00Z', b: '2026-11-16T08:00:00Z', c: '2026-11-16T09:00:00Z', d: '2026-11-18T09:00:00Z' };
    let closedAfter = 0;
    for (const [key, receivedAt] of Object.entries(received)) {
      const history = await cases.ok<{ to: string; changedAt: string }[]>('get', `/cases/${cohort[key as 'a']}/stage-history`, cases.manager);
      firstMoves.push((Date.parse(history[0]!.changedAt) - Date.parse(receivedAt)) / HOUR);
      const closed = history.find((h) => h.to === 'closed');
      if (closed) closedAfter = (Date.parse(closed.changedAt) - Date.parse(receivedAt)) / HOUR;
    }
    const { figures } = await report(cases.manager);
    expect(figures.timeToClose).toEqual({ cases: 1, medianHours: round2(closedAfter), p90Hours: round2(closedAfter), byReason: { completed: 1 } });
    expect(figures.timeInStage.referred).toEqual({
      cases: 4, stillIn: 0, medianHours: round2(percentile(firstMoves, 0.5)), p90Hours: round2(percentile(firstMoves, 0.9)),
    });
    expect(figures.timeInStage.closed).toEqual({ cases: 0, medianHours: null, p90Hours: null, stillIn: 1 });
    expect(figures.timeInStage['first-contact']).toMatchObject({ cases: 2, stillIn: 1 });
  });

  it('shows a partnership lead every organisation, narrowed on request, and filters by referral source', async () => {
    const lead = t.token('partnership-lead', 'org-a', { partnershipId: 'p-1' });
    expect((await report(lead)).figures.referrals.total).toBe(5);
    expect((await report(lead, '&organisationId=org-b')).figures.referrals.total).toBe(1);
    expect((await report(cases.manager, '&referralSource=self')).figures.referrals).toMatchObject({ total: 1, bySource: { self: 1 } });
    expect((await report(cases.manager, '&firstContactTargetHours=72')).figures.firstContact.withinTarget).toBe(2);
  });

  it('keeps figures to managers and partnership leads, each within their scope', async () => {
    expect((await cases.call('get', `/reports?${period}&organisationId=org-b`, cases.manager)).status).toBe(403);
    expect((await cases.call('get', `/reports?${period}`, t.token('facilitator'))).status).toBe(403);
    expect((await cases.call('get', `/reports?${period}`, t.token('coordinator'))).status).toBe(403);
    expect((await cases.call('get', '/reports?from=2026-12-01&to=2026-11-01', cases.manager)).status).toBe(400);
    expect((await cases.call('get', `/reports/figures/nonsense?${period}`, cases.manager)).status).toBe(400);
  });

  it('serves one figure, a CSV export and a printable page with charts and nothing fetched from elsewhere', async () => {
    const one = await cases.call('get', `/reports/figures/outcomes?${period}`, cases.manager);
    expect(one.body).toMatchObject({ figure: 'outcomes', value: { actions: 4, overdue: 1 }, period: { from: '2026-11-01T00:00:00.000Z' } });
    const csv = await cases.call('get', `/reports/export.csv?${period}`, cases.manager);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')).toEqual(expect.arrayContaining(['figure,measure,value', 'referrals,bySource.police,2', 'outcomes,overdue,1', 'messages,status,no-data-source']));
    const page = await cases.call('get', `/reports/print?${period}`, cases.manager);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<svg');
    expect(page.text).toContain('No data source yet');
    expect(page.text).not.toMatch(/(src|href)=["']?https?:/);
  });

  it('holds no personal data anywhere in its schema or its output', async () => {
    const db = dataSource();
    // Cases' events carry no names or contact details (the establishment of a person in custody they do carry).
    const outbox = JSON.stringify(await db.query('SELECT payload FROM cases.outbox_event'));
    for (const text of PERSONAL) expect(outbox).not.toContain(text);
    expect(outbox).toContain(ESTABLISHMENT);

    const columns: { table_name: string; column_name: string }[] = await db.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'reporting' ORDER BY table_name, ordinal_position`,
    );
    // TypeORM's own `migrations` table names migration classes; every other column is the read model's.
    const modelColumns = columns.filter((c) => c.table_name !== 'migrations');
    expect(modelColumns.map((c) => c.column_name).filter((name) => /name|phone|email|address|note|comment|description|establishment/.test(name))).toEqual([]);
    const tables = [...new Set(columns.map((c) => c.table_name))];
    expect(tables).toEqual(expect.arrayContaining(['event_log', 'case_fact', 'stage_transition', 'outcome_action_fact', 'feedback_fact']));
    let rows = 0;
    for (const table of tables) {
      const dump: { row: string }[] = await db.query(`SELECT row_to_json(t)::text AS row FROM reporting."${table}" t`);
      rows += dump.length;
      for (const { row } of dump) for (const text of [...PERSONAL, ESTABLISHMENT]) expect(row).not.toContain(text);
    }
    expect(rows).toBeGreaterThan(50);

    const lead = t.token('partnership-lead', 'org-a', { partnershipId: 'p-1' });
    const outputs = await Promise.all(['/reports', '/reports/export.csv', '/reports/print'].map((path) => cases.call('get', `${path}?${period}`, lead)));
    for (const output of outputs) for (const text of [...PERSONAL, ESTABLISHMENT]) expect(output.text).not.toContain(text);
  });

  it('rebuilds the same figures from its event log', async () => {
    const lead = t.token('partnership-lead', 'org-a', { partnershipId: 'p-1' });
    const before = (await report(lead)).figures;
    expect((await cases.call('post', '/ops/reporting/replay', cases.manager)).status).toBe(403);
    const replay = await cases.call('post', '/ops/reporting/replay', t.token('ops'));
    expect(replay.status).toBe(200);
    const [{ n }] = await dataSource().query('SELECT count(*)::int AS n FROM cases.outbox_event');
    expect(replay.body.events).toBe(n);
    expect((await report(lead)).figures).toEqual(before);
  });
});

/** Continuous percentile, as PostgreSQL's percentile_cont computes it. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  const at = p * (sorted.length - 1);
  const below = Math.floor(at);
  return sorted[below]! + (sorted[Math.min(below + 1, sorted.length - 1)]! - sorted[below]!) * (at - below);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
