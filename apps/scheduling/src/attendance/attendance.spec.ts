import { Logger } from '@nestjs/common';
import type { DomainEvent, EventPayloads } from '#contracts';
import { createTestApp, type TestApp } from '#testing';
import { organisations, type SchedulingFactory, type TestCase } from '../../test/scheduling.factory';
import { SchedulingWorkerModule } from '../scheduling-worker.module';

type ReplyType = 'reply.attendance-confirmed' | 'reply.reschedule-requested';

describe('replies to reminders, attendance and outcomes', () => {
  let t: TestApp;
  const organisation = organisations(() => t, 'att');

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule]);
  });

  afterAll(() => t.close());

  /** A booked session of a new case, with both parties attending, at the first option. */
  async function booked(f: SchedulingFactory): Promise<{ c: TestCase; session: string; venueId: string; version: number }> {
    await f.venue({ kind: 'community', label: 'Hub' });
    const c = await f.case();
    const session = await f.request(c, 'preparation', [c.harmed, c.responsible]);
    const [option] = await f.ok<{ start: string; venueId: string }[]>('get', `/sessions/${session}/suggestions?k=1`);
    await f.ok('post', `/sessions/${session}/hold`, { start: option!.start, venueId: option!.venueId });
    const { version } = await f.ok('post', `/sessions/${session}/confirm`);
    return { c, session, venueId: option!.venueId, version };
  }

  /** A reply as the notifications service publishes it: a new event id each time, even for the same reply. */
  function reply<T extends ReplyType>(f: SchedulingFactory, type: T, payload: Partial<EventPayloads[T]> & { sessionId: string; participantId: string }): DomainEvent<T> {
    const facts = { sessionVersion: 1, channel: 'sms' as const, receivedAt: new Date().toISOString(), ...payload };
    return { ...f.event(type, facts as EventPayloads[T], null), source: 'notifications' };
  }

  it('records a confirming reply for the version replied to and announces it once, however often it arrives', async () => {
    const f = organisation();
    const { c, session } = await booked(f);
    expect(await f.deliver(reply(f, 'reply.attendance-confirmed', { sessionId: session, participantId: c.harmed }))).toBe('handled');
    expect(await f.deliver(reply(f, 'reply.attendance-confirmed', { sessionId: session, participantId: c.harmed }))).toBe('handled');
    // The coordinator confirming the same person again changes nothing either.
    await f.ok('post', `/sessions/${session}/attendance`, { participantId: c.harmed });

    const events = await f.outbox('session.attendance-confirmed', c.caseId);
    expect(events.map((e) => e.payload)).toEqual([
      { sessionId: session, kind: 'preparation', version: 1, participantId: c.harmed, via: 'reply', confirmedAt: expect.any(String) },
    ]);
    const view = await f.ok('get', `/sessions/${session}`);
    expect(view.attendance).toEqual([{ participantId: c.harmed, via: 'reply', confirmedAt: events[0]!.payload.confirmedAt }]);
    expect(view.rescheduleRequests).toEqual([]);
  });

  it('ignores, with a log line naming no one, a reply to a version since moved or a session since cancelled', async () => {
    const logged = jest.spyOn(Logger.prototype, 'log');
    try {
      const f = organisation();
      const { c, session, venueId } = await booked(f);
      const [later] = await f.ok<{ start: string }[]>('get', `/sessions/${session}/suggestions?k=3`).then((options) => options.slice(2));
      expect((await f.ok('post', `/sessions/${session}/reschedule`, { start: later!.start, venueId })).version).toBe(2);

      await f.deliver(reply(f, 'reply.attendance-confirmed', { sessionId: session, participantId: c.harmed, sessionVersion: 1 }));
      await f.deliver(reply(f, 'reply.reschedule-requested', { sessionId: session, participantId: c.responsible, sessionVersion: 1 }));
      await f.ok('post', `/sessions/${session}/cancel`);
      await f.deliver(reply(f, 'reply.attendance-confirmed', { sessionId: session, participantId: c.harmed, sessionVersion: 2 }));

      expect(await f.outbox('session.attendance-confirmed', c.caseId)).toEqual([]);
      expect(await f.ok('get', `/sessions/${session}`)).toMatchObject({ attendance: [], rescheduleRequests: [] });
      const lines = logged.mock.calls.map(([message]) => String(message)).filter((line) => line.includes(session));
      expect(lines).toEqual([
        expect.stringMatching(/^reply\.attendance-confirmed \S+ for session \S+ ignored: the reply is to version 1, the session is at version 2$/),
        expect.stringMatching(/^reply\.reschedule-requested \S+ for session \S+ ignored: the reply is to version 1, the session is at version 2$/),
        expect.stringMatching(/ignored: the session is cancelled$/),
      ]);
      for (const line of lines) expect(line).not.toMatch(new RegExp(`${c.harmed}|${c.responsible}`));
    } finally {
      logged.mockRestore();
    }
  });

  it('shows a reschedule request on the session and in the coordinators\' filter until the session moves', async () => {
    const f = organisation();
    const { c, session, venueId } = await booked(f);
    const { session: other } = await booked(f);
    await f.deliver(reply(f, 'reply.reschedule-requested', { sessionId: session, participantId: c.responsible }));
    await f.deliver(reply(f, 'reply.reschedule-requested', { sessionId: session, participantId: c.responsible }));

    const asked = await f.ok<{ id: string; rescheduleRequests: object[] }[]>('get', '/sessions?rescheduleRequested=true');
    expect(asked.map((s) => s.id)).toEqual([session]);
    expect(asked[0]!.rescheduleRequests).toEqual([{ participantId: c.responsible, requestedAt: expect.any(String) }]);
    expect((await f.ok<{ id: string }[]>('get', '/sessions?rescheduleRequested=false')).map((s) => s.id)).toEqual([other]);
    expect((await f.call('get', '/sessions?rescheduleRequested=maybe')).body.details).toEqual([expect.objectContaining({ field: 'rescheduleRequested', rule: 'isBoolean' })]);

    const [later] = await f.ok<{ start: string }[]>('get', `/sessions/${session}/suggestions?k=3`).then((options) => options.slice(2));
    await f.ok('post', `/sessions/${session}/reschedule`, { start: later!.start, venueId });
    expect(await f.ok('get', '/sessions?rescheduleRequested=true')).toEqual([]);
    expect((await f.ok('get', `/sessions/${session}`)).rescheduleRequests).toEqual([]);
  });

  it('lets a coordinator confirm a participant\'s attendance, announced as confirmed by the coordinator', async () => {
    const f = organisation();
    const { c, session } = await booked(f);
    const view = await f.ok('post', `/sessions/${session}/attendance`, { participantId: c.responsible });
    expect(view.attendance).toEqual([{ participantId: c.responsible, via: 'coordinator', confirmedAt: expect.any(String) }]);
    expect((await f.outbox('session.attendance-confirmed', c.caseId)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ sessionId: session, participantId: c.responsible, via: 'coordinator', version: 1 }),
    ]);

    const outsider = await f.call('post', `/sessions/${session}/attendance`, { participantId: c.facilitators[0] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.details).toEqual([expect.objectContaining({ field: 'participantId', rule: 'isAttendee' })]);
    expect((await f.call('post', `/sessions/${session}/attendance`, { participantId: 'someone' })).body.details).toEqual([
      expect.objectContaining({ field: 'participantId', rule: 'isUuid' }),
    ]);
    const pending = await f.request(c, 'follow-up', [c.harmed]);
    expect((await f.call('post', `/sessions/${pending}/attendance`, { participantId: c.harmed })).body).toMatchObject({ statusCode: 409, error: 'session-status' });
    expect((await f.call('post', `/sessions/${session}/attendance`, { participantId: c.harmed }, t.token('manager', f.organisationId))).status).toBe(403);
  });

  it('records whether a booked session took place once it has started, and a correction, each announced', async () => {
    const f = organisation();
    const { c, session } = await booked(f);
    const early = await f.call('post', `/sessions/${session}/outcome`, { outcome: 'took-place' });
    expect(early.body).toMatchObject({ statusCode: 409, error: 'session-not-started' });
    expect((await f.call('post', `/sessions/${session}/outcome`, { outcome: 'went-well' })).body.details).toEqual([
      expect.objectContaining({ field: 'outcome', rule: 'isIn' }),
    ]);

    // The session's time comes: moved into the past as the clock would.
    await f.dataSource.query(`UPDATE scheduling.session SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [session]);
    expect((await f.ok('post', `/sessions/${session}/outcome`, { outcome: 'did-not-take-place' })).outcome).toEqual({ outcome: 'did-not-take-place', recordedAt: expect.any(String) });
    await f.ok('post', `/sessions/${session}/outcome`, { outcome: 'did-not-take-place' });
    expect((await f.ok('post', `/sessions/${session}/outcome`, { outcome: 'took-place' })).outcome).toMatchObject({ outcome: 'took-place' });
    expect((await f.outbox('session.outcome-recorded', c.caseId)).map((e) => e.payload)).toEqual([
      { sessionId: session, kind: 'preparation', version: 1, outcome: 'did-not-take-place', recordedAt: expect.any(String) },
      { sessionId: session, kind: 'preparation', version: 1, outcome: 'took-place', recordedAt: expect.any(String) },
    ]);

    const pending = await f.request(c, 'follow-up', [c.harmed]);
    expect((await f.call('post', `/sessions/${pending}/outcome`, { outcome: 'took-place' })).body).toMatchObject({ statusCode: 409, error: 'session-status' });
  });

  it('cancels a withdrawn case\'s booked and pending sessions still to come, one event each, and ignores replies to them after', async () => {
    const f = organisation();
    const { c, session: bookedSession } = await booked(f);
    const pending = await f.request(c, 'preparation', [c.harmed]);
    const withdrawn = f.event('case.stage-changed', { from: 'preparation', to: 'withdrawn', changedAt: new Date().toISOString(), reason: null, withdrawnBy: 'person-responsible', delivery: null }, c.caseId);
    expect(await f.deliver(withdrawn)).toBe('handled');
    expect(await f.deliver(withdrawn)).toBe('duplicate');

    const cancelled = (await f.outbox('session.cancelled', c.caseId)).map((e) => e.payload);
    expect(cancelled).toHaveLength(2);
    expect(cancelled.find((p) => p.sessionId === bookedSession)).toMatchObject({ reason: 'case-ended', version: 2, wasBookedFor: expect.any(String) });
    expect(cancelled.find((p) => p.sessionId === pending)).toMatchObject({ reason: 'case-ended', version: 2, wasBookedFor: null });

    await f.deliver(reply(f, 'reply.attendance-confirmed', { sessionId: bookedSession, participantId: c.harmed, sessionVersion: 1 }));
    expect(await f.outbox('session.attendance-confirmed', c.caseId)).toEqual([]);
  });
});
