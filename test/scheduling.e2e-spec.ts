import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OpsModule } from '#messaging';
import { createTestApp, eventually, type TestApp } from '#testing';
import { CasesWorkerModule } from '../apps/cases/src/cases-worker.module';
import { CasesModule } from '../apps/cases/src/cases.module';
import { CasesFactory } from '../apps/cases/test/cases.factory';
import { SchedulingWorkerModule } from '../apps/scheduling/src/scheduling-worker.module';

/** What cases knows and scheduling must never hold: names, numbers, addresses, access notes. */
const PERSONAL = ['Sarah', 'Jones', 'Mark Smith', 'Olu', '07700', 'example.org', 'Elm Road', 'wheelchair'];

describe('scheduling fed by the cases service through the event bus', () => {
  let t: TestApp;
  let cases: CasesFactory;
  let lead: string;

  beforeAll(async () => {
    t = await createTestApp([OpsModule, CasesModule, CasesWorkerModule, SchedulingWorkerModule]);
    cases = new CasesFactory(t.http, t.token('coordinator', 'org-a'), t.token('manager', 'org-a'));
  });

  afterAll(() => t.close());

  it('books a session a case asked for, tells notifications, and cancels it when the person harmed withdraws', async () => {
    const leadFacilitator = await cases.facilitator('lead');
    const co = await cases.facilitator('co');
    lead = t.token('facilitator', 'org-a', { userId: 'lead' });
    const kase = await cases.caseInPreparation({ id: leadFacilitator.id, token: lead }, co.id);
    const prison = await cases.ok('post', '/venues', cases.coordinator, {
      kind: 'prison', label: 'HMP Elmley visits hall', timeZone: 'Europe/London', accessible: true, establishment: 'hmp-elmley',
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '16:00' })),
    });
    const request = await cases.ok('post', `/cases/${kase.caseId}/session-requests`, lead, {
      kind: 'preparation',
      participantIds: [kase.responsible.id, kase.offenderManager.id],
    });

    const pending = await eventually(async () => {
      const [session] = await cases.ok<Record<string, any>[]>('get', `/sessions?caseId=${kase.caseId}`, cases.coordinator);
      expect(session).toMatchObject({ id: request.id, status: 'pending', kind: 'preparation' });
      return session!;
    });
    const [option] = await cases.ok<{ start: string; venueId: string }[]>('get', `/sessions/${pending.id}/suggestions?k=1`, cases.coordinator);
    expect(option!.venueId).toBe(prison.id);
    await cases.ok('post', `/sessions/${pending.id}/hold`, cases.coordinator, { start: option!.start, venueId: option!.venueId });
    const booked = await cases.ok('post', `/sessions/${pending.id}/confirm`, cases.coordinator);
    expect(booked.participantIds.sort()).toEqual([kase.responsible.id, kase.offenderManager.id].sort());

    await eventually(async () => {
      const jobs = await cases.ok<{ name: string; data: { payload: Record<string, unknown> } }[]>(
        'get', '/ops/queues/events-notifications/jobs?state=waiting', t.token('ops'),
      );
      // The prison itself went to notifications when it was created, and the case's facilitators when they were assigned.
      expect(jobs.map((j) => j.name).sort()).toEqual(['case.facilitators-assigned', 'facilitator.registered', 'facilitator.registered', 'session.booked', 'venue.saved']);
      expect(jobs.find((j) => j.name === 'session.booked')!.data.payload).toMatchObject({ sessionId: pending.id, venueId: prison.id, venueKind: 'prison', version: 1 });
    });

    await cases.move(kase.caseId, lead, 'withdrawn', { withdrawnBy: 'person-harmed' });
    await eventually(async () => {
      expect(await cases.ok('get', `/sessions/${pending.id}`, cases.coordinator)).toMatchObject({ status: 'cancelled', version: 2, cancelReason: 'case-ended' });
    });
    await eventually(async () => {
      const jobs = await cases.ok<{ name: string; data: { payload: Record<string, unknown> } }[]>(
        'get', '/ops/queues/events-notifications/jobs?state=waiting', t.token('ops'),
      );
      expect(jobs.map((j) => j.name).sort()).toEqual(['case.facilitators-assigned', 'facilitator.registered', 'facilitator.registered', 'session.booked', 'session.cancelled', 'venue.saved']);
    });

    const scheduling = t.app.get<DataSource>(getDataSourceToken('scheduling'));
    const tables: { table_name: string }[] = await scheduling.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'scheduling'`);
    for (const { table_name } of tables) {
      const dump = JSON.stringify(await scheduling.query(`SELECT * FROM scheduling."${table_name}"`));
      for (const word of PERSONAL) expect({ table_name, word, found: dump.includes(word) }).toEqual({ table_name, word, found: false });
    }
  });
});
