import { DateTime } from 'luxon';
import { eventually } from '#testing';
import type { CasesFactory } from '../apps/cases/test/cases.factory';
import type { Harness } from '../apps/notifications/test/notifications.harness';
import { SARAH_SMS, startComposedNotifications } from './composed-notifications';

interface PollView {
  id: string;
  status: string;
  timeZone: string;
  chosen: string[] | null;
  candidates: { optionId: string; start: string }[];
}

/**
 * A poll opened in the real scheduling service reaches the person harmed by SMS (routed by the
 * real cases service) with its times numbered; their reply by numbers comes back through both
 * outboxes and relays and is recorded on the poll, as an answer on its page would be.
 */
describe('an availability poll answered by SMS reply', () => {
  let h: Harness;
  let cases: CasesFactory;

  beforeAll(async () => {
    ({ h, cases } = await startComposedNotifications());
  });

  afterAll(() => h.close());

  const sms = () => h.twilio.messages.filter((m) => m.to === SARAH_SMS);

  it('lists the poll\'s times numbered, and records "1 3" on the poll in scheduling', async () => {
    const lead = await cases.facilitator('lead');
    const co = await cases.facilitator('co');
    const leadToken = h.t.token('facilitator', 'org-a', { userId: 'lead' });
    const kase = await cases.caseInPreparation({ id: lead.id, token: leadToken }, co.id);
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    await cases.ok('post', '/venues', cases.coordinator, { kind: 'community', label: 'Community hub', timeZone: 'Europe/London', accessible: true, hours });
    const session = await cases.ok('post', `/cases/${kase.caseId}/session-requests`, leadToken, { kind: 'preparation', participantIds: [kase.harmed.id] });
    await eventually(async () => expect((await cases.call('get', `/sessions/${session.id}`, cases.coordinator)).status).toBe(200));

    const poll = await cases.ok<PollView>('post', `/sessions/${session.id}/polls`, cases.coordinator, { participantId: kase.harmed.id, count: 3 });
    const inOrder = [...poll.candidates].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    await eventually(() => expect(sms()).toHaveLength(1), 20_000);
    const lines = inOrder.map((c, i) => `${i + 1}) ${DateTime.fromISO(c.start).setZone(poll.timeZone).setLocale('en').toFormat('ccc d LLL HH:mm')}`);
    const [text, link] = sms()[0]!.body.split(' Or choose here: ');
    expect(text).toBe(`Hello Sarah, which of these times suit you?\n${lines.join('\n')}\nReply with the numbers of the times that suit you (e.g. 1 3), or 0 if none do.`);
    expect(link).toMatch(new RegExp(`^${h.publicUrl.replace(/\./g, '\\.')}/polls/\\S+$`));
    expect(sms()[0]!.numSegments).toBeLessThanOrEqual(3);
    // A reply finds its participant through the latest message recorded as sent to the number.
    await eventually(async () => expect(await h.db.query(`SELECT 1 FROM notifications.message WHERE case_id = $1 AND status IN ('sent', 'delivered')`, [kase.caseId])).toHaveLength(1));

    const answer = await h.twilio.sendInbound({ from: SARAH_SMS, to: '+441632960001', body: '1 3' });
    expect(answer.responseBody).toContain('<Message>Thank you, we have your answer.');
    await eventually(async () => {
      const [recorded] = await cases.ok<PollView[]>('get', `/sessions/${session.id}/polls`, cases.coordinator);
      expect(recorded).toMatchObject({ id: poll.id, status: 'answered', chosen: [inOrder[0]!.start, inOrder[2]!.start] });
    }, 20_000);
  }, 120_000);
});
