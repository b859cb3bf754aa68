import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { EventConsumer } from '#messaging';
import { createTestApp, type TestApp } from '#testing';
import { generateEvents } from '../../bench/generate-events';
import { FiguresService } from '../figures/figures.service';
import type { ReportFilter } from '../figures/report-filter';
import { ReplayService } from '../replay/replay.service';
import { ReportingWorkerModule } from '../reporting-worker.module';

describe('the read model whatever order events arrive in', () => {
  let t: TestApp;
  let consumer: EventConsumer;
  let figures: FiguresService;
  let dataSource: DataSource;
  // Enough cases for every figure to be non-zero; each event is its own transaction, so few enough
  // for a loaded CI machine (about 45 events a case).
  const events = generateEvents({ cases: 16, seed: 7, organisations: 2 });
  const filter: ReportFilter = {
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2027-01-01T00:00:00Z'),
    asAt: new Date('2027-06-01T00:00:00Z'),
    scope: { kind: 'partnership', partnershipId: 'partnership-1', organisationId: null },
    firstContactTargetHours: 48,
  };

  beforeAll(async () => {
    t = await createTestApp([ReportingWorkerModule]);
    consumer = t.app.get(EventConsumer);
    figures = t.app.get(FiguresService);
    dataSource = t.app.get(getDataSourceToken('reporting'));
  });

  afterAll(() => t.close());

  const ingest = async (batch: DomainEvent[]) => {
    for (const event of batch) await consumer.handle(event);
  };
  const empty = () =>
    dataSource.query(`DO $$ DECLARE t text; BEGIN
      FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'reporting' AND tablename <> 'migrations' LOOP
        EXECUTE format('TRUNCATE reporting.%I', t); END LOOP; END $$`);

  it('gives the same figures from shuffled and duplicated events as from events in order', async () => {
    await ingest(events);
    const inOrder = await figures.compute(filter);
    expect(inOrder.referrals.total).toBe(16);
    expect(inOrder.funnel.reached.closed).toBeGreaterThan(0);
    expect(inOrder.outcomes.actions).toBeGreaterThan(0);
    expect(Math.min(inOrder.sessions.booked, inOrder.sessions.held, inOrder.sessions.moved)).toBeGreaterThan(0);
    expect(Math.min(inOrder.messages.sent, inOrder.messages.delivered, inOrder.messages.confirmations.total)).toBeGreaterThan(0);

    await empty();
    const shuffled = shuffle([...events, ...events.filter((_, i) => i % 3 === 0)], 11);
    await ingest(shuffled);
    expect(await figures.compute(filter)).toEqual(inOrder);
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM reporting.event_log');
    expect(n).toBe(events.length);
  }, 90_000);

  it('rebuilds the same figures from the event log alone', async () => {
    const before = await figures.compute(filter);
    const result = await t.app.get(ReplayService).rebuild();
    expect(result.events).toBe(events.length);
    expect(await figures.compute(filter)).toEqual(before);
  });

  it('keeps a completed action completed when its agreement arrives after the update', async () => {
    await empty();
    const update = events.find((e) => e.type === 'outcome-action.updated')!;
    const agreement = events.find((e) => e.type === 'outcome-agreement.recorded' && e.caseId === update.caseId)!;
    const others = events.filter((e) => e.caseId === update.caseId && e !== agreement && e !== update);
    await ingest([...others, update, agreement]);
    const [row] = await dataSource.query('SELECT status FROM reporting.outcome_action_fact WHERE action_id = $1', [
      (update.payload as { actionId: string }).actionId,
    ]);
    expect(row.status).toBe('completed');
  });

  it('answers a redelivered event as a duplicate with no second effect', async () => {
    const event = events[events.length - 1]!;
    expect(['handled', 'duplicate']).toContain(await consumer.handle(event));
    expect(await consumer.handle(event)).toBe('duplicate');
  });
});

function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
