import request from 'supertest';
import { eventually } from '#testing';
import type { CasesFactory } from '../apps/cases/test/cases.factory';
import type { Harness } from '../apps/notifications/test/notifications.harness';
import { SARAH_SMS, startComposedNotifications } from './composed-notifications';

const OLU_EMAIL = 'olu@probation.example.net';

/**
 * Cases, scheduling and notifications together, events through the real outbox and relay, the
 * contact route asked of the real cases service: the messages a booking, a move and a
 * cancellation produce at the Twilio stand-in and the SMTP catcher.
 */
describe('notifications fed by scheduling, routed by cases', () => {
  let h: Harness;
  let cases: CasesFactory;

  beforeAll(async () => {
    ({ h, cases } = await startComposedNotifications());
  });

  afterAll(() => h.close());

  const sms = (to: string) => h.twilio.messages.filter((m) => m.to === to).map((m) => m.body);

  async function bookable(kase: { caseId: string }, participantIds: string[], venueId: string) {
    const lead = h.t.token('facilitator', 'org-a', { userId: 'lead' });
    const session = await cases.ok('post', `/cases/${kase.caseId}/session-requests`, lead, { kind: 'preparation', participantIds });
    await eventually(async () => expect((await cases.call('get', `/sessions/${session.id}`, cases.coordinator)).status).toBe(200));
    const options = await cases.ok<{ start: string; venueId: string }[]>('get', `/sessions/${session.id}/suggestions?k=3`, cases.coordinator);
    const mine = options.filter((o) => o.venueId === venueId);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    return { sessionId: session.id as string, options: mine };
  }

  it('tells the person harmed of the booking, the move and the cancellation, once each, and the person in custody nothing while the offender manager gets the logistics', async () => {
    const leadFacilitator = await cases.facilitator('lead');
    const co = await cases.facilitator('co');
    const kase = await cases.caseInPreparation({ id: leadFacilitator.id, token: h.t.token('facilitator', 'org-a', { userId: 'lead' }) }, co.id);
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    const hub = await cases.ok('post', '/venues', cases.coordinator, { kind: 'community', label: 'Community hub', timeZone: 'Europe/London', accessible: true, hours });
    const prison = await cases.ok('post', '/venues', cases.coordinator, {
      kind: 'prison', label: 'HMP Elmley visits hall', timeZone: 'Europe/London', accessible: true, establishment: 'hmp-elmley', hours,
    });

    // The person harmed: booked, moved, cancelled.
    const { sessionId, options } = await bookable(kase, [kase.harmed.id], hub.id);
    await cases.ok('post', `/sessions/${sessionId}/hold`, cases.coordinator, { start: options[0]!.start, venueId: hub.id });
    await cases.ok('post', `/sessions/${sessionId}/confirm`, cases.coordinator);
    await eventually(() => expect(sms(SARAH_SMS)).toEqual([expect.stringMatching(/^Hello Sarah, your appointment is booked for /)]), 20_000);
    await cases.ok('post', `/sessions/${sessionId}/reschedule`, cases.coordinator, { start: options[1]!.start, venueId: hub.id });
    await eventually(() => expect(sms(SARAH_SMS)).toEqual([expect.stringContaining('is booked for'), expect.stringMatching(/^Hello Sarah, your appointment has moved to /)]), 20_000);
    await cases.ok('post', `/sessions/${sessionId}/cancel`, cases.coordinator);
    await eventually(() => expect(sms(SARAH_SMS)).toHaveLength(3), 20_000);
    expect(sms(SARAH_SMS)[2]).toMatch(/^Hello Sarah, your appointment on .* has been cancelled/);

    // The person responsible, in custody: a session at the prison with their offender manager.
    const custody = await bookable(kase, [kase.responsible.id, kase.offenderManager.id], prison.id);
    await cases.ok('post', `/sessions/${custody.sessionId}/hold`, cases.coordinator, { start: custody.options[0]!.start, venueId: prison.id });
    await cases.ok('post', `/sessions/${custody.sessionId}/confirm`, cases.coordinator);
    await eventually(() => expect(h.smtp.messagesTo(OLU_EMAIL)).toHaveLength(1), 20_000);
    expect(h.smtp.messagesTo(OLU_EMAIL)[0]!.text).toMatch(/^Hello Olu, your appointment is booked for /);

    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sms(SARAH_SMS)).toHaveLength(3);
    expect(h.smtp.messages.map((m) => m.envelope.to).flat()).toEqual([OLU_EMAIL]);
    expect(h.twilio.messages.map((m) => m.to)).toEqual([SARAH_SMS, SARAH_SMS, SARAH_SMS]);

    const log = (await request(h.t.http).get(`/cases/${kase.caseId}/messages`).set('Authorization', `Bearer ${cases.coordinator}`)).body as { participantId: string; recipientId: string; purpose: string; channel: string }[];
    expect(log.map((m) => [m.participantId === kase.harmed.id ? 'harmed' : m.participantId === kase.offenderManager.id ? 'manager' : 'other', m.purpose, m.channel])).toEqual([
      ['harmed', 'confirmation', 'sms'],
      ['harmed', 'reschedule', 'sms'],
      ['harmed', 'cancellation', 'sms'],
      ['manager', 'confirmation', 'email'],
    ]);
    // Nothing of the contact details rests in notifications' tables.
    const dump = JSON.stringify(await h.db.query(`SELECT * FROM notifications.message`)) + JSON.stringify(await h.db.query(`SELECT * FROM notifications.reminder`));
    for (const detail of ['07700', '900123', 'example.org', 'example.net', 'Sarah', 'Olu']) expect({ detail, found: dump.includes(detail) }).toEqual({ detail, found: false });
  }, 120_000);
});
