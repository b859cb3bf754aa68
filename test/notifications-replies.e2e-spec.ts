import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '#testing';
import type { CasesFactory } from '../apps/cases/test/cases.factory';
import type { Harness } from '../apps/notifications/test/notifications.harness';
import { SARAH_SMS, startComposedNotifications } from './composed-notifications';

/**
 * The case's facilitators, registered and assigned in the real cases service, reach
 * notifications through its outbox and relay: a reply of the person harmed in words of their
 * own is read by those facilitators, by their token, and by no one else.
 */
describe("a reply read by the case's facilitators, known from the cases service", () => {
  let h: Harness;
  let cases: CasesFactory;

  beforeAll(async () => {
    ({ h, cases } = await startComposedNotifications({ scheduling: false }));
  });

  afterAll(() => h.close());

  const alerts = (token: string, caseId: string) => request(h.t.http).get(`/notifications/alerts?caseId=${caseId}`).set('Authorization', `Bearer ${token}`);

  it('gives the text to the lead and co-facilitator by their tokens, and shows the coordinator only that it arrived', async () => {
    const lead = await cases.facilitator('lead');
    const co = await cases.facilitator('co');
    await cases.facilitator('someone-else');
    const leadToken = h.t.token('facilitator', 'org-a', { userId: 'lead' });
    const kase = await cases.caseInPreparation({ id: lead.id, token: leadToken }, co.id);

    // The session as scheduling would announce it; its SMS is routed by the real cases service.
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    await h.deliver(h.event('session.booked', { sessionId: randomUUID(), kind: 'preparation', version: 1, participantIds: [kase.harmed.id], facilitatorIds: [lead.id, co.id],
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(), venueId: randomUUID(), venueKind: 'community' }, kase.caseId));
    await eventually(async () => expect(await h.db.query(`SELECT 1 FROM notifications.message WHERE case_id = $1 AND status IN ('sent', 'delivered')`, [kase.caseId])).toHaveLength(1), 20_000);
    await h.twilio.sendInbound({ from: SARAH_SMS, to: '+441632960001', body: 'Will he be there? I am scared' });

    for (const userId of ['lead', 'co']) {
      await eventually(async () => {
        const [alert] = (await alerts(h.t.token('facilitator', 'org-a', { userId }), kase.caseId)).body;
        expect(alert).toMatchObject({ kind: 'reply-received', readableBy: 'facilitators', reply: { text: 'Will he be there? I am scared' } });
      }, 20_000);
    }
    expect((await alerts(h.t.token('facilitator', 'org-a', { userId: 'someone-else' }), kase.caseId)).body).toEqual([]);
    expect((await alerts(cases.coordinator, kase.caseId)).body).toEqual([expect.objectContaining({ kind: 'reply-received', readableBy: 'facilitators', reply: expect.objectContaining({ text: null }) })]);
  }, 120_000);
});
