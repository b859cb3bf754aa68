import { createTestApp, eventually, type TestApp } from '#testing';
import { CasesFactory, personHarmedBody, referralBody } from '../apps/cases/test/cases.factory';
import { SYSTEM_MODULES } from '../tools/start/src/system.module';

interface QueueCounts {
  queue: string;
  counts: Record<'waiting' | 'active' | 'delayed' | 'completed' | 'failed', number>;
}

describe('the composed system: a case\'s events reach the other services and are handled there', () => {
  let t: TestApp;
  let cases: CasesFactory;
  let ops: string;

  beforeAll(async () => {
    t = await createTestApp(SYSTEM_MODULES);
    cases = new CasesFactory(t.http, t.token('coordinator'), t.token('manager'));
    ops = t.token('ops');
  });

  afterAll(() => t.close());

  it('answers readiness for every service\'s database and Redis', async () => {
    const ready = await cases.call('get', '/health/ready', ops);
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.details).sort()).toEqual([
      'database:cases',
      'database:notifications',
      'database:reporting',
      'database:scheduling',
      'redis',
    ]);
  });

  it('relays events to each subscriber, whose consumer handles them; they carry ids and facts but no contact details', async () => {
    const kase = await cases.referral();
    const participant = await cases.participant(kase.id, personHarmedBody);

    const counts = await eventually(async () => {
      const all = await cases.ok<QueueCounts[]>('get', '/ops/queues', ops);
      const completed = Object.fromEntries(all.map((q) => [q.queue, q.counts.completed]));
      expect(completed['events-reporting']).toBe(2);
      expect(completed['events-scheduling']).toBe(2);
      return Object.fromEntries(all.map((q) => [q.queue, q.counts]));
    });
    for (const queue of ['events-reporting', 'events-scheduling']) expect(counts[queue]).toMatchObject({ waiting: 0, failed: 0 });
    expect(counts['events-notifications'].completed + counts['events-notifications'].waiting).toBe(0);

    const jobs = await cases.ok<{ name: string; data: { caseId: string; payload: Record<string, unknown> } }[]>(
      'get',
      '/ops/queues/events-scheduling/jobs?state=completed',
      ops,
    );
    expect(jobs.map((job) => job.name).sort()).toEqual(['case.referred', 'participant.added']);
    expect(jobs.find((job) => job.name === 'participant.added')!.data).toMatchObject({
      type: 'participant.added',
      version: 1,
      source: 'cases',
      caseId: kase.id,
      organisationId: 'org-a',
      payload: { participantId: participant.id, role: 'person-harmed', needsAccessibleVenue: true, channels: { sms: true, email: true } },
    });
    expect(JSON.stringify(jobs)).not.toMatch(/Sarah|Jones|7700|example\.org|Elm Road|wheelchair/);

    // Each consumer did its work: scheduling knows the participant, reporting counts the referral.
    expect((await cases.call('get', `/people/${participant.id}/availability`, cases.coordinator)).status).toBe(200);
    const report = await cases.ok<{ figures: { referrals: { total: number } } }>(
      'get',
      `/reports?from=${referralBody.receivedAt.slice(0, 10)}&to=2100-01-01`,
      cases.manager,
    );
    expect(report.figures.referrals.total).toBe(1);
  });

  it('documents the whole API in one OpenAPI document', async () => {
    const docs = await cases.call('get', '/docs-json', ops);
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/cases', '/cases/{caseId}/stage', '/cases/{caseId}/participants', '/facilitators', '/ops/queues', '/health/ready']),
    );
    expect(docs.body.components.securitySchemes).toHaveProperty('bearer');
  });

  it('keeps the queues to operations', async () => {
    expect((await cases.call('get', '/ops/queues', cases.manager)).status).toBe(403);
    expect((await cases.call('get', '/ops/queues/no-such-queue/jobs', ops)).status).toBe(404);
  });
});
