import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AuthModule } from '#auth';
import { configureApi, PlatformModule } from '#platform';
import { createTestApp, type TestApp } from '#testing';
import { OFFICE_HOURS, SchedulingFactory, type TestCase } from '../../test/scheduling.factory';
import { SchedulingWorkerModule } from '../scheduling-worker.module';
import { SchedulingModule } from '../scheduling.module';
import { SessionRepository } from '../sessions/session.repository';
import { ReservationClash } from './reservation.repository';

describe('booking sessions', () => {
  let t: TestApp;
  let f: SchedulingFactory;
  let hub: { id: string };

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule]);
    f = new SchedulingFactory(t, t.token('coordinator', 'org-a'));
    hub = await f.venue({ kind: 'community', label: 'Maidstone hub', capacity: 8 });
  });

  afterAll(() => t.close());

  async function firstOption(sessionId: string): Promise<{ start: string; venueId: string }> {
    const [option] = await f.ok<{ start: string; venueId: string; nearMiss?: object }[]>('get', `/sessions/${sessionId}/suggestions?k=1`);
    expect(option).toBeDefined();
    expect(option!.nearMiss).toBeUndefined();
    return { start: option!.start, venueId: option!.venueId };
  }

  async function preparation(c: TestCase): Promise<string> {
    return f.request(c, 'preparation', [c.harmed]);
  }

  it('holds, then books a session: the event goes out once, with the time, venue and version', async () => {
    const c = await f.case();
    const session = await preparation(c);
    const option = await firstOption(session);
    const held = await f.ok('post', `/sessions/${session}/hold`, option);
    expect(held).toMatchObject({ status: 'held', startsAt: new Date(option.start).toISOString(), venueId: option.venueId, version: 1 });
    expect(Date.parse(held.holdExpiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await f.outbox('session.booked', c.caseId)).toEqual([]);

    const booked = await f.ok('post', `/sessions/${session}/confirm`);
    expect(booked).toMatchObject({ status: 'booked', holdExpiresAt: null, version: 1 });
    const events = await f.outbox('session.booked', c.caseId);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ sessionId: session, version: 1, startsAt: booked.startsAt, endsAt: booked.endsAt, venueId: option.venueId, participantIds: [c.harmed], facilitatorIds: c.facilitators }),
    ]);
    expect((await f.call('post', `/sessions/${session}/confirm`)).body).toMatchObject({ statusCode: 409, error: 'session-status' });
  });

  it('lets exactly one of 50 simultaneous holds of one facilitator\'s time win, from two processes; the others get a 409 naming the clash', async () => {
    const second = await secondProcess(t);
    try {
      const c = await f.case();
      const sessions = await Promise.all(Array.from({ length: 50 }, () => preparation(c)));
      const option = await firstOption(sessions[0]!);
      const answers = await Promise.all(
        sessions.map((id, index) =>
          request(index % 2 === 0 ? t.http : second.getHttpServer())
            .post(`/sessions/${id}/hold`)
            .set('Authorization', `Bearer ${f.coordinator}`)
            .send(option),
        ),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      const refused = answers.filter((a) => a.status !== 200);
      expect(refused.map((a) => a.status)).toEqual(Array(49).fill(409));
      for (const answer of refused) {
        expect(['double-booking', 'rules-broken']).toContain(answer.body.error);
        expect(answer.body.message).toMatch(new RegExp(`${c.harmed}|${c.facilitators[0]}|${c.facilitators[1]}|${option.venueId}|overlap`));
      }
      const [held] = await f.dataSource.query(`SELECT count(*)::int AS n FROM scheduling.session WHERE case_id = $1 AND status = 'held'`, [c.caseId]);
      expect(held.n).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('saves a placement only over the session it was decided on: racing holds of one session leave one placement, the rest told it changed', async () => {
    const video = await f.venue({ kind: 'video', label: 'Video', hours: [] });
    const c = await f.case();
    const session = await preparation(c);
    // Written by someone else to the microsecond, as now() does: still the row a placement decides on.
    await f.dataSource.query('UPDATE scheduling.session SET updated_at = now() WHERE id = $1', [session]);
    const starts = Array.from({ length: 6 }, (_, i) => new Date(Date.UTC(2030, 0, 7 + i, 10)).toISOString());
    const answers = await Promise.all(
      starts.map((start) => request(t.http).post(`/sessions/${session}/hold`).set('Authorization', `Bearer ${f.coordinator}`).send({ start, venueId: video.id })),
    );
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const refused of answers.filter((a) => a.status !== 200)) expect(refused.body).toMatchObject({ statusCode: 409, error: 'session-changed' });
    const held = await f.ok('get', `/sessions/${session}`);
    const reserved = await f.dataSource.query('SELECT resource, lower(during) AS start FROM scheduling.reservation WHERE session_id = $1 ORDER BY resource', [session]);
    expect(reserved).toEqual([c.harmed, ...c.facilitators].map((id) => `person:${id}`).sort().map((resource) => ({ resource, start: new Date(held.startsAt) })));
  });

  it('lets Postgres refuse 49 of 50 racing reservations of one person over separate connections', async () => {
    const c = await f.case();
    const sessions = await Promise.all(Array.from({ length: 50 }, () => preparation(c)));
    const repository = t.app.get(SessionRepository);
    const startsAt = new Date(Date.UTC(2030, 0, 7, 10));
    const endsAt = new Date(Date.UTC(2030, 0, 7, 11));
    // The statement every placement saves with, straight to Postgres: no rule checked first.
    const results = await Promise.allSettled(
      sessions.map((id) =>
        f.dataSource.transaction(async (manager) => {
          const session = (await repository.find(manager, id))!;
          Object.assign(session, { status: 'held', startsAt, endsAt, venueId: hub.id, holdExpiresAt: new Date(Date.UTC(2030, 0, 1)) });
          await repository.record(manager, session, { action: 'held', actor: 'spec', reservations: [`person:${c.harmed}`] });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const clashes = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(clashes).toHaveLength(49);
    for (const clash of clashes) {
      expect(clash).toBeInstanceOf(ReservationClash);
      expect((clash as ReservationClash).resource).toBe(`person:${c.harmed}`);
    }
  });

  it('reschedules a booked session: version up, history kept, one event naming the old and new times', async () => {
    const c = await f.case();
    const session = await preparation(c);
    const options = await f.ok<{ start: string; venueId: string }[]>('get', `/sessions/${session}/suggestions?k=8`);
    const first = options[0];
    // The first option clear of the first one's hour, so the old time frees up entirely.
    const third = options.find((o) => Date.parse(o.start) >= Date.parse(first!.start) + 3_600_000);
    await f.ok('post', `/sessions/${session}/hold`, { start: first!.start, venueId: first!.venueId });
    await f.ok('post', `/sessions/${session}/confirm`);
    const moved = await f.ok('post', `/sessions/${session}/reschedule`, { start: third!.start, venueId: third!.venueId });
    expect(moved).toMatchObject({ status: 'booked', version: 2, startsAt: new Date(third!.start).toISOString() });

    const events = await f.outbox('session.rescheduled', c.caseId);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ sessionId: session, version: 2, previousStartsAt: new Date(first!.start).toISOString(), startsAt: moved.startsAt });
    const detail = await f.ok('get', `/sessions/${session}`);
    expect(detail.history.map((h: { action: string; version: number }) => `${h.action}@${h.version}`)).toEqual(['requested@1', 'held@1', 'booked@1', 'rescheduled@2']);

    // The old time is free again: another session of the same people can take it.
    const other = await preparation(c);
    expect((await f.call('post', `/sessions/${other}/hold`, { start: first!.start, venueId: first!.venueId })).status).toBe(200);
  });

  it('cancels a booked session, freeing its time and telling who was booked', async () => {
    const c = await f.case();
    const session = await preparation(c);
    const option = await firstOption(session);
    await f.ok('post', `/sessions/${session}/hold`, option);
    const booked = await f.ok('post', `/sessions/${session}/confirm`);
    expect(await f.ok('post', `/sessions/${session}/cancel`)).toMatchObject({ status: 'cancelled', version: 2, startsAt: null });
    const [event] = await f.outbox('session.cancelled', c.caseId);
    expect(event!.payload).toMatchObject({ sessionId: session, version: 2, reason: 'cancelled-by-coordinator', wasBookedFor: booked.startsAt });
    const again = await preparation(c);
    expect((await f.call('post', `/sessions/${again}/hold`, option)).status).toBe(200);
  });

  it('puts a lapsed hold back to pending when someone else wants the time', async () => {
    const c = await f.case();
    const session = await preparation(c);
    const option = await firstOption(session);
    await f.ok('post', `/sessions/${session}/hold`, option);
    await f.dataSource.query(`UPDATE scheduling.session SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [session]);
    const rival = await preparation(c);
    expect((await f.call('post', `/sessions/${rival}/hold`, option)).status).toBe(200);
    const lapsed = await f.ok('get', `/sessions/${session}`);
    expect(lapsed).toMatchObject({ status: 'pending', startsAt: null });
    expect(lapsed.history.at(-1)).toMatchObject({ action: 'hold-lapsed', actor: 'scheduling' });
  });

  it('refuses bad input with a 400 naming the field and the rule', async () => {
    const c = await f.case();
    const session = await preparation(c);
    const cases: [string, object, string, string][] = [
      [`/sessions/${session}/hold`, { start: 'tomorrow', venueId: hub.id }, 'start', 'isIso8601'],
      [`/sessions/${session}/hold`, { start: '2030-01-07T10:05:00Z', venueId: hub.id }, 'start', 'onSlotGrid'],
      [`/sessions/${session}/hold`, { start: '2030-01-07T10:00:00Z', venueId: 'hub' }, 'venueId', 'isUuid'],
      [`/sessions/${session}/hold`, { start: '2020-01-06T10:00:00Z', venueId: hub.id }, 'start', 'isFuture'],
      // Without an offset the hour would depend on the server's time zone.
      [`/sessions/${session}/hold`, { start: '2030-01-07T10:00:00', venueId: hub.id }, 'start', 'hasOffset'],
      [`/sessions/${session}/hold`, { start: '2030-01-07', venueId: hub.id }, 'start', 'hasOffset'],
      [`/people/${c.harmed}/availability/exceptions`, { start: '2030-01-07T10:00:00', end: '2030-01-07T12:00:00Z', available: false }, 'start', 'hasOffset'],
      ['/sessions/not-a-uuid/hold', { start: '2030-01-07T10:00:00Z', venueId: hub.id }, 'sessionId', 'isUuid'],
      ['/venues', { kind: 'castle', label: 'x', timeZone: 'Europe/London', accessible: true, hours: [] }, 'kind', 'isIn'],
      ['/venues', { kind: 'prison', label: 'HMP', timeZone: 'Europe/London', accessible: true, hours: [] }, 'establishment', 'isString'],
      ['/venues', { kind: 'community', label: 'x', timeZone: 'Mars/Olympus', accessible: true, hours: [] }, 'timeZone', 'isTimeZone'],
      ['/venues', { kind: 'community', label: 'x', timeZone: 'Europe/London', accessible: true, hours: [{ weekday: 1, start: '17:00', end: '09:00' }] }, 'hours[0].end', 'isAfterStart'],
      ['/venues', { kind: 'community', label: 'x', timeZone: 'Europe/London', accessible: true, hours: [{ weekday: 8, start: '09:00', end: '17:00' }] }, 'hours[0].weekday', 'max'],
    ];
    for (const [path, body, field, rule] of cases) {
      const answer = await f.call('post', path, body);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(answer.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
  });

  it('answers unknown ids, and sessions and venues of another organisation, with 404', async () => {
    const c = await f.case();
    const session = await preparation(c);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await f.call('get', `/sessions/${unknown}`)).body).toMatchObject({ statusCode: 404, message: `session ${unknown} not found` });
    expect((await f.call('get', `/sessions/${unknown}/suggestions`)).status).toBe(404);
    expect((await f.call('post', `/sessions/${unknown}/hold`, { start: '2030-01-07T10:00:00Z', venueId: hub.id })).status).toBe(404);
    expect((await f.call('get', `/people/${unknown}/availability`)).status).toBe(404);
    expect((await f.call('post', `/sessions/${session}/hold`, { start: '2030-01-07T10:00:00Z', venueId: unknown })).body).toMatchObject({ statusCode: 404, message: `venue ${unknown} not found` });

    const outsider = t.token('coordinator', 'org-b');
    expect((await f.call('get', `/sessions/${session}`, undefined, outsider)).status).toBe(404);
    expect((await f.call('post', `/sessions/${session}/cancel`, undefined, outsider)).status).toBe(404);
    const theirs = await f.ok<{ id: string }>('post', '/venues', { kind: 'community', label: 'Elsewhere', timeZone: 'Europe/London', accessible: true, hours: OFFICE_HOURS }, outsider);
    expect((await f.call('post', `/sessions/${session}/hold`, { start: '2030-01-07T10:00:00Z', venueId: theirs.id })).status).toBe(404);
  });

  it('lets only coordinators book, and managers read', async () => {
    const c = await f.case();
    const session = await preparation(c);
    const facilitator = t.token('facilitator', 'org-a');
    const held = await f.call('post', `/sessions/${session}/hold`, { start: '2030-01-07T10:00:00Z', venueId: hub.id }, facilitator);
    expect(held.status).toBe(403);
    expect((await f.call('get', `/sessions/${session}`, undefined, t.token('manager', 'org-a'))).status).toBe(200);
    expect((await f.call('get', '/sessions', undefined, t.token('ops'))).status).toBe(403);
  });
});

/** The same service in another Nest application on the same database: a second process's connections. */
async function secondProcess(t: TestApp): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [PlatformModule.forRoot({ env: t.env }), AuthModule, SchedulingModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApi(app, 'second');
  await app.init();
  return app;
}
