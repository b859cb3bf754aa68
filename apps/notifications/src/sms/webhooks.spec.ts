import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { eventually } from '#testing';
import { type Harness, person, startNotifications } from '../../test/notifications.harness';
import type { Recipient } from '../../test/rpc-stand-ins';

describe('Twilio webhooks: status callbacks and replies', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startNotifications();
  });

  afterAll(() => h.close());

  /** A booked session three days ahead for one participant; resolves once its confirmation went and is recorded as sent. */
  async function confirmed(p: Recipient, caseId: string = randomUUID()): Promise<{ caseId: string; sessionId: string }> {
    const sessionId = randomUUID();
    h.rpc.route(caseId, p.participantId, p);
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    await h.deliver(
      h.event('session.booked', { sessionId, kind: 'conference', version: 1, participantIds: [p.participantId], facilitatorIds: [randomUUID()],
        startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(), venueId: randomUUID(), venueKind: 'community' }, caseId),
    );
    await eventually(() => expect(h.twilio.messages.filter((m) => m.to === p.sms)).toHaveLength(1));
    // A reply finds its participant through the latest message recorded as sent to the number.
    await eventually(async () => expect(await h.db.query(`SELECT 1 FROM notifications.message WHERE case_id = $1 AND channel = 'sms' AND status IN ('sent', 'delivered')`, [caseId])).toHaveLength(1));
    return { caseId, sessionId };
  }

  const statuses = async (caseId: string) =>
    (await h.db.query(`SELECT s.status FROM notifications.message_status s JOIN notifications.message m ON m.id = s.message_id WHERE m.case_id = $1 ORDER BY s.id`, [caseId])).map((r: { status: string }) => r.status);

  const reply = (p: Recipient, body: string) => h.twilio.sendInbound({ from: p.sms!, to: '+441632960001', body });

  it('follows the status callbacks forward only, however they arrive, and records the provider id', async () => {
    const p = person();
    h.twilio.setRecipientFault(p.sms!, { kind: 'out-of-order' });
    const { caseId } = await confirmed(p);
    await h.twilio.idle();
    await eventually(async () => expect(await statuses(caseId)).toEqual(['queued', 'sent', 'delivered']));
    const [message] = await h.db.query(`SELECT provider_id FROM notifications.message WHERE case_id = $1`, [caseId]);
    expect(message.provider_id).toBe(h.twilio.messages.find((m) => m.to === p.sms)!.sid);
  });

  it('refuses a callback or a reply without a valid signature with 403, and changes nothing', async () => {
    const p = person();
    const { caseId } = await confirmed(p);
    const [message] = await h.db.query(`SELECT id FROM notifications.message WHERE case_id = $1`, [caseId]);
    const path = `/webhooks/twilio/status?message=${message.id}`;
    const params = { MessageSid: 'SMforged', MessageStatus: 'failed' };
    const forged = getExpectedTwilioSignature('not-the-auth-token', `${h.publicUrl}${path}`, params);
    for (const signature of [forged, undefined]) {
      const call = request(h.t.http).post(path).type('form').send(params);
      expect((await (signature ? call.set('X-Twilio-Signature', signature) : call)).status).toBe(403);
    }
    const inbound = await request(h.t.http).post('/webhooks/twilio/inbound').type('form').set('X-Twilio-Signature', forged).send({ From: p.sms, Body: 'STOP', MessageSid: 'SMx' });
    expect(inbound.status).toBe(403);
    await h.twilio.idle();
    expect(await statuses(caseId)).not.toContain('failed');
    expect(await h.db.query(`SELECT * FROM notifications.opt_out`)).toEqual([]);
  });

  it('confirms attendance on C or YES and asks scheduling to reschedule on R, alerting the coordinator', async () => {
    const p = person();
    const { caseId, sessionId } = await confirmed(p);
    expect((await reply(p, 'yes')).responseBody).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    await reply(p, 'R');
    const events = await h.db.query(`SELECT type, payload FROM notifications.outbox_event WHERE case_id = $1 AND type LIKE 'reply.%' ORDER BY position`, [caseId]);
    expect(events).toEqual([
      { type: 'reply.attendance-confirmed', payload: expect.objectContaining({ sessionId, sessionVersion: 1, participantId: p.participantId, channel: 'sms' }) },
      { type: 'reply.reschedule-requested', payload: expect.objectContaining({ sessionId, sessionVersion: 1, participantId: p.participantId }) },
    ]);
    const alerts = await request(h.t.http).get(`/notifications/alerts?caseId=${caseId}`).set('Authorization', `Bearer ${h.t.token('coordinator')}`);
    expect(alerts.body).toEqual([expect.objectContaining({ kind: 'reschedule-requested', participantId: p.participantId, sessionId })]);
  });

  it('honours STOP and the other opt-out words at once, and START again', async () => {
    const p = person();
    const { caseId } = await confirmed(p);
    expect((await reply(p, 'Unsubscribe')).httpStatus).toBe(200);
    const [optedOut] = await h.db.query(`SELECT type, payload FROM notifications.outbox_event WHERE case_id = $1 AND type = 'channel.opted-out'`, [caseId]);
    expect(optedOut.payload).toMatchObject({ participantId: p.participantId, channel: 'sms' });

    // The next message for them has no SMS to go by; email (also safe) takes it.
    await confirmed(p, caseId);
    await eventually(() => expect(h.smtp.messagesTo(p.email!)).toHaveLength(1));
    expect(h.twilio.messages.filter((m) => m.to === p.sms)).toHaveLength(1);

    await reply(p, 'START');
    expect(await h.db.query(`SELECT opted_in_at IS NOT NULL AS back FROM notifications.opt_out`)).toEqual([{ back: true }]);
  });

  it('answers HELP with the service line and any other text with a neutral reply, keeping that text for the facilitators only', async () => {
    const p = person();
    const { caseId } = await confirmed(p);
    expect((await reply(p, 'HELP')).responseBody).toContain('<Message>For help, call 01632 960 000. Reply STOP to stop these messages.</Message>');
    const other = await reply(p, 'Will he be there? I am scared');
    expect(other.responseBody).toContain('Thank you, we have received your reply.');
    expect(other.responseBody).not.toMatch(/scared|he be/);
    const [alert] = (await request(h.t.http).get(`/notifications/alerts?caseId=${caseId}`).set('Authorization', `Bearer ${h.t.token('coordinator')}`)).body;
    expect(alert).toMatchObject({ kind: 'reply-received', reply: { text: 'Will he be there? I am scared' } });
    const [stored] = await h.db.query(`SELECT body FROM notifications.inbound WHERE keyword = 'other' AND case_id = $1`, [caseId]);
    expect(stored.body).not.toContain('scared');
    // Never onward: nothing went to anyone but the sender's automatic reply.
    expect(h.twilio.messages.filter((m) => m.to === p.sms)).toHaveLength(1);
  });
});
