import { createTestApp, type TestApp } from '#testing';
import { CasesFactory } from '../../test/cases.factory';
import { CasesModule } from '../cases.module';

describe('facilitators\' caseloads', () => {
  let t: TestApp;
  let cases: CasesFactory;

  beforeAll(async () => {
    t = await createTestApp([CasesModule], { DEFAULT_FACILITATOR_CAPACITY: '10' });
    cases = new CasesFactory(t.http, t.token('coordinator'), t.token('manager'));
  });

  afterAll(() => t.close());

  it('refuses an assignment past capacity with a clear message, unless a manager overrides', async () => {
    const busy = await cases.facilitator('busy', 2);
    const partner = await cases.facilitator('partner', 50);
    for (let i = 0; i < 2; i += 1) {
      const kase = await cases.referral();
      await cases.ok('put', `/cases/${kase.id}/facilitators`, cases.coordinator, { leadFacilitatorId: busy.id, coFacilitatorId: partner.id });
    }
    const third = await cases.referral();
    const refused = await cases.call('put', `/cases/${third.id}/facilitators`, cases.coordinator, {
      leadFacilitatorId: busy.id,
      coFacilitatorId: partner.id,
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      statusCode: 409,
      error: 'facilitator-at-capacity',
      message: 'Facilitator busy already carries 2 active cases (capacity 2); a manager may assign anyway with overrideCapacity: true',
      details: { facilitatorId: busy.id, activeCases: 2, capacity: 2 },
    });
    const coordinatorOverride = await cases.call('put', `/cases/${third.id}/facilitators`, cases.coordinator, {
      leadFacilitatorId: busy.id,
      coFacilitatorId: partner.id,
      overrideCapacity: true,
    });
    expect(coordinatorOverride.status).toBe(403);

    const overridden = await cases.ok('put', `/cases/${third.id}/facilitators`, cases.manager, {
      leadFacilitatorId: busy.id,
      coFacilitatorId: partner.id,
      overrideCapacity: true,
    });
    expect(overridden.leadFacilitator).toEqual({ id: busy.id, displayName: 'Facilitator busy' });
    const list = await cases.ok<{ id: string; activeCases: number; capacity: number }[]>('get', '/facilitators', cases.coordinator);
    expect(list.find((f) => f.id === busy.id)).toMatchObject({ activeCases: 3, capacity: 2 });
  });

  it('frees capacity when a case leaves the process', async () => {
    const one = await cases.facilitator('one-case', 1);
    const partner = await cases.facilitator('partner-2', 50);
    const first = await cases.referral();
    await cases.ok('put', `/cases/${first.id}/facilitators`, cases.coordinator, { leadFacilitatorId: one.id, coFacilitatorId: partner.id });
    await cases.move(first.id, cases.coordinator, 'withdrawn', { withdrawnBy: 'referrer' });
    const second = await cases.referral();
    const assigned = await cases.call('put', `/cases/${second.id}/facilitators`, cases.coordinator, { leadFacilitatorId: one.id, coFacilitatorId: partner.id });
    expect(assigned.status).toBe(200);
  });

  it('never lets concurrent assignments take a facilitator past capacity', async () => {
    const scarce = await cases.facilitator('scarce', 3);
    const partners = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => cases.facilitator(`p-${i}`, 50)));
    const referrals = await Promise.all(partners.map(() => cases.referral()));
    const results = await Promise.all(
      referrals.map((kase, i) =>
        cases.call('put', `/cases/${kase.id}/facilitators`, cases.coordinator, { leadFacilitatorId: scarce.id, coFacilitatorId: partners[i]!.id }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
  });

  it('keeps facilitators with their case: only a manager may change them', async () => {
    const a = await cases.facilitator('stay-a');
    const b = await cases.facilitator('stay-b');
    const c = await cases.facilitator('stay-c');
    const kase = await cases.referral();
    await cases.ok('put', `/cases/${kase.id}/facilitators`, cases.coordinator, { leadFacilitatorId: a.id, coFacilitatorId: b.id });
    const change = { leadFacilitatorId: a.id, coFacilitatorId: c.id };
    expect((await cases.call('put', `/cases/${kase.id}/facilitators`, cases.coordinator, change)).status).toBe(403);
    expect((await cases.call('put', `/cases/${kase.id}/facilitators`, cases.manager, change)).status).toBe(200);
    const same = await cases.call('put', `/cases/${kase.id}/facilitators`, cases.coordinator, { leadFacilitatorId: a.id, coFacilitatorId: a.id });
    expect(same.status).toBe(400);
    expect(same.body.details).toEqual([{ field: 'coFacilitatorId', rule: 'differsFromLead', message: 'coFacilitatorId must differ from leadFacilitatorId' }]);
  });
});
