import { createTestApp, type TestApp } from '#testing';
import { SchedulingFactory } from '../../test/scheduling.factory';
import { SchedulingWorkerModule } from '../scheduling-worker.module';

describe('events from the cases service', () => {
  let t: TestApp;
  let f: SchedulingFactory;

  beforeAll(async () => {
    t = await createTestApp([SchedulingWorkerModule]);
    f = new SchedulingFactory(t, t.token('coordinator', 'org-a'));
  });

  afterAll(() => t.close());

  it('turns session requests into pending sessions chained by the rules: a conference after both last preparations', async () => {
    const c = await f.case();
    const prepHarmed = await f.request(c, 'preparation', [c.harmed]);
    const prepResponsible = await f.request(c, 'preparation', [c.responsible]);
    const conference = await f.request(c, 'conference', [c.harmed, c.responsible], 120);
    const followUp = await f.request(c, 'follow-up', [c.harmed], 30);

    const session = await f.ok('get', `/sessions/${conference}`);
    expect(session).toMatchObject({ status: 'pending', version: 1, kind: 'conference', durationMinutes: 120, caseId: c.caseId });
    expect(session.after).toEqual([
      { session: prepHarmed, minGapMinutes: 1440 },
      { session: prepResponsible, minGapMinutes: 1440 },
    ]);
    expect(session.history).toEqual([expect.objectContaining({ action: 'requested', version: 1, status: 'pending' })]);
    expect((await f.ok('get', `/sessions/${followUp}`)).after).toEqual([{ session: conference, minGapMinutes: 2880, maxGapMinutes: 10080 }]);
  });

  it('cancels a withdrawn case\'s sessions still to come, one event each, and a redelivery changes nothing', async () => {
    const c = await f.case();
    const first = await f.request(c, 'preparation', [c.harmed]);
    const second = await f.request(c, 'preparation', [c.responsible]);
    const other = await f.case();
    const untouched = await f.request(other, 'preparation', [other.harmed]);

    const withdrawn = f.event('case.stage-changed', { from: 'preparation', to: 'withdrawn', changedAt: new Date().toISOString(), reason: null, withdrawnBy: 'person-harmed', delivery: null }, c.caseId);
    expect(await f.deliver(withdrawn)).toBe('handled');
    expect(await f.deliver(withdrawn)).toBe('duplicate');

    for (const id of [first, second]) expect(await f.ok('get', `/sessions/${id}`)).toMatchObject({ status: 'cancelled', version: 2, cancelReason: 'case-ended' });
    expect((await f.ok('get', `/sessions/${untouched}`)).status).toBe('pending');
    const events = await f.outbox('session.cancelled', c.caseId);
    expect(events.map((e) => e.payload.sessionId).sort()).toEqual([first, second].sort());
    expect(events[0]!.payload).toMatchObject({ reason: 'case-ended', version: 2, wasBookedFor: null });
  });

  it('leaves a case on hold with its sessions', async () => {
    const c = await f.case();
    const session = await f.request(c, 'preparation', [c.harmed]);
    await f.deliver(f.event('case.stage-changed', { from: 'preparation', to: 'on-hold', changedAt: new Date().toISOString(), reason: 'trial', withdrawnBy: null, delivery: null }, c.caseId));
    expect((await f.ok('get', `/sessions/${session}`)).status).toBe('pending');
  });

  it('takes a participant who left the case out of its pending sessions', async () => {
    const c = await f.case();
    const supporter = await f.participant(c.caseId, 'supporter', { supportsParticipantId: c.harmed });
    const session = await f.request(c, 'preparation', [c.harmed, supporter]);
    await f.deliver(f.event('participant.removed', { participantId: supporter }, c.caseId));
    expect((await f.ok('get', `/sessions/${session}`)).participantIds).toEqual([c.harmed]);
  });

  it('keeps the newest facts of a person when an older change arrives late', async () => {
    const c = await f.case();
    const base = { participantId: c.harmed, role: 'person-harmed' as const, supportsParticipantId: null, language: 'en' as const, inCustody: false, establishment: null, interpreterLanguage: null, channels: { sms: true, email: true, voicemail: false, letters: false }, discreet: false };
    const older = f.event('participant.changed', { ...base, timeZone: 'Europe/Paris', needsAccessibleVenue: false }, c.caseId);
    const newer = f.event('participant.changed', { ...base, timeZone: 'Europe/London', needsAccessibleVenue: true }, c.caseId);
    await f.deliver(newer);
    await f.deliver(older);
    const availability = await f.ok('get', `/people/${c.harmed}/availability`);
    expect(availability.timeZone).toBe('Europe/London');
  });
});
