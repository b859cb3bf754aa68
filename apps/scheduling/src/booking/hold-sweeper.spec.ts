import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { PlatformModule } from '#platform';
import { createTestApp, eventually, type TestApp } from '#testing';
import { organisations } from '../../test/scheduling.factory';
import { SchedulingWorkerModule } from '../scheduling-worker.module';
import { WORLD_CHANNEL } from '../suggestions/world-changes';
import { HOLD_SWEEP, HOLDS_QUEUE } from './hold-sweeper';

describe('the sweep of lapsed holds', () => {
  let t: TestApp;
  const organisation = organisations(() => t, 'sweep-org');

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule]);
  });

  afterAll(() => t.close());

  const monday = DateTime.now().setZone('Europe/London').plus({ weeks: 2 }).set({ weekday: 1, hour: 9, minute: 0, second: 0, millisecond: 0 });
  const at = (minutes: number) => monday.plus({ minutes }).toUTC().toISO({ suppressMilliseconds: true })!;

  it('is one job scheduler in Redis, every half minute, however many workers boot', async () => {
    const queue = t.app.get<Queue>(getQueueToken(HOLDS_QUEUE));
    const another = await Test.createTestingModule({ imports: [PlatformModule.forRoot({ env: t.env }), SchedulingWorkerModule] }).compile();
    const second = await another.createNestApplication({ logger: false }).init();
    try {
      expect(await queue.getJobSchedulers()).toEqual([expect.objectContaining({ key: HOLD_SWEEP, every: 30_000 })]);
    } finally {
      await second.close();
    }
    // A worker's restart finds its schedule where it left it.
    expect(await queue.getJobSchedulersCount()).toBe(1);
  });

  it('frees a lapsed hold: reservations gone, pending again with hold-lapsed in its history, suggestion caches told, no event', async () => {
    const f = organisation();
    const hub = await f.venue({ kind: 'community', label: 'Hub', capacity: 8 });
    const c = await f.case();
    const session = await f.request(c, 'preparation', [c.harmed]);
    await f.ok('post', `/sessions/${session}/hold`, { start: at(0), venueId: hub.id });
    await f.dataSource.query(`UPDATE scheduling.session SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [session]);

    const listener = new Client({ connectionString: t.env.DATABASE_URL });
    await listener.connect();
    const heard: string[][] = [];
    listener.on('notification', (message) => heard.push(message.payload!.split(',')));
    await listener.query(`LISTEN ${WORLD_CHANNEL}`);
    try {
      // The scheduler's job, run now rather than at the next half minute.
      await t.app.get<Queue>(getQueueToken(HOLDS_QUEUE)).add(HOLD_SWEEP, {});
      await eventually(async () => expect(await f.ok('get', `/sessions/${session}`)).toMatchObject({ status: 'pending', startsAt: null, venueId: null }));
      await eventually(() => expect(heard.flat()).toEqual(expect.arrayContaining([`case:${c.caseId}`, `person:${c.harmed}`, `venue:${hub.id}`, ...c.facilitators.map((id) => `person:${id}`)])));
    } finally {
      await listener.end();
    }
    const detail = await f.ok('get', `/sessions/${session}`);
    expect(detail.history.at(-1)).toMatchObject({ action: 'hold-lapsed', actor: 'scheduling', status: 'pending' });
    expect(await f.dataSource.query('SELECT 1 FROM scheduling.reservation WHERE session_id = $1', [session])).toEqual([]);
    expect(await f.dataSource.query('SELECT type FROM scheduling.outbox_event WHERE case_id = $1', [c.caseId])).toEqual([]);
    // Its time is anyone's again.
    const rival = await f.request(c, 'preparation', [c.harmed]);
    expect((await f.call('post', `/sessions/${rival}/hold`, { start: at(0), venueId: hub.id })).status).toBe(200);
  });
});
