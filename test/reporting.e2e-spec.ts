import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  type DomainEvent,
  eventQueueFor,
  type EventPayloads,
  type EventType,
  type MessageChannel,
  type MessagePurpose,
  type MessageStatus,
  type ServiceName,
  type SessionKind,
} from '#contracts';
import { redisOptions } from '#platform';
import { createTestApp, eventually, type TestApp } from '#testing';
import { CasesFactory, personHarmedBody } from '../apps/cases/test/cases.factory';
import { CasesWorkerModule } from '../apps/cases/src/cases-worker.module';
import { CasesModule } from '../apps/cases/src/cases.module';
import { STORED_FIELDS } from '../apps/reporting/src/events/stored-fields';
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
  /** Events published straight to reporting's queue, as scheduling and notifications would. */
  let published: DomainEvent[];
  const period = 'from=2026-11-01&to=2026-12-01';
  /** Cases referred in October, which left the process in the ways November's did not. */
  const october = 'from=2026-10-01&to=2026-11-01';

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
    const e = await orgB.referral();
    cohort = { a: a.caseId, b: b.id, c: c.id, d: d.id };

    // October, org-a. F: uncontactable after no answer, then wrong details (moved away, as the
    // coordinator records). G: on hold (trial) from assessment, then withdrawn by the person
    // harmed. H: the person responsible declined (the person harmed initiated). I: rejected at
    // triage by a manager.
    const f = await cases.referral({ receivedAt: '2026-10-05T09:00:00Z' });
    await cases.ok('post', `/cases/${f.id}/triage`, cases.coordinator, { decision: 'accepted' });
    for (const [outcome, attemptedAt] of [['no-answer', '2026-10-06T09:00:00Z'], ['wrong-details', '2026-10-07T09:00:00Z']]) {
      await cases.ok('post', `/cases/${f.id}/contact-attempts`, cases.coordinator, { channel: 'phone', outcome, attemptedAt });
    }
    await cases.move(f.id, cases.coordinator, 'uncontactable', { reason: 'moved-away' });
    const g = await cases.referral({ receivedAt: '2026-10-06T09:00:00Z', initiatedBy: 'person-responsible' });
    await cases.ok('post', `/cases/${g.id}/triage`, cases.coordinator, { decision: 'accepted' });
    await cases.ok('post', `/cases/${g.id}/contact-attempts`, cases.coordinator, { channel: 'phone', outcome: 'reached', attemptedAt: '2026-10-06T12:00:00Z' });
    await cases.ok('put', `/cases/${g.id}/facilitators`, cases.coordinator, { leadFacilitatorId: lead.id, coFacilitatorId: co.id });
    await cases.move(g.id, leadToken, 'assessment');
    await cases.move(g.id, leadToken, 'on-hold', { reason: 'trial' });
    await cases.move(g.id, leadToken, 'withdrawn', { withdrawnBy: 'person-harmed' });
    const h = await cases.referral({ receivedAt: '2026-10-07T09:00:00Z' });
    await cases.ok('post', `/cases/${h.id}/triage`, cases.coordinator, { decision: 'accepted' });
    await cases.move(h.id, cases.coordinator, 'other-party-declined');
    const i = await cases.referral({ receivedAt: '2026-10-08T09:00:00Z' });
    await cases.ok('post', `/cases/${i.id}/triage`, cases.manager, { decision: 'rejected', rejectionReason: 'no-admission-of-responsibility' });

    published = sessionsAndMessages({ a: a.caseId, aHarmed: a.harmed.id, aResponsible: a.responsible.id, b: b.id, bHarmed: bHarmed.id, d: d.id, e: e.id });
    const queue = new Queue(eventQueueFor('reporting'), { connection: redisOptions(t.env.REDIS_URL!, 'producer'), prefix: t.env.QUEUE_PREFIX });
    await queue.waitUntilReady();
    // Out of order: last first, so every later state arrives before the one it replaces.
    for (const event of [...published].reverse()) await queue.add(event.type, event, { jobId: event.id });
    // A relay that published twice after its job was removed: the consumer sees the same event again.
    await queue.add(published[0]!.type, published[0]!, { jobId: `${published[0]!.id}-again` });
    await queue.close();

    const [{ n: fromCases }] = await dataSource().query('SELECT count(*)::int AS n FROM cases.outbox_event');
    await eventually(async () => {
      const [{ n }] = await dataSource().query('SELECT count(*)::int AS n FROM reporting.processed_event');
      expect(n).toBe(fromCases + published.length);
    }, 20_000);
  }, 60_000);

  afterAll(() => t.close());

  const dataSource = (): DataSource => t.app.get(getDataSourceToken('reporting'));
  const report = async (token: string, query = '', of = period) => {
    const response = await cases.call('get', `/reports?${of}${query}`, token);
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
      rejected: { total: 1, byStage: { referred: 1 }, whileOnHold: 0, byWhom: { coordinator: 1 }, byReason: { 'out-of-area': 1 } },
      withdrawn: { total: 1, byStage: { 'first-contact': 1 }, whileOnHold: 0, byWhom: { 'person-harmed': 1 }, byReason: {} },
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
  });

  it('counts the sessions scheduling booked, moved, cancelled and held, each once whatever order their events came in', async () => {
    const { figures } = await report(cases.manager);
    // A: S1 preparation booked, moved, held; S2 conference held (its outcome corrected); S3 follow-up
    // cancelled after booking (the cancellation came first). B: S4 cancelled before booking. D: S5 not held.
    expect(figures.sessions).toEqual({
      booked: 4, held: 2, notHeld: 1, moved: 1, moves: 1, cancelled: 1, cancelledBeforeBooking: 1,
      cancelledByReason: { 'cancelled-by-coordinator': 1 },
      byKind: {
        conference: { booked: 1, held: 1, moved: 0, cancelled: 0 },
        'follow-up': { booked: 1, held: 0, moved: 0, cancelled: 1 },
        preparation: { booked: 2, held: 1, moved: 1, cancelled: 0 },
      },
    });
    // E's conference (org-b) counts for the partnership lead only.
    const lead = t.token('partnership-lead', 'org-a', { partnershipId: 'p-1' });
    expect((await report(lead)).figures.sessions).toMatchObject({ booked: 5, held: 3 });
  });

  it('counts each message once by its latest status, with what the content policy held and what participants answered', async () => {
    const { figures } = await report(cases.manager);
    // M1 delivered (its sent came after it), M2 held, released, undelivered, M3 held and discarded,
    // M4 dropped, M5 sent, M6 still held, M7 (B) failed, M8 (D) queued; M9 names no case, M10 is org-b's.
    const none = { total: 0, sent: 0, delivered: 0, failed: 0, held: 0 };
    expect(figures.messages).toEqual({
      total: 8, sent: 2, delivered: 1, failed: 2, held: 3, dropped: 1, notYetSent: 2,
      byStatus: { delivered: 1, undelivered: 1, discarded: 1, dropped: 1, sent: 1, held: 1, failed: 1, queued: 1 },
      heldByContentPolicy: { total: 3, released: 1, discarded: 1, stillHeld: 1 },
      byChannel: { email: { total: 3, sent: 1, delivered: 0, failed: 0, held: 1 }, sms: { total: 5, sent: 1, delivered: 1, failed: 2, held: 2 } },
      byPurpose: {
        cancellation: { ...none, total: 1, failed: 1 },
        confirmation: { ...none, total: 2, sent: 2, delivered: 1 },
        reminder: { ...none, total: 5, failed: 1, held: 3 },
      },
      // The person harmed confirmed S1's second version by reply, then a coordinator did too: once, by reply.
      confirmations: { total: 2, byVia: { reply: 1, coordinator: 1 } },
      // R twice to S1's first version (SMS, then email): one request, on the first channel.
      rescheduleRequests: { total: 1, byChannel: { sms: 1 } },
      // STOP twice by email from A's person harmed, once by SMS from B's; one with no case is not counted.
      optOuts: { total: 2, byChannel: { email: 1, sms: 1 } },
    });
  });

  it('says who rejected, which party declined, why a case was uncontactable, and where a case on hold was withdrawn from', async () => {
    const { figures } = await report(cases.manager, '', october);
    expect(figures.funnel.exits).toEqual({
      uncontactable: { total: 1, byStage: { 'first-contact': 1 }, whileOnHold: 0, byWhom: {}, byReason: { 'moved-away': 1 } },
      'on-hold': { total: 1, byStage: { assessment: 1 }, whileOnHold: 0, byWhom: {}, byReason: { trial: 1 } },
      withdrawn: { total: 1, byStage: { assessment: 1 }, whileOnHold: 1, byWhom: { 'person-harmed': 1 }, byReason: {} },
      'other-party-declined': { total: 1, byStage: { 'first-contact': 1 }, whileOnHold: 0, byWhom: { 'person-responsible': 1 }, byReason: {} },
      rejected: { total: 1, byStage: { referred: 1 }, whileOnHold: 0, byWhom: { manager: 1 }, byReason: { 'no-admission-of-responsibility': 1 } },
    });
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
    const self = (await report(cases.manager, '&referralSource=self')).figures;
    expect(self.referrals).toMatchObject({ total: 1, bySource: { self: 1 } });
    // B's session was cancelled before booking; its one message failed; its person harmed opted out of SMS.
    expect(self.sessions).toMatchObject({ booked: 0, cancelledBeforeBooking: 1 });
    expect(self.messages).toMatchObject({ total: 1, failed: 1, optOuts: { total: 1, byChannel: { sms: 1 } } });
    expect((await report(cases.manager, '&firstContactTargetHours=72')).figures.firstContact.withinTarget).toBe(2);
  });

  it('keeps figures to managers and partnership leads, each within their scope', async () => {
    expect((await cases.call('get', `/reports?${period}&organisationId=org-b`, cases.manager)).status).toBe(403);
    expect((await cases.call('get', `/reports?${period}`, t.token('facilitator'))).status).toBe(403);
    expect((await cases.call('get', `/reports?${period}`, t.token('coordinator'))).status).toBe(403);
    expect((await cases.call('get', '/reports?from=2026-12-01&to=2026-11-01', cases.manager)).status).toBe(400);
    expect((await cases.call('get', `/reports/figures/nonsense?${period}`, cases.manager)).body).toMatchObject({
      statusCode: 400, details: [{ field: 'figure', rule: 'isIn', message: expect.stringContaining('sessions') }],
    });
  });

  it('serves one figure, a CSV export and a printable page with charts and nothing fetched from elsewhere', async () => {
    const one = await cases.call('get', `/reports/figures/outcomes?${period}`, cases.manager);
    expect(one.body).toMatchObject({ figure: 'outcomes', value: { actions: 4, overdue: 1 }, period: { from: '2026-11-01T00:00:00.000Z' } });
    const csv = await cases.call('get', `/reports/export.csv?${period}`, cases.manager);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')).toEqual(expect.arrayContaining([
      'figure,measure,value', 'referrals,bySource.police,2', 'outcomes,overdue,1', 'messages,sent,2', 'messages,byChannel.sms.failed,2',
      'messages,optOuts.total,2', 'sessions,booked,4', 'sessions,byKind.follow-up.cancelled,1',
    ]));
    const sessions = await cases.call('get', `/reports/figures/sessions?${period}`, cases.manager);
    expect(sessions.body).toMatchObject({ figure: 'sessions', value: { booked: 4, held: 2 }, note: expect.stringContaining('moved') });
    const page = await cases.call('get', `/reports/print?${period}`, cases.manager);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<svg');
    expect(page.text).toContain('Messages to participants');
    expect(page.text).toContain('Held against booked, by kind');
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
    expect(modelColumns.map((c) => c.column_name).filter((name) => /name|phone|email|address|note|comment|description|establishment|body|venue|starts/.test(name))).toEqual([]);
    const tables = [...new Set(columns.map((c) => c.table_name))];
    expect(tables).toEqual(expect.arrayContaining(['event_log', 'case_fact', 'stage_transition', 'outcome_action_fact', 'feedback_fact',
      'triage_fact', 'session_change_fact', 'session_outcome_fact', 'session_fact', 'attendance_confirmation_fact', 'message_fact',
      'case_message_count', 'reschedule_request_fact', 'opt_out_fact']));
    // The log keeps of each event only the fields its list names, whatever a producer sent besides.
    const kept: { type: EventType; field: string }[] = await db.query('SELECT DISTINCT type, jsonb_object_keys(payload) AS field FROM reporting.event_log');
    expect(kept.filter(({ type, field }) => !(STORED_FIELDS[type] as readonly string[]).includes(field))).toEqual([]);
    expect(kept.map((k) => k.type)).toEqual(expect.arrayContaining(['session.booked', 'session.cancelled', 'message.status-changed', 'channel.opted-out']));
    let rows = 0;
    for (const table of tables) {
      const dump: { row: string }[] = await db.query(`SELECT row_to_json(t)::text AS row FROM reporting."${table}" t`);
      rows += dump.length;
      for (const { row } of dump) for (const text of [...PERSONAL, ESTABLISHMENT]) expect(row).not.toContain(text);
    }
    expect(rows).toBeGreaterThan(50);

    const lead = t.token('partnership-lead', 'org-a', { partnershipId: 'p-1' });
    const paths = ['/reports', '/reports/export.csv', '/reports/print', '/reports/figures/messages', '/reports/figures/sessions', '/reports/figures/funnel'];
    const outputs = await Promise.all([period, october].flatMap((of) => paths.map((path) => cases.call('get', `${path}?${of}`, lead))));
    for (const output of outputs) {
      expect(output.status).toBe(200);
      for (const text of [...PERSONAL, ESTABLISHMENT]) expect(output.text).not.toContain(text);
    }
  });

  it('rebuilds the same figures from its event log', async () => {
    const lead = t.token('partnership-lead', 'org-a', { partnershipId: 'p-1' });
    const before = (await report(lead)).figures;
    expect((await cases.call('post', '/ops/reporting/replay', cases.manager)).status).toBe(403);
    const replay = await cases.call('post', '/ops/reporting/replay', t.token('ops'));
    expect(replay.status).toBe(200);
    const [{ n }] = await dataSource().query('SELECT count(*)::int AS n FROM cases.outbox_event');
    expect(replay.body.events).toBe(n + published.length);
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

/**
 * What scheduling and notifications would publish about the November cases, each source
 * numbering its own events; the figures the tests expect of them are counted by hand there.
 */
function sessionsAndMessages(ids: { a: string; aHarmed: string; aResponsible: string; b: string; bHarmed: string; d: string; e: string }): DomainEvent[] {
  const events: DomainEvent[] = [];
  const sequences = new Map<ServiceName, number>();
  const at = '2026-11-25T10:00:00Z';
  const publish = <T extends EventType>(source: ServiceName, type: T, caseId: string | null, payload: EventPayloads[T], organisationId = 'org-a') => {
    const sequence = (sequences.get(source) ?? 0) + 1;
    sequences.set(source, sequence);
    events.push({ id: randomUUID(), type, version: 1, occurredAt: at, source, sequence, caseId, organisationId, payload } as DomainEvent);
  };
  const scheduling = <T extends EventType>(type: T, caseId: string, payload: EventPayloads[T], organisationId?: string) =>
    publish('scheduling', type, caseId, payload, organisationId);
  const notifications = <T extends EventType>(type: T, caseId: string | null, payload: EventPayloads[T], organisationId?: string) =>
    publish('notifications', type, caseId, payload, organisationId);
  const placed = (sessionId: string, kind: SessionKind, version: number, participantIds: string[]) => ({
    sessionId, kind, version, participantIds, facilitatorIds: [], startsAt: at, endsAt: '2026-11-25T11:00:00Z', venueId: randomUUID(),
    venueKind: 'community' as const,
  });
  const confirmed = (sessionId: string, kind: SessionKind, version: number, participantId: string, via: 'reply' | 'coordinator') =>
    ({ sessionId, kind, version, participantId, via, confirmedAt: at });
  const outcome = (sessionId: string, kind: SessionKind, version: number, held: boolean) =>
    ({ sessionId, kind, version, outcome: held ? 'took-place' as const : 'did-not-take-place' as const, recordedAt: at });
  const [s1, s2, s3, s4, s5, s6] = Array.from({ length: 6 }, () => randomUUID()) as [string, string, string, string, string, string];

  scheduling('session.booked', ids.a, placed(s1, 'preparation', 1, [ids.aHarmed]));
  notifications('reply.reschedule-requested', ids.a, { sessionId: s1, sessionVersion: 1, participantId: ids.aHarmed, channel: 'sms', receivedAt: at });
  notifications('reply.reschedule-requested', ids.a, { sessionId: s1, sessionVersion: 1, participantId: ids.aHarmed, channel: 'email', receivedAt: at });
  scheduling('session.rescheduled', ids.a, { ...placed(s1, 'preparation', 2, [ids.aHarmed]), previousStartsAt: at, previousVenueId: randomUUID() });
  scheduling('session.attendance-confirmed', ids.a, confirmed(s1, 'preparation', 2, ids.aHarmed, 'reply'));
  scheduling('session.attendance-confirmed', ids.a, confirmed(s1, 'preparation', 2, ids.aHarmed, 'coordinator'));
  scheduling('session.outcome-recorded', ids.a, outcome(s1, 'preparation', 2, true));
  scheduling('session.booked', ids.a, placed(s2, 'conference', 1, [ids.aHarmed, ids.aResponsible]));
  scheduling('session.attendance-confirmed', ids.a, confirmed(s2, 'conference', 1, ids.aResponsible, 'coordinator'));
  scheduling('session.outcome-recorded', ids.a, outcome(s2, 'conference', 1, false));
  scheduling('session.outcome-recorded', ids.a, outcome(s2, 'conference', 1, true));
  scheduling('session.booked', ids.a, placed(s3, 'follow-up', 1, [ids.aHarmed]));
  scheduling('session.cancelled', ids.a, { ...placed(s3, 'follow-up', 2, [ids.aHarmed]), reason: 'cancelled-by-coordinator', wasBookedFor: at });
  scheduling('session.cancelled', ids.b, { ...placed(s4, 'preparation', 2, [ids.bHarmed]), reason: 'case-ended', wasBookedFor: null });
  scheduling('session.booked', ids.d, placed(s5, 'preparation', 1, []));
  scheduling('session.outcome-recorded', ids.d, outcome(s5, 'preparation', 1, false));
  scheduling('session.booked', ids.e, placed(s6, 'conference', 1, []), 'org-b');
  scheduling('session.attendance-confirmed', ids.e, confirmed(s6, 'conference', 1, randomUUID(), 'reply'), 'org-b');
  scheduling('session.outcome-recorded', ids.e, outcome(s6, 'conference', 1, true), 'org-b');

  const message = (caseId: string | null, channel: MessageChannel, purpose: MessagePurpose, statuses: MessageStatus[], organisationId?: string) => {
    const messageId = randomUUID();
    for (const status of statuses) {
      notifications('message.status-changed', caseId, { messageId, sessionId: null, participantId: null, channel, purpose, status, changedAt: at }, organisationId);
    }
  };
  message(ids.a, 'sms', 'confirmation', ['queued', 'sent', 'delivered']);
  // A producer's slip: fields no contract has, which reporting's allow-list must drop.
  Object.assign(events.at(-1)!.payload, { to: '07700 900123', body: 'Sarah Jones: see you at 12 Elm Road' });
  message(ids.a, 'sms', 'reminder', ['held', 'released', 'queued', 'sent', 'undelivered']);
  message(ids.a, 'email', 'reminder', ['held', 'discarded']);
  message(ids.a, 'sms', 'reminder', ['queued', 'dropped']);
  message(ids.a, 'email', 'confirmation', ['queued', 'sent', 'sent']);
  message(ids.a, 'sms', 'reminder', ['held']);
  message(ids.b, 'sms', 'cancellation', ['queued', 'failed']);
  message(ids.d, 'email', 'reminder', ['queued']);
  message(null, 'sms', 'reply', ['queued', 'sent']);
  message(ids.e, 'sms', 'reminder', ['queued', 'sent', 'delivered'], 'org-b');
  notifications('channel.opted-out', ids.a, { participantId: ids.aHarmed, channel: 'email', optedOutAt: at });
  notifications('channel.opted-out', ids.a, { participantId: ids.aHarmed, channel: 'email', optedOutAt: at });
  notifications('channel.opted-out', ids.b, { participantId: ids.bHarmed, channel: 'sms', optedOutAt: at });
  notifications('channel.opted-out', null, { participantId: null, channel: 'sms', optedOutAt: at });
  return events;
}
