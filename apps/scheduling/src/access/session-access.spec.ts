import { createTestApp, type TestApp } from '#testing';
import { organisations, type SchedulingFactory, type TestCase } from '../../test/scheduling.factory';
import { SchedulingWorkerModule } from '../scheduling-worker.module';

describe('who reads which sessions', () => {
  let t: TestApp;
  const organisation = organisations(() => t, 'reader');

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule]);
  });

  afterAll(() => t.close());

  /** As the cases service tells it: the facilitator's record now names their token subject. */
  async function signsInAs(f: SchedulingFactory, facilitatorId: string, userId: string): Promise<string> {
    await f.deliver(f.event('facilitator.changed', { facilitatorId, userId, capacity: 10, timeZone: 'Europe/London', active: true }, null));
    return t.token('facilitator', f.organisationId, { userId });
  }

  async function twoCases(f: SchedulingFactory): Promise<{ mine: TestCase; theirs: TestCase; mySession: string; theirSession: string }> {
    const mine = await f.case();
    const theirs = await f.case();
    return { mine, theirs, mySession: await f.request(mine, 'preparation', [mine.harmed]), theirSession: await f.request(theirs, 'preparation', [theirs.harmed]) };
  }

  it('shows a facilitator the sessions of the cases allocated to them, lead or co, and no other (404, as if none)', async () => {
    const f = organisation();
    const { mine, theirs, mySession, theirSession } = await twoCases(f);
    for (const facilitatorId of mine.facilitators) {
      const token = await signsInAs(f, facilitatorId, `fac-${facilitatorId}`);
      expect((await f.ok<{ id: string }[]>('get', '/sessions', undefined, token)).map((s) => s.id)).toEqual([mySession]);
      expect((await f.ok('get', `/sessions/${mySession}`, undefined, token)).caseId).toBe(mine.caseId);
      expect((await f.call('get', `/sessions/${theirSession}`, undefined, token)).body).toMatchObject({ statusCode: 404, message: `session ${theirSession} not found` });
      expect(await f.ok('get', `/sessions?caseId=${theirs.caseId}`, undefined, token)).toEqual([]);
    }
  });

  it('shows nothing to a facilitator scheduling cannot place, nor to one of another organisation', async () => {
    const f = organisation();
    const { mine, mySession } = await twoCases(f);
    const unknown = t.token('facilitator', f.organisationId, { userId: 'not-registered' });
    expect(await f.ok('get', '/sessions', undefined, unknown)).toEqual([]);
    expect((await f.call('get', `/sessions/${mySession}`, undefined, unknown)).status).toBe(404);

    await signsInAs(f, mine.facilitators[0], 'same-subject');
    const elsewhere = t.token('facilitator', 'another-organisation', { userId: 'same-subject' });
    expect(await f.ok('get', '/sessions', undefined, elsewhere)).toEqual([]);
    expect((await f.call('get', `/sessions/${mySession}`, undefined, elsewhere)).status).toBe(404);
  });

  it('keeps a facilitator to reading: no suggestions, bookings, polls or confirmations', async () => {
    const f = organisation();
    const { mine, mySession } = await twoCases(f);
    const token = await signsInAs(f, mine.facilitators[0], 'reader-only');
    const refused = [
      await f.call('get', `/sessions/${mySession}/suggestions`, undefined, token),
      await f.call('post', `/sessions/${mySession}/polls`, { participantId: mine.harmed }, token),
      await f.call('post', `/sessions/${mySession}/attendance`, { participantId: mine.harmed }, token),
      await f.call('post', `/sessions/${mySession}/cancel`, undefined, token),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403]);
  });

  it('shows coordinators, managers and partnership leads their own organisation\'s sessions; a facilitator who also coordinates sees them all', async () => {
    const f = organisation();
    const { mine, mySession, theirSession } = await twoCases(f);
    const other = organisation();
    const { mySession: elsewhere } = await twoCases(other);
    await signsInAs(f, mine.facilitators[0], 'both-roles');
    const readers = [
      f.coordinator,
      t.token('manager', f.organisationId),
      t.token('partnership-lead', f.organisationId, { partnershipId: 'p-1' }),
      t.token(['facilitator', 'coordinator'], f.organisationId, { userId: 'both-roles' }),
    ];
    for (const token of readers) {
      const ids = (await f.ok<{ id: string }[]>('get', '/sessions', undefined, token)).map((s) => s.id);
      expect(ids.sort()).toEqual([mySession, theirSession].sort());
      expect((await f.call('get', `/sessions/${elsewhere}`, undefined, token)).status).toBe(404);
    }
  });
});
