import { createTestApp, eventually, type TestApp } from '#testing';
import { CasesWorkerModule } from '../apps/cases/src/cases-worker.module';
import { CasesModule } from '../apps/cases/src/cases.module';
import { CasesFactory } from '../apps/cases/test/cases.factory';
import { SchedulingWorkerModule } from '../apps/scheduling/src/scheduling-worker.module';

describe('a facilitator reads scheduling\'s sessions of their own cases, known from the cases service\'s events', () => {
  let t: TestApp;
  let cases: CasesFactory;

  beforeAll(async () => {
    t = await createTestApp([CasesModule, CasesWorkerModule, SchedulingWorkerModule]);
    cases = new CasesFactory(t.http, t.token('coordinator', 'org-a'), t.token('manager', 'org-a'));
  });

  afterAll(() => t.close());

  it('shows the lead the session their case asked for, and another facilitator nothing', async () => {
    const lead = await cases.facilitator('sam-lead');
    const co = await cases.facilitator('kim-co');
    await cases.facilitator('pat-elsewhere');
    const leadToken = t.token('facilitator', 'org-a', { userId: 'sam-lead' });
    const kase = await cases.caseInPreparation({ id: lead.id, token: leadToken }, co.id);
    const request = await cases.ok('post', `/cases/${kase.caseId}/session-requests`, leadToken, { kind: 'preparation', participantIds: [kase.harmed.id] });

    for (const userId of ['sam-lead', 'kim-co']) {
      const token = t.token('facilitator', 'org-a', { userId });
      await eventually(async () => expect((await cases.ok<{ id: string }[]>('get', '/sessions', token)).map((s) => s.id)).toEqual([request.id]));
      expect((await cases.ok('get', `/sessions/${request.id}`, token)).caseId).toBe(kase.caseId);
    }
    const outsider = t.token('facilitator', 'org-a', { userId: 'pat-elsewhere' });
    expect(await cases.ok('get', '/sessions', outsider)).toEqual([]);
    expect((await cases.call('get', `/sessions/${request.id}`, outsider)).status).toBe(404);
  });
});
