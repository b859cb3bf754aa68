import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '#testing';
import { CasesFactory, referralBody } from '../../test/cases.factory';
import { CasesModule } from '../cases.module';

describe('who may see which case', () => {
  let t: TestApp;
  let cases: CasesFactory;
  let mine: string;
  let notMine: string;
  let otherOrganisation: string;
  const own = () => t.token('facilitator', 'org-a', { userId: 'fac-own' });

  beforeAll(async () => {
    t = await createTestApp([CasesModule]);
    cases = new CasesFactory(t.http, t.token('coordinator', 'org-a', { partnershipId: 'kent' }), t.token('manager', 'org-a'));
    const own = await cases.facilitator('fac-own');
    const other = await cases.facilitator('fac-other');
    const third = await cases.facilitator('fac-third');
    mine = (await cases.referral()).id;
    notMine = (await cases.referral()).id;
    await cases.ok('put', `/cases/${mine}/facilitators`, cases.coordinator, { leadFacilitatorId: own.id, coFacilitatorId: other.id });
    await cases.ok('put', `/cases/${notMine}/facilitators`, cases.coordinator, { leadFacilitatorId: other.id, coFacilitatorId: third.id });
    const otherCoordinator = t.token('coordinator', 'org-b', { partnershipId: 'kent' });
    otherOrganisation = (await cases.ok('post', '/cases', otherCoordinator, referralBody)).id;
  });

  afterAll(() => t.close());

  it('lets a facilitator see the cases allocated to them', async () => {
    expect((await cases.call('get', `/cases/${mine}`, own())).status).toBe(200);
    const list = await cases.ok<{ items: { id: string }[]; total: number }>('get', '/cases', own());
    expect(list.items.map((c) => c.id)).toEqual([mine]);
    expect(list.total).toBe(1);
  });

  it('answers a facilitator probing a case not theirs as if it did not exist', async () => {
    for (const path of [`/cases/${notMine}`, `/cases/${notMine}/participants`, `/cases/${notMine}/stage-history`, `/cases/${notMine}/consents`]) {
      const probe = await cases.call('get', path, own());
      expect(probe.status).toBe(404);
      expect(probe.body).toEqual({ statusCode: 404, error: 'not-found', message: `case ${notMine} not found` });
    }
    const change = await cases.call('post', `/cases/${notMine}/stage`, own(), { to: 'on-hold', reason: 'trial' });
    expect(change.status).toBe(404);
    const unknown = await cases.call('get', '/cases/00000000-0000-4000-8000-000000000000', own());
    expect(unknown.body.message).toBe('case 00000000-0000-4000-8000-000000000000 not found');
  });

  it('keeps a manager of another organisation out', async () => {
    const outsider = t.token('manager', 'org-b');
    expect((await cases.call('get', `/cases/${mine}`, outsider)).status).toBe(404);
    const list = await cases.ok<{ items: { id: string }[] }>('get', '/cases', outsider);
    expect(list.items.map((c) => c.id)).toEqual([otherOrganisation]);
  });

  it('shows a partnership lead every organisation of the partnership, and nothing outside it', async () => {
    const lead = t.token('partnership-lead', 'org-a', { partnershipId: 'kent' });
    const seen = (await cases.ok<{ items: { id: string }[] }>('get', '/cases', lead)).items.map((c) => c.id);
    expect(seen.sort()).toEqual([mine, notMine, otherOrganisation].sort());
    const elsewhere = t.token('partnership-lead', 'org-z', { partnershipId: 'sussex' });
    expect((await cases.call('get', `/cases/${mine}`, elsewhere)).status).toBe(404);
    const edit = await cases.call('post', `/cases/${mine}/stage`, lead, { to: 'on-hold', reason: 'trial' });
    expect(edit.status).toBe(403);
  });

  it('gives operations no case data, and anyone without a valid token nothing', async () => {
    const ops = await cases.call('get', `/cases/${mine}`, t.token('ops'));
    expect(ops.status).toBe(403);
    expect(ops.body.message).toBe('this needs one of the roles: coordinator, facilitator, manager, partnership-lead');
    expect((await cases.call('get', `/cases/${mine}`, 'not-a-token')).status).toBe(401);
    const forged = t.token('manager').slice(0, -2) + 'xx';
    expect((await cases.call('get', `/cases/${mine}`, forged)).status).toBe(401);
  });

  it('keeps case notes to the case\'s facilitators and managers', async () => {
    await cases.ok('post', `/cases/${mine}/notes`, own(), { body: 'Prefers mornings; anxious about the venue.' });
    expect((await cases.ok<{ body: string }[]>('get', `/cases/${mine}/notes`, own())).map((n) => n.body)).toEqual([
      'Prefers mornings; anxious about the venue.',
    ]);
    expect((await cases.call('get', `/cases/${mine}/notes`, cases.manager)).status).toBe(200);
    expect((await cases.call('get', `/cases/${mine}/notes`, cases.coordinator)).status).toBe(403);
    expect((await cases.call('get', `/cases/${notMine}/notes`, own())).status).toBe(404);
  });

  it('audits every read and change of a case record: who, what, when', async () => {
    const reader = t.token('facilitator', 'org-a', { userId: 'fac-own' });
    await cases.ok('get', `/cases/${mine}/participants`, reader);
    const trail = await cases.ok<{ actorUserId: string; action: string; subject: string }[]>('get', `/cases/${mine}/audit`, cases.manager);
    expect(trail[0]).toMatchObject({ action: 'read', subject: 'audit' });
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorUserId: 'fac-own', action: 'read', subject: 'participants' }),
        expect.objectContaining({ actorUserId: 'fac-own', action: 'create', subject: 'note' }),
        expect.objectContaining({ action: 'update', subject: 'case-facilitators' }),
        expect.objectContaining({ action: 'create', subject: 'case' }),
      ]),
    );
    const rows: { detail: unknown }[] = await t.app.get<DataSource>(getDataSourceToken('cases')).query(
      'SELECT detail FROM cases.audit_entry WHERE case_id = $1',
      [mine],
    );
    expect(JSON.stringify(rows)).not.toMatch(/anxious|Prefers/);
    expect((await cases.call('get', `/cases/${mine}/audit`, own())).status).toBe(403);
  });
});
