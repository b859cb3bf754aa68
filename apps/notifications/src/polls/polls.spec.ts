import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { eventually } from '#testing';
import { type Harness, person, startNotifications } from '../../test/notifications.harness';
import type { Recipient } from '../../test/rpc-stand-ins';
import { POLL_SMS_MAX_OPTIONS } from './poll-numbering';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('availability polls by SMS: the times numbered, answers by reply', () => {
  let h: Harness;

  beforeAll(async () => {
    // Quiet hours are covered on their own; here they would make the outcome depend on the hour.
    h = await startNotifications(undefined, { QUIET_HOURS_START: '0', QUIET_HOURS_END: '0' });
  });

  afterAll(() => h.close());

  interface Poll {
    pollId: string;
    sessionId: string;
    caseId: string;
    /** In start order: what the SMS numbers 1, 2, 3... */
    options: { optionId: string; startsAt: string; endsAt: string }[];
  }

  /** Times from Monday 17 March 2031 (after the US, before the UK clock change), a day apart at 09:00, 11:30, 14:00 UTC, given out of order. */
  function times(count: number) {
    const base = Date.UTC(2031, 2, 17);
    const inOrder = Array.from({ length: count }, (_, i) => {
      const startsAt = new Date(base + i * DAY + (9 + (i % 3) * 2.5) * HOUR);
      return { optionId: randomUUID(), startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString() };
    });
    return { inOrder, given: [...inOrder].reverse() };
  }

  /** A poll opened for one participant, its link answered by the scheduling stand-in; resolves once its SMS is recorded as sent. */
  async function polled(p: Recipient, count = 3, closesAt = new Date(Date.now() + 7 * DAY)): Promise<Poll> {
    const [pollId, sessionId, caseId] = [randomUUID(), randomUUID(), randomUUID()];
    h.rpc.route(caseId, p.participantId, p);
    h.rpc.pollLink(pollId, p.participantId, { url: `https://poll.example.org/polls/${pollId}`, closesAt: new Date(Date.now() + 7 * DAY).toISOString() });
    const { inOrder, given } = times(count);
    const opened = h.event('poll.opened', { pollId, sessionId, participantId: p.participantId, options: given, closesAt: closesAt.toISOString() }, caseId);
    expect(await h.deliver(opened)).toBe('handled');
    if (p.sms) {
      await eventually(() => expect(sms(p)).toHaveLength(1));
      await eventually(async () => expect(await h.db.query(`SELECT 1 FROM notifications.message WHERE case_id = $1 AND channel = 'sms' AND status IN ('sent', 'delivered')`, [caseId])).toHaveLength(1));
    }
    return { pollId, sessionId, caseId, options: inOrder };
  }

  const sms = (p: Recipient) => h.twilio.messages.filter((m) => m.to === p.sms).map((m) => m.body);

  /** A reply as Twilio posts it, signed; the same MessageSid again is Twilio retrying the webhook. */
  async function reply(p: Recipient, body: string, messageSid = `SM${randomUUID().replace(/-/g, '')}`): Promise<string> {
    const params = { MessageSid: messageSid, From: p.sms!, To: '+441632960001', Body: body };
    const signature = getExpectedTwilioSignature(h.twilio.authToken, `${h.publicUrl}/webhooks/twilio/inbound`, params);
    const response = await request(h.t.http).post('/webhooks/twilio/inbound').type('form').set('X-Twilio-Signature', signature).send(params);
    expect(response.status).toBe(200);
    return response.text;
  }

  const events = (caseId: string, type: string): Promise<{ payload: Record<string, unknown> }[]> =>
    h.db.query(`SELECT payload FROM notifications.outbox_event WHERE case_id = $1 AND type = $2 ORDER BY position`, [caseId, type]);

  const message = (text: string) => `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${text.replace(/'/g, '&apos;')}</Message></Response>`;

  it('keeps the poll\'s times once, in start order, however often poll.opened comes', async () => {
    const p = person({ sms: null });
    const poll = await polled(p);
    const again = h.event('poll.opened', { pollId: poll.pollId, sessionId: poll.sessionId, participantId: p.participantId, options: [...poll.options].reverse().slice(1), closesAt: new Date().toISOString() }, poll.caseId);
    expect(await h.deliver(again)).toBe('handled');
    const rows = await h.db.query(`SELECT options, closes_at > now() AS open FROM notifications.poll WHERE id = $1`, [poll.pollId]);
    expect(rows).toEqual([{ options: poll.options, open: true }]);
  });

  it('lists the times numbered in the recipient\'s own zone, says how to answer, keeps the link; the email keeps the link only', async () => {
    const p = person({ firstName: 'Pat', timeZone: 'America/New_York' });
    const poll = await polled(p, 3);
    expect(sms(p)[0]).toBe(
      'Hello Pat, which of these times suit you?\n1) Mon 17 Mar 05:00\n2) Tue 18 Mar 07:30\n3) Wed 19 Mar 10:00\n' +
        `Reply with the numbers of the times that suit you (e.g. 1 3), or 0 if none do. Or choose here: https://poll.example.org/polls/${poll.pollId}`,
    );
    expect(h.twilio.messages.find((m) => m.to === p.sms)!.numSegments).toBeLessThanOrEqual(3);

    const mailed = person({ firstName: 'Ola', sms: null });
    await polled(mailed);
    await eventually(() => expect(h.smtp.messagesTo(mailed.email!)).toHaveLength(1));
    expect(h.smtp.messagesTo(mailed.email!)[0]!.text).toMatch(new RegExp(`^Hello Ola, please choose the times that suit you: https://poll\\.example\\.org/polls/\\S+ Questions: `));
  });

  it('writes to a Welsh speaker in Welsh, times included, and answers them in Welsh', async () => {
    const p = person({ firstName: 'Cerys', language: 'cy', timeZone: 'Europe/London' });
    const poll = await polled(p, POLL_SMS_MAX_OPTIONS);
    expect(POLL_SMS_MAX_OPTIONS).toBe(6);
    expect(sms(p)[0]).toBe(
      "Helo Cerys, pa rai o'r amseroedd hyn sy'n gyfleus i chi?\n1) Llun 17 Maw 09:00\n2) Maw 18 Maw 11:30\n3) Mer 19 Maw 14:00\n4) Iau 20 Maw 09:00\n5) Gwe 21 Maw 11:30\n6) Sad 22 Maw 14:00\n" +
        `Atebwch gyda rhifau'r amseroedd sy'n gyfleus (e.e. 1 3), neu 0 os nad oes un yn gyfleus. Neu dewiswch yma: https://poll.example.org/polls/${poll.pollId}`,
    );
    expect(h.twilio.messages.find((m) => m.to === p.sms)!.numSegments).toBeLessThanOrEqual(3);
    expect(await reply(p, '9')).toBe(message(`Atebwch gyda rhifau o 1 i ${POLL_SMS_MAX_OPTIONS} ar gyfer yr amseroedd sy'n gyfleus (e.e. 1 3), neu 0 os nad oes un yn gyfleus.`));
    expect(await reply(p, '2 a 4')).toBe(message('Diolch, mae eich ateb gennym. Byddwn yn cysylltu am yr amser. Cwestiynau: 01632 960 000.'));
    expect((await events(poll.caseId, 'poll.answered')).map((e) => e.payload.chosenOptionIds)).toEqual([[poll.options[1]!.optionId, poll.options[3]!.optionId]]);
  });

  it(`sends a poll of more than ${POLL_SMS_MAX_OPTIONS} times as its link only, and reads no numbers in reply to it`, async () => {
    const p = person({ firstName: 'Pat' });
    const poll = await polled(p, POLL_SMS_MAX_OPTIONS + 1);
    expect(sms(p)).toEqual([expect.stringMatching(/^Hello Pat, please choose the times that suit you: https:\/\/poll\.example\.org\/polls\/\S+ Questions: /)]);
    expect(await reply(p, '1 3')).toContain('Thank you, we have received your reply.');
    expect(await events(poll.caseId, 'poll.answered')).toEqual([]);
  });

  it('carries "1 3" back to scheduling once, as poll.answered with those options, however often Twilio posts it; the answer thanks them', async () => {
    const p = person();
    const poll = await polled(p);
    const sid = `SM${randomUUID().replace(/-/g, '')}`;
    const thanks = message('Thank you, we have your answer. We will be in touch about the time. Questions: 01632 960 000.');
    expect(await reply(p, '1 3', sid)).toBe(thanks);
    expect(await reply(p, '1 3', sid)).toBe(thanks);
    const answered = await events(poll.caseId, 'poll.answered');
    expect(answered).toEqual([{ payload: { pollId: poll.pollId, participantId: p.participantId, chosenOptionIds: [poll.options[0]!.optionId, poll.options[2]!.optionId], answeredAt: expect.any(String) } }]);
    // Ids and facts only: nothing of the reply's number or text.
    expect(JSON.stringify(answered)).not.toContain(p.sms!.slice(-6));
    expect(await h.db.query(`SELECT keyword, body, participant_id FROM notifications.inbound WHERE provider_id = $1`, [sid])).toEqual([{ keyword: 'poll-answer', body: null, participant_id: p.participantId }]);

    // A later answer replaces it in scheduling: it goes too, in its own words ("1,2", "2 and 3").
    await reply(p, '2 and 3');
    expect((await events(poll.caseId, 'poll.answered')).map((e) => e.payload.chosenOptionIds)).toEqual([
      [poll.options[0]!.optionId, poll.options[2]!.optionId],
      [poll.options[1]!.optionId, poll.options[2]!.optionId],
    ]);
  });

  it.each([['0'], ['NONE'], ['dim']])('takes %j as none of the times suiting: poll.answered with no option', async (body) => {
    const p = person();
    const poll = await polled(p);
    expect(await reply(p, body)).toContain('Thank you, we have your answer.');
    expect((await events(poll.caseId, 'poll.answered')).map((e) => e.payload.chosenOptionIds)).toEqual([[]]);
  });

  it('asks again for numbers from 1 to n when a number was not offered, and records nothing', async () => {
    const p = person();
    const poll = await polled(p, 4);
    for (const body of ['5', '1 5', '0 2']) expect(await reply(p, body)).toBe(message('Please reply with numbers from 1 to 4 for the times that suit you (e.g. 1 3), or 0 if none do.'));
    expect(await events(poll.caseId, 'poll.answered')).toEqual([]);
  });

  it('says the poll has closed, and records nothing, once its closing time passed or its session was booked', async () => {
    const closedText = message('Thank you. This poll has closed; to arrange a time, please call 01632 960 000.');
    const late = person();
    const expired = await polled(late, 3, new Date(Date.now() - 60_000));
    expect(await reply(late, '1')).toBe(closedText);
    expect(await events(expired.caseId, 'poll.answered')).toEqual([]);

    const p = person();
    const poll = await polled(p);
    // Booked (here with someone else only, so the poll message stays the latest to this number): scheduling's poll is closed.
    const other = person();
    h.rpc.route(poll.caseId, other.participantId, other);
    const startsAt = new Date(Date.now() + 5 * DAY);
    await h.deliver(h.event('session.booked', { sessionId: poll.sessionId, kind: 'preparation', version: 1, participantIds: [other.participantId], facilitatorIds: [],
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString(), venueId: randomUUID(), venueKind: 'community' }, poll.caseId));
    expect(await reply(p, '1 3')).toBe(closedText);
    expect(await events(poll.caseId, 'poll.answered')).toEqual([]);
  });

  it('keeps the reply words: C confirms no attendance to a poll message, STOP opts out, anything else goes to the facilitators', async () => {
    const p = person();
    const poll = await polled(p);
    expect(await reply(p, 'C')).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(await reply(p, '1 3 please, mornings are best')).toContain('Thank you, we have received your reply.');
    expect(await reply(p, 'STOP')).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    const types = await h.db.query(`SELECT type FROM notifications.outbox_event WHERE case_id = $1 AND type <> 'message.status-changed' ORDER BY position`, [poll.caseId]);
    expect(types).toEqual([{ type: 'channel.opted-out' }]);
    const alerts = (await request(h.t.http).get(`/notifications/alerts?caseId=${poll.caseId}`).set('Authorization', `Bearer ${h.t.token('coordinator')}`)).body;
    expect(alerts).toEqual([expect.objectContaining({ kind: 'reply-received', reply: expect.objectContaining({ text: '1 3 please, mornings are best' }) })]);
  });
});
