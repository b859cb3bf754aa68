import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '#testing';
import { OFFICE_HOURS } from '../../test/scheduling.factory';
import { SchedulingVenueDirections1767920400000 } from '../migrations/1767920400000-SchedulingVenueDirections';
import { SchedulingModule } from '../scheduling.module';

const PRISON = {
  kind: 'prison',
  label: 'HMP Elmley visits hall',
  establishment: 'hmp-elmley',
  address: 'Church Road, Eastchurch, Sheerness ME12 4DZ',
  directions: 'Bring photo ID and arrive 30 minutes early.',
  timeZone: 'Europe/London',
  accessible: true,
  hours: OFFICE_HOURS,
};

/** The API alone (no relay): what a change records in scheduling's outbox stays there to be read. */
describe('venues: how they are named and reached, announced to notifications', () => {
  let t: TestApp;
  let db: DataSource;
  let coordinator: string;

  beforeAll(async () => {
    t = await createTestApp([SchedulingModule]);
    db = t.app.get<DataSource>(getDataSourceToken('scheduling'));
    coordinator = t.token('coordinator', 'org-a');
  });

  afterAll(() => t.close());

  const call = (method: 'get' | 'post' | 'patch', path: string, body?: object, token = coordinator) => {
    const r = request(t.http)[method](path).set('Authorization', `Bearer ${token}`);
    return body ? r.send(body) : r;
  };
  const saved = async (venueId: string) =>
    (await db.query(`SELECT organisation_id, case_id, payload FROM scheduling.outbox_event WHERE type = 'venue.saved' AND payload->>'venueId' = $1 ORDER BY position`, [venueId])) as {
      organisation_id: string;
      case_id: string | null;
      payload: Record<string, unknown>;
    }[];

  it('keeps an address and directions, shows them, and announces the new venue with them', async () => {
    const created = await call('post', '/venues', PRISON);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ label: 'HMP Elmley visits hall', address: PRISON.address, directions: PRISON.directions });
    expect((await call('get', '/venues')).body).toEqual([expect.objectContaining({ id: created.body.id, address: PRISON.address, directions: PRISON.directions })]);
    expect(await saved(created.body.id)).toEqual([
      {
        organisation_id: 'org-a',
        case_id: null,
        payload: { venueId: created.body.id, organisation: 'org-a', kind: 'prison', label: PRISON.label, address: PRISON.address, directions: PRISON.directions, timeZone: 'Europe/London' },
      },
    ]);
  });

  it('changes the label, address or directions, announcing each change after the one before; null clears', async () => {
    const { body: hub } = await call('post', '/venues', { kind: 'community', label: 'Hub', timeZone: 'Europe/London', accessible: true, hours: OFFICE_HOURS });
    expect(hub).toMatchObject({ address: null, directions: null });
    const moved = await call('patch', `/venues/${hub.id}`, { label: 'Strood hub, room 2', address: '2 Cuxton Road, Strood ME2 2BN', directions: 'Ring the bell at the side door' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: hub.id, kind: 'community', label: 'Strood hub, room 2', address: '2 Cuxton Road, Strood ME2 2BN', directions: 'Ring the bell at the side door', hours: OFFICE_HOURS });
    expect((await call('patch', `/venues/${hub.id}`, { directions: null })).body).toMatchObject({ label: 'Strood hub, room 2', address: '2 Cuxton Road, Strood ME2 2BN', directions: null });
    expect((await saved(hub.id)).map((e) => [e.payload.label, e.payload.address, e.payload.directions])).toEqual([
      ['Hub', null, null],
      ['Strood hub, room 2', '2 Cuxton Road, Strood ME2 2BN', 'Ring the bell at the side door'],
      ['Strood hub, room 2', '2 Cuxton Road, Strood ME2 2BN', null],
    ]);
  });

  it.each([
    ['post', { ...PRISON, address: 'x'.repeat(201) }, 'address', 'isLength'],
    ['post', { ...PRISON, directions: 'Bring ID.\nArrive early.' }, 'directions', 'matches'],
    ['post', { ...PRISON, directions: 'Book at https://visits.example.com first' }, 'directions', 'matches'],
    ['post', { ...PRISON, label: 'See www.example.com' }, 'label', 'matches'],
    ['patch', { address: '' }, 'address', 'isLength'],
    ['patch', { label: null }, 'label', 'isString'],
    ['patch', { kind: 'video' }, 'kind', 'whitelistValidation'],
  ] as const)('refuses a %s of %j with a 400 naming %s and the rule %s', async (method, body, field, rule) => {
    const { body: venue } = await call('post', '/venues', PRISON);
    const before = (await saved(venue.id)).length;
    const answer = await call(method, method === 'post' ? '/venues' : `/venues/${venue.id}`, body);
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(await saved(venue.id)).toHaveLength(before);
  });

  it("answers 404 for another organisation's venue, or none, and announces nothing", async () => {
    const { body: venue } = await call('post', '/venues', PRISON);
    expect((await call('patch', `/venues/${venue.id}`, { label: 'Mine now' }, t.token('coordinator', 'org-b'))).status).toBe(404);
    expect((await call('patch', `/venues/${randomUUID()}`, { label: 'Nowhere' })).status).toBe(404);
    expect((await call('patch', `/venues/not-an-id`, { label: 'Nowhere' })).body.details).toEqual([expect.objectContaining({ field: 'venueId', rule: 'isUuid' })]);
    expect((await call('patch', `/venues/${venue.id}`, { label: 'Nope' }, t.token('manager', 'org-a'))).status).toBe(403);
    expect(await saved(venue.id)).toHaveLength(1);
  });

  it('announces, once each and oldest first, the venues that existed before venue.saved did (the migration that adds the columns)', async () => {
    const migration = new SchedulingVenueDirections1767920400000();
    const runner = db.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration.down(runner);
      // A venue as the previous release wrote it: no address, no directions, no event.
      const older = randomUUID();
      await runner.query(
        `INSERT INTO scheduling.venue (id, organisation_id, kind, label, time_zone, capacity, accessible, establishment, hours, created_at)
         VALUES ($1, 'org-c', 'community', 'Old hall', 'Europe/London', NULL, true, NULL, '[]', now())`,
        [older],
      );
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const venues: { id: string }[] = await db.query('SELECT id FROM scheduling.venue ORDER BY created_at, id');
    const announced: { payload: { venueId: string; address: string | null; label: string } }[] = await db.query(
      `SELECT payload FROM scheduling.outbox_event WHERE type = 'venue.saved' ORDER BY position`,
    );
    expect(announced.map((e) => e.payload.venueId)).toEqual(venues.map((v) => v.id));
    expect(announced.at(-1)!.payload).toEqual({ venueId: venues.at(-1)!.id, organisation: 'org-c', kind: 'community', label: 'Old hall', address: null, directions: null, timeZone: 'Europe/London' });
    // The columns are back, and what had been kept in them was dropped with them by the way down.
    expect((await call('get', '/venues')).body.every((v: { address: string | null }) => v.address === null)).toBe(true);
  });
});
