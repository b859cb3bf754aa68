import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventPayloads, EventType } from '#contracts';
import { EventConsumer } from '#messaging';
import { createTestApp, type TestApp } from '#testing';
import { ReportingWorkerModule } from '../reporting-worker.module';
import { FiguresService } from './figures.service';
import type { ReportFilter } from './report-filter';

const HOUR = 3600_000;

describe('first contact, counted in PostgreSQL', () => {
  let t: TestApp;
  let sequence = 0;
  const filter = (firstContactTargetHours: number): ReportFilter => ({
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2026-02-01T00:00:00Z'),
    asAt: new Date('2026-01-10T00:00:00Z'),
    scope: { kind: 'organisation', organisationId: 'org-fc' },
    firstContactTargetHours,
  });

  beforeAll(async () => {
    t = await createTestApp([ReportingWorkerModule]);
    const consumer = t.app.get(EventConsumer);
    const day = (d: number) => Date.parse(`2026-01-0${d}T00:00:00Z`);
    const cases: [number, number | null, boolean][] = [[day(1), 10, false], [day(1), 50, false], [day(2), null, false], [day(9), null, false], [day(1), null, true]];
    for (const [receivedAt, contactAfterHours, rejected] of cases) {
      for (const event of referral(receivedAt, contactAfterHours, rejected)) await consumer.handle(event);
    }
  });

  afterAll(() => t.close());

  function referral(receivedAt: number, contactAfterHours: number | null, rejected: boolean): DomainEvent[] {
    const caseId = randomUUID();
    const event = <T extends EventType>(type: T, at: number, payload: EventPayloads[T]): DomainEvent => ({
      id: randomUUID(), type, version: 1, occurredAt: new Date(at).toISOString(), source: 'cases', sequence: (sequence += 1), caseId,
      organisationId: 'org-fc', payload,
    } as DomainEvent);
    const at = (hours: number) => new Date(receivedAt + hours * HOUR).toISOString();
    const move = (to: 'first-contact' | 'rejected') =>
      event('case.stage-changed', receivedAt + HOUR, { from: 'referred', to, changedAt: at(1), reason: null, withdrawnBy: null, delivery: null });
    return [
      event('case.referred', receivedAt, {
        reference: `RJ-FC-${sequence}`, partnershipId: 'p-fc', source: 'police', initiatedBy: 'person-harmed', offenceCategory: 'theft',
        domesticAbuse: false, sexualOffence: false, hateCrime: false, justiceStage: 'out-of-court', ageGroup: 'adult',
        receivedAt: at(0), firstContactDueAt: at(48),
      }),
      move(rejected ? 'rejected' : 'first-contact'),
      ...(contactAfterHours === null ? [] : [event('case.contact-attempted', receivedAt + contactAfterHours * HOUR, {
        attemptId: randomUUID(), participantId: randomUUID(), participantRole: 'person-harmed', channel: 'phone', outcome: 'reached',
        attemptedAt: at(contactAfterHours), firstContact: true,
      })]),
    ];
  }

  it('counts late contacts and referrals past the target with none, leaving out rejected ones', async () => {
    const figures = await t.app.get(FiguresService).compute(filter(48));
    // Contacted after 10 h and 50 h: the median and p90 interpolate between them (30 h, 46 h).
    expect(figures.firstContact).toEqual({
      targetHours: 48, cases: 4, contacted: 2, medianHours: 30, p90Hours: 46, withinTarget: 1, shareWithinTarget: 0.3333,
      breaches: { contactedLate: 1, notContactedPastTarget: 1 },
    });
  });

  it('moves contacts and breaches across a different target', async () => {
    const figures = await t.app.get(FiguresService).compute(filter(72));
    // 50 h is now within; the referral of 2 January is past 72 h by the 10th, the one of the 9th is not.
    expect(figures.firstContact).toMatchObject({ withinTarget: 2, shareWithinTarget: 0.6667, breaches: { contactedLate: 0, notContactedPastTarget: 1 } });
  });
});
