import { Test } from '@nestjs/testing';
import { DateTime } from 'luxon';
import type { Counter } from 'prom-client';
import request from 'supertest';
import { AuthModule } from '#auth';
import { configureApi, metricsRegistry, PlatformModule } from '#platform';
import { parseInstance } from '#scheduler';
import { createTestApp, type TestApp } from '#testing';
import { OFFICE_HOURS, organisations } from '../../test/scheduling.factory';
import { SchedulingWorkerModule } from '../scheduling-worker.module';
import { SchedulingModule } from '../scheduling.module';
import { SessionRepository } from '../sessions/session.repository';
import { InstanceBuilder } from './instance-builder';

interface Option {
  start: string;
  end: string;
  venueId: string;
  venueKind: string;
  nearMiss?: { personId: string; role: string; reason: string };
}

describe('suggestions for a pending session', () => {
  let t: TestApp;
  const organisation = organisations(() => t, 'org');

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule]);
  });

  afterAll(() => t.close());

  const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });

  it('meets a person in custody only at their establishment, inside its visiting slots', async () => {
    const f = organisation();
    await f.venue({ kind: 'community', label: 'Hub' });
    const prison = await f.venue({ kind: 'prison', label: 'HMP Elmley', establishment: 'hmp-elmley', hours: [{ weekday: 2, start: '14:00', end: '16:00' }] });
    const c = await f.case({}, { inCustody: true, establishment: 'hmp-elmley' });
    const session = await f.request(c, 'preparation', [c.responsible]);
    const options = await f.ok<Option[]>('get', `/sessions/${session}/suggestions?k=6`);
    expect(options).toHaveLength(6);
    for (const o of options) {
      expect(o).toMatchObject({ venueId: prison.id, venueKind: 'prison' });
      expect(o.nearMiss).toBeUndefined();
      expect(london(o.start).weekday).toBe(2);
      expect(london(o.start).toFormat('HH:mm') >= '14:00' && london(o.end).toFormat('HH:mm') <= '16:00').toBe(true);
    }
    const elsewhere = await f.case({}, { inCustody: true, establishment: 'hmp-maidstone' });
    const stuck = await f.request(elsewhere, 'preparation', [elsewhere.responsible]);
    const answer = await f.call('get', `/sessions/${stuck}/suggestions`);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: 'session-unplaceable', message: expect.stringContaining('hmp-maidstone') });
  });

  it('keeps the parties apart at one venue: the other party\'s session and the separation gap come first', async () => {
    const f = organisation();
    const hub = await f.venue({ kind: 'community', label: 'Hub' });
    const monday = DateTime.now().setZone('Europe/London').plus({ weeks: 2 }).set({ weekday: 1, hour: 9, minute: 0, second: 0, millisecond: 0 });
    const at = (minutes: number) => monday.plus({ minutes }).toUTC().toISO({ suppressMilliseconds: true })!;
    const c = await f.case();
    const theirs = await f.request(c, 'preparation', [c.responsible]);
    await f.ok('post', `/sessions/${theirs}/hold`, { start: at(0), venueId: hub.id });

    const other = await f.case();
    const unrelated = await f.request(other, 'preparation', [other.harmed], 60, at(0));
    const mine = await f.request(c, 'preparation', [c.harmed], 60, at(0));
    // Another case may have the room as soon as it is free; the person harmed waits 30 minutes more.
    expect((await f.ok<Option[]>('get', `/sessions/${unrelated}/suggestions?k=1`))[0]!.start).toBe(at(60));
    expect((await f.ok<Option[]>('get', `/sessions/${mine}/suggestions?k=1`))[0]!.start).toBe(at(90));
    const tooSoon = await f.call('post', `/sessions/${mine}/hold`, { start: at(60), venueId: hub.id });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body).toMatchObject({ error: 'rules-broken', details: { violations: [expect.objectContaining({ rule: 7 })] } });
  });

  it('offers only accessible venues to someone who needs one, and refuses a booking elsewhere', async () => {
    const f = organisation();
    const steps = await f.venue({ kind: 'community', label: 'Old hall', accessible: false });
    const level = await f.venue({ kind: 'community', label: 'Level hub', accessible: true });
    const c = await f.case({ needsAccessibleVenue: true });
    const session = await f.request(c, 'preparation', [c.harmed]);
    const options = await f.ok<Option[]>('get', `/sessions/${session}/suggestions?k=4`);
    expect(options.map((o) => o.venueId)).toEqual(Array(4).fill(level.id));
    const refused = await f.call('post', `/sessions/${session}/hold`, { start: options[0]!.start, venueId: steps.id });
    expect(refused.body).toMatchObject({ statusCode: 409, error: 'rules-broken', details: { violations: [expect.objectContaining({ rule: 3 })] } });
  });

  it('names, by role and id, the one person who would have to move when nothing suits everyone', async () => {
    const f = organisation();
    await f.venue({ kind: 'community', label: 'Hub' });
    const c = await f.case();
    await f.weekly(c.harmed, [{ weekday: 6, start: '10:00', end: '12:00' }]);
    const session = await f.request(c, 'preparation', [c.harmed]);
    const options = await f.ok<Option[]>('get', `/sessions/${session}/suggestions?k=3`);
    expect(options).toHaveLength(3);
    for (const o of options) {
      expect(o.nearMiss).toEqual({ personId: c.harmed, role: 'person-harmed', reason: `${c.harmed} is not available then` });
    }
  });

  it('follows a person\'s weekly availability in their own time zone', async () => {
    const f = organisation();
    await f.venue({ kind: 'video', label: 'Video call', hours: [] });
    const c = await f.case({ timeZone: 'America/New_York' });
    await f.weekly(c.harmed, [{ weekday: 2, start: '09:00', end: '10:00' }]);
    const session = await f.request(c, 'preparation', [c.harmed]);
    const [option] = await f.ok<Option[]>('get', `/sessions/${session}/suggestions?k=1`);
    const local = DateTime.fromISO(option!.start, { zone: 'America/New_York' });
    expect([local.weekday, local.toFormat('HH:mm')]).toEqual([2, '09:00']);
    expect(option!.nearMiss).toBeUndefined();
  });

  it('looks past the first week when it holds fewer than k options, and gives them as the whole horizon would', async () => {
    const f = organisation();
    await f.venue({ kind: 'video', label: 'Video call', hours: [] });
    const c = await f.case();
    await f.weekly(c.harmed, [{ weekday: 3, start: '09:00', end: '10:00' }]);
    const session = await f.request(c, 'preparation', [c.harmed]);
    const options = await f.ok<Option[]>('get', `/sessions/${session}/suggestions?k=3`);
    expect(options.map((o) => o.nearMiss)).toEqual([undefined, undefined, undefined]);
    const starts = options.map((o) => london(o.start));
    for (const start of starts) expect([start.weekday, start.toFormat('HH:mm')]).toEqual([3, '09:00']);
    expect(starts[1]!.diff(starts[0]!, 'days').days).toBe(7);
    expect(starts[2]!.diff(starts[1]!, 'days').days).toBe(7);
  });

  it('brings the case\'s interpreter to a session where someone needs one, and refuses while the case has none', async () => {
    const f = organisation();
    await f.venue({ kind: 'community', label: 'Hub', hours: OFFICE_HOURS });
    const c = await f.case({ interpreterLanguage: 'pl' });
    const session = await f.request(c, 'preparation', [c.harmed]);
    const refused = await f.call('get', `/sessions/${session}/suggestions`);
    expect(refused.body).toMatchObject({ statusCode: 409, error: 'session-unplaceable', message: expect.stringContaining('need an interpreter (pl)') });

    const interpreter = await f.participant(c.caseId, 'interpreter');
    const [option] = await f.ok<Option[]>('get', `/sessions/${session}/suggestions?k=1`);
    const held = await f.ok('post', `/sessions/${session}/hold`, { start: option!.start, venueId: option!.venueId });
    expect(held.participantIds).toEqual([c.harmed, interpreter]);
  });

  it('answers again from memory until a change anywhere, then at once from the world as it now is', async () => {
    const f = organisation();
    const video = await f.venue({ kind: 'video', label: 'Video call', hours: [] });
    const c = await f.case();
    const mine = await f.request(c, 'preparation', [c.harmed]);
    const theirs = await f.request(c, 'preparation', [c.harmed]);
    const [first] = await f.ok<Option[]>('get', `/sessions/${mine}/suggestions?k=1`);
    const hits = await answered('hit');
    expect(await f.ok<Option[]>('get', `/sessions/${mine}/suggestions?k=1`)).toEqual([first]);
    expect(await answered('hit')).toBe(hits + 1);

    // Another process of the service books and edits; this one hears it before its next answer, without waiting.
    const moduleRef = await Test.createTestingModule({ imports: [PlatformModule.forRoot({ env: t.env }), AuthModule, SchedulingModule] }).compile();
    const elsewhere = configureApi(moduleRef.createNestApplication({ logger: false }), 'elsewhere');
    await elsewhere.init();
    try {
      const there = (method: 'post' | 'put', path: string, body: object) =>
        request(elsewhere.getHttpServer())[method](path).set('Authorization', `Bearer ${f.coordinator}`).send(body).expect(200);
      await there('post', `/sessions/${theirs}/hold`, { start: first!.start, venueId: video.id });
      const [next] = await f.ok<Option[]>('get', `/sessions/${mine}/suggestions?k=1`);
      expect(Date.parse(next!.start)).toBeGreaterThanOrEqual(Date.parse(first!.end));
      await there('put', `/people/${c.harmed}/availability`, { weekly: [{ weekday: 4, start: '10:00', end: '11:00' }] });
      const [thursday] = await f.ok<Option[]>('get', `/sessions/${mine}/suggestions?k=1`);
      expect([london(thursday!.start).weekday, london(thursday!.start).toFormat('HH:mm')]).toEqual([4, '10:00']);
    } finally {
      await elsewhere.close();
    }
  });

  it('tells another organisation nothing of an answer kept for one, and hears any change to the session\'s own row', async () => {
    const f = organisation();
    await f.venue({ kind: 'video', label: 'Video call', hours: [] });
    const c = await f.case();
    const session = await f.request(c, 'preparation', [c.harmed]);
    const [first] = await f.ok<Option[]>('get', `/sessions/${session}/suggestions?k=1`);
    expect(Date.parse(first!.end) - Date.parse(first!.start)).toBe(60 * 60_000);
    const outsider = await f.call('get', `/sessions/${session}/suggestions?k=1`, undefined, t.token('coordinator', 'another-org'));
    expect(outsider.body).toMatchObject({ statusCode: 404, message: `session ${session} not found` });
    // Whatever writes the row (here by hand), the next answer is built from it.
    await f.dataSource.query('UPDATE scheduling.session SET duration_minutes = 120 WHERE id = $1', [session]);
    const [longer] = await f.ok<Option[]>('get', `/sessions/${session}/suggestions?k=1`);
    expect(Date.parse(longer!.end) - Date.parse(longer!.start)).toBe(120 * 60_000);
    await f.ok('post', `/sessions/${session}/cancel`);
    expect((await f.call('get', `/sessions/${session}/suggestions?k=1`)).body).toMatchObject({ statusCode: 409, error: 'session-cancelled' });
    expect((await f.call('get', `/sessions/${session}/suggestions?k=1`, undefined, t.token('coordinator', 'another-org'))).status).toBe(404);
  });

  it('builds instances the scheduler\'s own parser takes as they are (they are not parsed again on each request)', async () => {
    const f = organisation();
    const hub = await f.venue({ kind: 'community', label: 'Hub' });
    await f.venue({ kind: 'prison', label: 'HMP Elmley', establishment: 'hmp-elmley', hours: [{ weekday: 2, start: '14:00', end: '16:00' }] });
    await f.venue({ kind: 'video', label: 'Video call', hours: [] });
    const c = await f.case({ interpreterLanguage: 'pl', needsAccessibleVenue: true }, { inCustody: true, establishment: 'hmp-elmley' });
    await f.participant(c.caseId, 'interpreter');
    await f.weekly(c.facilitators[0], OFFICE_HOURS);
    const harmedPrep = await f.request(c, 'preparation', [c.harmed]);
    const responsiblePrep = await f.request(c, 'preparation', [c.responsible]);
    const [option] = await f.ok<Option[]>('get', `/sessions/${harmedPrep}/suggestions?k=1`);
    await f.ok('post', `/sessions/${harmedPrep}/hold`, { start: option!.start, venueId: hub.id });
    const conference = await f.request(c, 'conference', [c.harmed, c.responsible]);
    const sessions = t.app.get(SessionRepository);
    const builder = t.app.get(InstanceBuilder);
    for (const id of [responsiblePrep, conference]) {
      const session = (await sessions.find(f.dataSource.manager, id))!;
      const { instance } = await builder.build(f.dataSource.manager, [session], new Date());
      expect(parseInstance(instance)).toEqual(instance);
    }
  });
});

/** How many suggestions this process has answered so far with this outcome. */
async function answered(outcome: string): Promise<number> {
  const counter = metricsRegistry.getSingleMetric('convene_scheduling_suggestions_total') as Counter;
  return (await counter.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
}
