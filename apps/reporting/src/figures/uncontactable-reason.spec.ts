import { randomUUID } from 'node:crypto';
import type { ContactOutcome, DomainEvent, EventPayloads, EventType, UncontactableReason } from '#contracts';
import { EventConsumer } from '#messaging';
import { createTestApp, type TestApp } from '#testing';
import { ReportingWorkerModule } from '../reporting-worker.module';
import { FiguresService } from './figures.service';
import type { ReportFilter } from './report-filter';

const HOUR = 3600_000;

describe('why cases were uncontactable, counted in PostgreSQL', () => {
  let t: TestApp;
  let sequence = 0;
  const filter: ReportFilter = {
    from: new Date('2026-03-01T00:00:00Z'),
    to: new Date('2026-04-01T00:00:00Z'),
    asAt: new Date('2026-04-10T00:00:00Z'),
    scope: { kind: 'organisation', organisationId: 'org-uc' },
    firstContactTargetHours: 48,
  };

  beforeAll(async () => {
    t = await createTestApp([ReportingWorkerModule]);
  });

  afterAll(() => t.close());

  /** A referral that ends uncontactable after the attempts given; reason null as moves were published before cases asked. */
  function uncontactable(attempts: ContactOutcome[], reason: UncontactableReason | null): DomainEvent[] {
    const caseId = randomUUID();
    const receivedAt = Date.parse('2026-03-02T09:00:00Z');
    const at = (hours: number) => new Date(receivedAt + hours * HOUR).toISOString();
    const event = <T extends EventType>(type: T, hours: number, payload: EventPayloads[T]): DomainEvent => ({
      id: randomUUID(), type, version: 1, occurredAt: at(hours), source: 'cases', sequence: (sequence += 1), caseId,
      organisationId: 'org-uc', payload,
    } as DomainEvent);
    return [
      event('case.referred', 0, {
        reference: `RJ-UC-${sequence}`, partnershipId: null, source: 'police', initiatedBy: 'person-harmed', offenceCategory: 'theft',
        domesticAbuse: false, sexualOffence: false, hateCrime: false, justiceStage: 'out-of-court', ageGroup: 'adult',
        receivedAt: at(0), firstContactDueAt: at(48),
      }),
      event('case.stage-changed', 1, { from: 'referred', to: 'first-contact', changedAt: at(1), reason: null, withdrawnBy: null, delivery: null }),
      ...attempts.map((outcome, n) => event('case.contact-attempted', 2 + n, {
        attemptId: randomUUID(), participantId: null, participantRole: 'person-harmed', channel: 'phone', outcome, attemptedAt: at(2 + n),
        firstContact: false,
      })),
      event('case.stage-changed', 10, { from: 'first-contact', to: 'uncontactable', changedAt: at(10), reason, withdrawnBy: null, delivery: null }),
    ];
  }

  it('counts the reason recorded with the move, and for moves without one the reason their last attempt points to', async () => {
    const consumer = t.app.get(EventConsumer);
    const cases = [
      // The practitioner's reason wins over what the attempts suggest.
      uncontactable(['no-answer', 'wrong-details'], 'moved-away'),
      uncontactable([], 'no-safe-channel'),
      // Published before cases asked: inferred, in the reasons' words.
      uncontactable(['wrong-details', 'voicemail-left'], null),
      uncontactable(['message-sent'], null),
      uncontactable(['no-answer', 'declined-contact'], null),
      uncontactable([], null),
    ];
    for (const event of cases.flat()) await consumer.handle(event);

    const figures = await t.app.get(FiguresService).compute(filter);
    expect(figures.funnel.exits.uncontactable).toEqual({
      total: 6,
      byStage: { 'first-contact': 6 },
      whileOnHold: 0,
      byWhom: {},
      byReason: { 'moved-away': 1, 'no-safe-channel': 1, 'no-response': 2, 'declined-contact': 1, 'no-attempt-recorded': 1 },
    });
  });
});
