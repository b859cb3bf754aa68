import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '#testing';
import { type Harness, nightZone, person, startNotifications } from '../../test/notifications.harness';
import type { Recipient } from '../../test/rpc-stand-ins';

const HOUR = 3600_000;

describe('sending: safe channels, quiet hours, content review, provider faults, invites', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startNotifications(undefined, { MAIL_FROM: 'Medway RJ <rj@medway.example.org>', MAIL_FROM_NEUTRAL: 'Appointments <appointments@example.net>' });
  });

  afterAll(() => h.close());

  function session(caseId: string, participants: Recipient[], startsInMs: number, version = 1, sessionId = randomUUID(), type: 'session.booked' | 'session.rescheduled' = 'session.booked') {
    for (const p of participants) h.rpc.route(caseId, p.participantId, p);
    const startsAt = new Date(Date.now() + startsInMs);
    const payload = {
      sessionId, kind: 'conference' as const, version, participantIds: participants.map((p) => p.participantId), facilitatorIds: [randomUUID()],
      startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString(), venueId: randomUUID(), venueKind: 'community' as const,
    };
    return type === 'session.booked'
      ? h.event('session.booked', payload, caseId)
      : h.event('session.rescheduled', { ...payload, previousStartsAt: payload.startsAt, previousVenueId: payload.venueId }, caseId);
  }

  /** An .ics with its folded lines joined again. */
  const unfold = (text: string) => text.replace(/\r?\n[ \t]/g, '');

  const messages = (caseId: string): Promise<{ channel: string; purpose: string; status: string; error: string | null }[]> =>
    h.db.query(`SELECT channel, purpose, status, error FROM notifications.message WHERE case_id = $1 ORDER BY created_at`, [caseId]);

  it('mails a participant who marked only email safe: plain and HTML parts, their own invite, a neutral sender when discreet', async () => {
    const caseId = randomUUID();
    const sessionId = randomUUID();
    const ana = person({ firstName: 'Ana', sms: null, discreet: true });
    const ben = person({ firstName: 'Ben', sms: null, email: 'ben@example.org' });
    await h.deliver(session(caseId, [ana, ben], 72 * HOUR, 1, sessionId));
    await eventually(() => expect(h.smtp.messagesTo(ana.email!)).toHaveLength(1));
    await eventually(() => expect(h.smtp.messagesTo(ben.email!)).toHaveLength(1));
    const [mail] = h.smtp.messagesTo(ana.email!);
    expect(mail!.from).toContain('appointments@example.net');
    expect(h.smtp.messagesTo(ben.email!)[0]!.from).toContain('rj@medway.example.org');
    expect(mail!.subject).toMatch(/^Your appointment on /);
    expect(mail!.text).toMatch(/^Hello Ana, your appointment is booked for /);
    expect(mail!.html).toContain('<p>Hello Ana');
    const invite = { ...mail!.calendars[0]!, text: unfold(mail!.calendars[0]!.text) };
    expect(invite!.method).toBe('REQUEST');
    expect(invite!.text).toContain(`UID:${sessionId}.${ana.participantId}@convene`);
    expect(invite!.text).toContain('SEQUENCE:1');
    expect(invite!.text).toContain(ana.email);
    expect(invite!.text).not.toContain(ben.email);

    await h.deliver(session(caseId, [ana, ben], 96 * HOUR, 2, sessionId, 'session.rescheduled'));
    await eventually(() => expect(h.smtp.messagesTo(ana.email!)).toHaveLength(2));
    expect(unfold(h.smtp.messagesTo(ana.email!)[1]!.calendars[0]!.text)).toMatch(new RegExp(`UID:${sessionId}.${ana.participantId}@convene[\\s\\S]*SEQUENCE:2`));

    await h.deliver(h.event('session.cancelled', { sessionId, kind: 'conference', version: 3, participantIds: [ana.participantId, ben.participantId], facilitatorIds: [], reason: 'cancelled-by-coordinator', wasBookedFor: new Date(Date.now() + 96 * HOUR).toISOString() }, caseId));
    await eventually(() => expect(h.smtp.messagesTo(ana.email!)).toHaveLength(3));
    const cancel = h.smtp.messagesTo(ana.email!)[2]!.calendars[0]!;
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.text).toContain('SEQUENCE:3');
    expect(cancel.text).toContain('STATUS:CANCELLED');
  });

  it('decides reminders due together in a batch: each of 40 attendees gets theirs once, screened against the others, cases asked a few times, not 40', async () => {
    const caseId = randomUUID();
    // Half by SMS, half by email; names that differ from the first letters (Aa, Ba, ... Za, Ab...).
    const people = Array.from({ length: 40 }, (_, i) => person({ firstName: `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}lex`, ...(i % 2 ? { email: null } : { sms: null }) }));
    const unreachable = people[7]!;
    const asked = h.rpc.requests.length;
    const event = session(caseId, people, 72 * HOUR);
    h.rpc.route(caseId, unreachable.participantId, null, 'the participant is not on the case');
    await h.deliver(event);
    const got = (p: Recipient) => (p.sms ? h.twilio.messages.filter((m) => m.to === p.sms).map((m) => m.body) : h.smtp.messagesTo(p.email!).map((m) => m.text!));
    await eventually(() => expect(people.filter((p) => p !== unreachable && got(p).length === 1)).toHaveLength(39), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const p of people) {
      const texts = got(p);
      expect(texts).toHaveLength(p === unreachable ? 0 : 1);
      // Only their own name: the other 39 are people it must not reveal.
      if (texts[0]) expect(people.filter((o) => o !== p && texts[0]!.includes(o.firstName))).toEqual([]);
    }
    expect(h.rpc.requests.length - asked).toBeLessThan(10);
    // Answers and Twilio's callbacks recorded in batches, racing each other: each history once, in order.
    await eventually(async () => {
      const histories: { channel: string; statuses: string }[] = await h.db.query(
        `SELECT m.channel, string_agg(s.status, ',' ORDER BY s.id) AS statuses FROM notifications.message m JOIN notifications.message_status s ON s.message_id = m.id
         WHERE m.case_id = $1 GROUP BY m.id, m.channel`,
        [caseId],
      );
      expect(histories.filter((m) => m.channel === 'sms').map((m) => m.statuses)).toEqual(Array(19).fill('queued,sent,delivered'));
      expect(histories.filter((m) => m.channel === 'email').map((m) => m.statuses)).toEqual(Array(20).fill('queued,sent'));
    });
    const rows: { status: string; n: number }[] = await h.db.query(`SELECT status, count(*)::int AS n FROM notifications.reminder WHERE case_id = $1 AND kind = 'confirmation' GROUP BY status ORDER BY status`, [caseId]);
    expect(rows).toEqual([{ status: 'dropped', n: 1 }, { status: 'messaged', n: 39 }]);
  });

  it('sends the logistics of a person in custody to their offender manager only', async () => {
    const caseId = randomUUID();
    const manager = person({ role: 'offender-manager', relation: 'offender-manager-for-person-in-custody', firstName: 'Olu', sms: null });
    const inCustody = randomUUID();
    h.rpc.route(caseId, inCustody, manager);
    const event = session(caseId, [], 72 * HOUR);
    (event.payload as { participantIds: string[] }).participantIds = [inCustody];
    await h.deliver(event);
    await eventually(() => expect(h.smtp.messagesTo(manager.email!)).toHaveLength(1));
    expect(h.smtp.messagesTo(manager.email!)[0]!.text).toMatch(/^Hello Olu/);
    const [row] = await h.db.query(`SELECT participant_id, recipient_id FROM notifications.message WHERE case_id = $1`, [caseId]);
    expect(row).toEqual({ participant_id: inCustody, recipient_id: manager.participantId });
  });

  it('defers an SMS due in quiet hours to their end, and drops one that would then be too late', async () => {
    const zone = nightZone();
    const later = person({ timeZone: zone, email: null });
    const soon = person({ timeZone: zone, email: null });
    const [laterCase, soonCase] = [randomUUID(), randomUUID()];
    await h.deliver(session(laterCase, [later], 72 * HOUR));
    await h.deliver(session(soonCase, [soon], 2.5 * HOUR));
    await eventually(async () => {
      const [deferred] = await h.db.query(`SELECT status, outcome, due_at FROM notifications.reminder WHERE case_id = $1 AND kind = 'confirmation'`, [laterCase]);
      expect(deferred).toMatchObject({ status: 'planned', outcome: 'deferred-quiet-hours' });
      expect(new Date(deferred.due_at).getTime()).toBeGreaterThan(Date.now() + HOUR);
      expect(await messages(soonCase)).toEqual([{ channel: 'sms', purpose: 'confirmation', status: 'dropped', error: null }]);
    });
    expect(h.twilio.messages.filter((m) => m.to === later.sms || m.to === soon.sms)).toEqual([]);
    // The coordinator sees the deferred one coming in the case's message log: why, and when it goes.
    const [{ due_at: dueAt }] = await h.db.query(`SELECT due_at FROM notifications.reminder WHERE case_id = $1 AND kind = 'confirmation'`, [laterCase]);
    const log = (await request(h.t.http).get(`/cases/${laterCase}/messages`).set('Authorization', `Bearer ${h.t.token('coordinator')}`)).body;
    expect(log).toEqual([
      expect.objectContaining({
        participantId: later.participantId, channel: 'sms', purpose: 'confirmation', status: 'planned', body: null, goesAt: new Date(dueAt).toISOString(),
        statuses: [expect.objectContaining({ status: 'planned', detail: `deferred by quiet hours until ${new Date(dueAt).toISOString()}` })],
      }),
    ]);
    expect((await request(h.t.http).get(`/cases/${laterCase}/messages`).set('Authorization', `Bearer ${h.t.token('coordinator', 'org-b')}`)).body).toEqual([]);
  });

  it('holds a message the policy refuses; an edit is screened again, and only a clean text is released and sent', async () => {
    const caseId = randomUUID();
    // A first name recorded as an initial is not one the template may use: held, with the reason.
    const jay = person({ firstName: 'J.' });
    const other = person({ firstName: 'Mark', role: 'person-responsible' });
    await h.deliver(session(caseId, [jay, other], 72 * HOUR));
    const coordinator = h.t.token('coordinator');
    const api = (method: 'get' | 'put' | 'post', path: string, body?: object) => {
      const call = request(h.t.http)[method](path).set('Authorization', `Bearer ${coordinator}`);
      return body ? call.send(body) : call;
    };
    const held = await eventually(async () => {
      const list = (await api('get', '/notifications/review')).body as { id: string; participantId: string; reasons: string[] }[];
      const mine = list.find((m) => m.participantId === jay.participantId);
      expect(mine?.reasons).toEqual(["slot name: must be the recipient's own first name"]);
      return mine!;
    });
    expect((await request(h.t.http).get('/notifications/review').set('Authorization', `Bearer ${h.t.token('coordinator', 'org-b')}`)).body).toEqual([]);
    // Its template did not render: no text, so nothing to release until it is edited.
    const empty = await api('post', `/notifications/review/${held.id}/release`);
    expect(empty.status).toBe(409);
    expect(empty.body).toMatchObject({ error: 'empty-text', message: expect.stringContaining("has no text: its template did not render (slot name: must be the recipient's own first name)") });
    expect((await request(h.t.http).get('/notifications/review').set('Authorization', `Bearer ${h.t.token('facilitator')}`)).status).toBe(403);

    const naming = await api('put', `/notifications/review/${held.id}`, { body: 'Hello, your appointment is booked. Mark will be there too.' });
    expect(naming.body.reasons).toEqual(['other-party-pii: names Mark (person-responsible)'.replace('Mark', other.participantId)]);
    const refused = await api('post', `/notifications/review/${held.id}/release`);
    expect(refused.status).toBe(409);

    await api('put', `/notifications/review/${held.id}`, { body: 'Hello, your appointment is booked. Questions: 01632 960 000.' });
    const released = await api('post', `/notifications/review/${held.id}/release`);
    expect(released.body).toMatchObject({ status: 'queued', reasons: [] });
    await eventually(() => expect(h.twilio.messages.filter((m) => m.to === jay.sms).map((m) => m.body)).toEqual(['Hello, your appointment is booked. Questions: 01632 960 000.']));
    // Twilio's delivered callback comes after the stand-in has the message.
    await eventually(async () => {
      const log = (await api('get', `/cases/${caseId}/messages`)).body as { participantId: string; statuses: { status: string }[] }[];
      expect(log.find((m) => m.participantId === jay.participantId)!.statuses.map((s) => s.status)).toEqual(['held', 'held', 'held', 'released', 'queued', 'sent', 'delivered']);
    });
  });

  it('retries a provider hiccup without sending twice, and after a permanent refusal alerts and tries email', async () => {
    const caseId = randomUUID();
    const flaky = person();
    h.twilio.setRecipientFault(flaky.sms!, { kind: 'transient', status: 503, times: 2 });
    const invalid = person({ firstName: 'Ivy' });
    h.twilio.setRecipientFault(invalid.sms!, { kind: 'reject', code: 21211 });
    await h.deliver(session(caseId, [flaky, invalid], 72 * HOUR));
    await eventually(() => expect(h.twilio.messages.filter((m) => m.to === flaky.sms)).toHaveLength(1));
    expect(h.twilio.requests.filter((r) => r.to === flaky.sms).map((r) => r.httpStatus)).toEqual([503, 503, 201]);
    await eventually(() => expect(h.smtp.messagesTo(invalid.email!)).toHaveLength(1));
    const alerts = (await request(h.t.http).get(`/notifications/alerts?caseId=${caseId}`).set('Authorization', `Bearer ${h.t.token('coordinator')}`)).body;
    expect(alerts).toEqual([expect.objectContaining({ kind: 'delivery-failed', participantId: invalid.participantId, detail: 'confirmation by sms failed: twilio 400 error 21211' })]);
  });

  it('gives an SMS a validity period that ends when the session starts', async () => {
    const caseId = randomUUID();
    const p = person();
    await h.deliver(session(caseId, [p], 3 * HOUR));
    await eventually(() => expect(h.twilio.messages.filter((m) => m.to === p.sms)).toHaveLength(1));
    const validity = h.twilio.messages.find((m) => m.to === p.sms)!.validityPeriod!;
    expect(validity).toBeLessThanOrEqual(3 * 3600);
    expect(validity).toBeGreaterThan(3 * 3600 - 60);
  });

  it('sends a poll link asked of scheduling at send time, and nothing for a poll already closed', async () => {
    const caseId = randomUUID();
    const [open, closed, local] = [person({ firstName: 'Pat' }), person(), person({ firstName: 'Lee' })];
    const [openPoll, closedPoll, localPoll, sessionId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const p of [open, closed, local]) h.rpc.route(caseId, p.participantId, p);
    h.rpc.pollLink(openPoll, open.participantId, { url: 'https://poll.example.org/polls/t0k3n', closesAt: new Date(Date.now() + 72 * HOUR).toISOString() });
    // A local run's link is under its own public address, plain http on 127.0.0.1 (not a link domain).
    h.rpc.pollLink(localPoll, local.participantId, { url: `${h.publicUrl}/polls/l0cal`, closesAt: new Date(Date.now() + 72 * HOUR).toISOString() });
    for (const [pollId, p] of [[openPoll, open], [closedPoll, closed], [localPoll, local]] as const) {
      await h.deliver(h.event('poll.opened', { pollId, sessionId, participantId: p.participantId, options: [], closesAt: new Date(Date.now() + 72 * HOUR).toISOString() }, caseId));
    }
    await eventually(() => expect(h.twilio.messages.filter((m) => m.to === open.sms).map((m) => m.body)).toEqual([expect.stringMatching(/^Hello Pat, please choose the times that suit you: https:\/\/poll\.example\.org\/polls\/t0k3n/)]));
    await eventually(async () => expect(await h.db.query(`SELECT participant_id, status, outcome FROM notifications.reminder WHERE poll_id = $1`, [closedPoll])).toEqual([{ participant_id: closed.participantId, status: 'dropped', outcome: 'poll-closed' }]));
    await eventually(() => expect(h.twilio.messages.filter((m) => m.to === local.sms).map((m) => m.body)).toEqual([expect.stringContaining(`: ${h.publicUrl}/polls/l0cal`)]));
    // The link's token never rests here: not in the job, not in the log's clear columns.
    const stored = JSON.stringify(await h.db.query(`SELECT * FROM notifications.message WHERE case_id = $1`, [caseId]));
    expect(stored).not.toContain('t0k3n');
  });

  it('settles an SMS whose answer was lost by the callback that names it, and sends again one Twilio never took', async () => {
    const caseId = randomUUID();
    const [taken, lost] = [person({ email: null }), person({ email: null })];
    h.twilio.setRecipientFault(taken.sms!, { kind: 'drop-connection', accepted: true });
    await h.deliver(session(caseId, [taken], 72 * HOUR));
    await eventually(async () => expect(await messages(caseId)).toEqual([expect.objectContaining({ status: 'delivered' })]));
    h.twilio.setRecipientFault(taken.sms!, undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(h.twilio.messages.filter((m) => m.to === taken.sms)).toHaveLength(1);

    h.twilio.setRecipientFault(lost.sms!, { kind: 'drop-connection', accepted: false });
    const otherCase = randomUUID();
    await h.deliver(session(otherCase, [lost], 72 * HOUR));
    await eventually(() => expect(h.twilio.requests.filter((r) => r.to === lost.sms).length).toBeGreaterThanOrEqual(1));
    h.twilio.setRecipientFault(lost.sms!, undefined);
    // After the grace with no callback it is sent again, and once.
    await eventually(() => expect(h.twilio.messages.filter((m) => m.to === lost.sms)).toHaveLength(1), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(h.twilio.messages.filter((m) => m.to === lost.sms)).toHaveLength(1);
  });
});
