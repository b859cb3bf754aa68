import { checkPlan } from '#scheduler';
import { createTestApp, eventually, type TestApp } from '#testing';
import { OFFICE_HOURS, SchedulingFactory } from '../../test/scheduling.factory';
import { SchedulingWorkerModule } from '../scheduling-worker.module';

interface PlanView {
  id: string;
  status: string;
  progress: number;
  proposed: { sessionId: string; start: string; end: string; venueId: string }[];
  leftOut: { sessionId: string; reason: string }[];
}

describe('planning an organisation\'s pending sessions', () => {
  let t: TestApp;
  let f: SchedulingFactory;

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule]);
    f = new SchedulingFactory(t, t.token('coordinator', 'org-a'));
  });

  afterAll(() => t.close());

  it('proposes a plan that passes the scheduler\'s check, keeps what is booked, and books what is accepted, in part then in whole', async () => {
    const hub = await f.venue({ kind: 'community', label: 'Hub' });
    const a = await f.case();
    const b = await f.case();
    for (const facilitator of [...a.facilitators, ...b.facilitators]) await f.weekly(facilitator, OFFICE_HOURS);
    const prepHarmed = await f.request(a, 'preparation', [a.harmed]);
    const prepResponsible = await f.request(a, 'preparation', [a.responsible]);
    const conference = await f.request(a, 'conference', [a.harmed, a.responsible], 120);
    const booked = await f.request(b, 'preparation', [b.harmed]);
    const [slot] = await f.ok<{ start: string; venueId: string }[]>('get', `/sessions/${booked}/suggestions?k=1`);
    await f.ok('post', `/sessions/${booked}/hold`, { start: slot!.start, venueId: slot!.venueId });
    await f.ok('post', `/sessions/${booked}/confirm`);
    const other = await f.request(b, 'preparation', [b.responsible]);
    const needsInterpreter = await f.case({ interpreterLanguage: 'ar' });
    const stuck = await f.request(needsInterpreter, 'preparation', [needsInterpreter.harmed]);

    const queued = await f.ok<PlanView>('post', '/plans', { timeLimitMs: 1000, horizonDays: 28 });
    expect(queued).toMatchObject({ status: 'queued', progress: 0 });
    const plan = await eventually(async () => {
      const view = await f.ok<PlanView>('get', `/plans/${queued.id}`);
      expect(view.status).toBe('done');
      return view;
    }, 20_000, 200);
    expect(plan.progress).toBe(100);

    const { instance, plan: solved } = await f.ok('get', `/plans/${queued.id}/files`);
    expect(checkPlan(instance, solved)).toEqual([]);
    expect(solved.assignments).toContainEqual({ session: booked, start: slot!.start, venue: slot!.venueId });
    expect(plan.proposed.map((p) => p.sessionId).sort()).toEqual([prepHarmed, prepResponsible, conference, other].sort());
    const at = (id: string) => plan.proposed.find((p) => p.sessionId === id)!;
    for (const prep of [prepHarmed, prepResponsible]) {
      expect(Date.parse(at(conference).start) - Date.parse(at(prep).end)).toBeGreaterThanOrEqual(24 * 3_600_000);
    }
    expect(plan.leftOut).toEqual([{ sessionId: stuck, reason: expect.stringContaining('need an interpreter (ar)') }]);

    const first = plan.proposed[0]!;
    expect(await f.ok('post', `/plans/${queued.id}/accept`, { sessionIds: [first.sessionId] })).toEqual([{ sessionId: first.sessionId, outcome: 'booked' }]);
    const all = await f.ok<{ sessionId: string; outcome: string; error?: { code: string } }[]>('post', `/plans/${queued.id}/accept`, {});
    expect(all.find((o) => o.sessionId === first.sessionId)).toMatchObject({ outcome: 'refused', error: { code: 'session-status' } });
    expect(all.filter((o) => o.outcome === 'booked')).toHaveLength(3);
    for (const p of plan.proposed) {
      expect(await f.ok('get', `/sessions/${p.sessionId}`)).toMatchObject({ status: 'booked', startsAt: new Date(p.start).toISOString(), venueId: p.venueId });
    }
    expect((await f.outbox('session.booked')).length).toBe(5);
    expect(plan.proposed.every((p) => p.venueId === hub.id)).toBe(true);
  });

  it('refuses a session the plan did not propose, and hides other organisations\' plans', async () => {
    const c = await f.case();
    await f.request(c, 'follow-up', [c.harmed], 30);
    const queued = await f.ok<PlanView>('post', '/plans', { timeLimitMs: 100 });
    await eventually(async () => expect((await f.ok<PlanView>('get', `/plans/${queued.id}`)).status).toBe('done'), 20_000, 200);
    const stranger = await f.call('post', `/plans/${queued.id}/accept`, { sessionIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details).toEqual([expect.objectContaining({ field: 'sessionIds[0]', rule: 'isProposed' })]);
    expect((await f.call('get', `/plans/${queued.id}`, undefined, t.token('coordinator', 'org-b'))).status).toBe(404);
    expect((await f.call('post', '/plans', { timeLimitMs: 5 })).body.details).toEqual([expect.objectContaining({ field: 'timeLimitMs', rule: 'min' })]);
  });
});
