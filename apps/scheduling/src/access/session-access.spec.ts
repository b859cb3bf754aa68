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

  /** As the cases service tells it: the referral names the case's partnership (null for none). */
  function referred(f: SchedulingFactory, c: TestCase, partnershipId: string | null): Promise<unknown> {
    const payload = {
      reference: 'RJ-2027-0001', partnershipId, source: 'police', initiatedBy: 'person-harmed', offenceCategory: 'burglary',
      domesticAbuse: false, sexualOffence: false, hateCrime: false, justiceStage: 'post-sentence', ageGroup: 'adult',
      receivedAt: '2027-01-04T09:00:00Z', firstContactDueAt: '2027-01-06T09:00:00Z',
    } as const;
    return f.deliver(f.event('case.referred', payload, c.caseId));
  }

  it('shows a partnership lead the sessions of their partnership\'s cases in its other organisations, list and detail; a lead of another partnership gets 404', async () => {
    const own = organisation();
    const partner = organisation();
    const ownCases = await twoCases(own);
    const ownSessions = [ownCases.mySession, ownCases.theirSession];
    const { mine, theirs, mySession, theirSession } = await twoCases(partner);
    const [north, south] = [`${own.organisationId}-north`, `${own.organisationId}-south`];
    // The referral arrives after the case's other events: the row already exists, only the partnership is set.
    await referred(partner, mine, north);
    await referred(partner, theirs, south);
    const lead = t.token('partnership-lead', own.organisationId, { partnershipId: north });

    const listed = (await own.ok<{ id: string }[]>('get', '/sessions', undefined, lead)).map((s) => s.id);
    expect(listed.sort()).toEqual([...ownSessions, mySession].sort());
    expect(await own.ok('get', `/sessions/${mySession}`, undefined, lead)).toMatchObject({ id: mySession, caseId: mine.caseId, history: [{ action: 'requested' }] });
    expect((await own.ok<{ id: string }[]>('get', `/sessions?caseId=${mine.caseId}`, undefined, lead)).map((s) => s.id)).toEqual([mySession]);
    expect((await own.call('get', `/sessions/${theirSession}`, undefined, lead)).body).toMatchObject({ statusCode: 404, message: `session ${theirSession} not found` });

    const otherLead = t.token('partnership-lead', own.organisationId, { partnershipId: south });
    expect((await own.call('get', `/sessions/${mySession}`, undefined, otherLead)).status).toBe(404);
    expect((await own.ok<{ id: string }[]>('get', '/sessions', undefined, otherLead)).map((s) => s.id).sort()).toEqual([...ownSessions, theirSession].sort());
    for (const outsider of [t.token('manager', own.organisationId, { partnershipId: north }), t.token('partnership-lead', own.organisationId)]) {
      expect((await own.call('get', `/sessions/${mySession}`, undefined, outsider)).status).toBe(404);
      expect((await own.ok<{ id: string }[]>('get', '/sessions', undefined, outsider)).map((s) => s.id).sort()).toEqual([...ownSessions].sort());
    }
  });

  it('shows a partnership lead nothing of a case whose referral named no partnership (or came before scheduling heard referrals)', async () => {
    const own = organisation();
    const partner = organisation();
    // mine: referred outside any partnership; theirs: its referral never reached scheduling.
    const { mine, mySession, theirSession } = await twoCases(partner);
    await referred(partner, mine, null);
    const lead = t.token('partnership-lead', own.organisationId, { partnershipId: `${own.organisationId}-north` });
    expect(await own.ok('get', '/sessions', undefined, lead)).toEqual([]);
    for (const session of [mySession, theirSession]) expect((await own.call('get', `/sessions/${session}`, undefined, lead)).status).toBe(404);
  });

  it('keeps a partnership lead to reading another organisation\'s sessions, even one who also coordinates their own', async () => {
    const own = organisation();
    const partner = organisation();
    const { mine, mySession } = await twoCases(partner);
    const north = `${own.organisationId}-north`;
    await referred(partner, mine, north);
    const venue = await partner.venue({ kind: 'community', label: 'Partner room' });
    const place = { start: '2030-01-08T10:00:00Z', venueId: venue.id };
    const lead = t.token('partnership-lead', own.organisationId, { partnershipId: north });
    const leadWhoCoordinates = t.token(['coordinator', 'partnership-lead'], own.organisationId, { partnershipId: north });
    expect((await own.call('get', `/sessions/${mySession}`, undefined, leadWhoCoordinates)).status).toBe(200);

    const attempts = (token: string) => [
      own.call('get', `/sessions/${mySession}/suggestions`, undefined, token),
      own.call('post', `/sessions/${mySession}/hold`, place, token),
      own.call('post', `/sessions/${mySession}/cancel`, undefined, token),
      own.call('post', `/sessions/${mySession}/polls`, { participantId: mine.harmed }, token),
      own.call('get', `/sessions/${mySession}/polls`, undefined, token),
      own.call('post', `/sessions/${mySession}/attendance`, { participantId: mine.harmed }, token),
    ];
    // Reading the polls is a schedule reader's, but of their own organisation's sessions only.
    expect((await Promise.all(attempts(lead))).map((r) => r.status)).toEqual([403, 403, 403, 403, 404, 403]);
    expect((await Promise.all(attempts(leadWhoCoordinates))).map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(await partner.ok('get', `/sessions/${mySession}`)).toMatchObject({ status: 'pending', version: 1 });
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
