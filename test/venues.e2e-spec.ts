import request from 'supertest';
import { eventually } from '#testing';
import { NotificationsWorkerModule } from '../apps/notifications/src/notifications-worker.module';
import { type Harness, startNotifications } from '../apps/notifications/test/notifications.harness';
import { SchedulingWorkerModule } from '../apps/scheduling/src/scheduling-worker.module';

/** Scheduling's venues reach notifications' copy through the real outbox, relay and queue. */
describe('venues from scheduling to notifications', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startNotifications([SchedulingWorkerModule, NotificationsWorkerModule]);
  });

  afterAll(() => h.close());

  it('copies a venue when it is created and again when it changes', async () => {
    const coordinator = h.t.token('coordinator', 'org-a');
    const created = await request(h.t.http).post('/venues').set('Authorization', `Bearer ${coordinator}`).send({
      kind: 'community', label: 'Strood Community Hub', address: '2 Cuxton Road, Strood ME2 2BN', timeZone: 'Europe/London', accessible: true, hours: [],
    });
    expect(created.status).toBe(201);
    const copy = () => h.db.query(`SELECT organisation_id, kind, label, address, directions, time_zone FROM notifications.venue WHERE id = $1`, [created.body.id]);
    await eventually(async () => expect(await copy()).toEqual([
      { organisation_id: 'org-a', kind: 'community', label: 'Strood Community Hub', address: '2 Cuxton Road, Strood ME2 2BN', directions: null, time_zone: 'Europe/London' },
    ]), 15_000);

    const changed = await request(h.t.http).patch(`/venues/${created.body.id}`).set('Authorization', `Bearer ${coordinator}`).send({ directions: 'Use the side door.' });
    expect(changed.status).toBe(200);
    await eventually(async () => expect(await copy()).toEqual([expect.objectContaining({ directions: 'Use the side door.' })]), 15_000);
  }, 60_000);
});
