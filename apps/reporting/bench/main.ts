import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type DomainEvent, eventsSubscribedBy } from '#contracts';
import { benchPostgres, dropDatabase, ensureDatabase } from '#infra';
import { EventConsumer } from '#messaging';
import { PlatformModule } from '#platform';
import { EventsHandler } from '../src/events/events.handler';
import { storedPayload } from '../src/events/stored-fields';
import { FiguresService } from '../src/figures/figures.service';
import type { ReportFilter } from '../src/figures/report-filter';
import { ReplayService } from '../src/replay/replay.service';
import { ReportingModule } from '../src/reporting.module';
import { eventsOf, generateEvents } from './generate-events';

/**
 * `npm run bench:reporting`: the replay rate of 100,000 generated events, the report's latency
 * over 10,000 cases, and the rate of live handling through the consumer, against PostgreSQL
 * (DATABASE_URL's server, or an embedded one). Figures, not a test; the last line is JSON.
 */
const REPLAY_EVENTS = 100_000;
const REPORT_CASES = 10_000;
const LIVE_EVENTS = 5_000;
const REPORT_RUNS = 60;

async function main(): Promise<void> {
  const server = await benchPostgres();
  const name = `bench_reporting_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(server.adminUrl, name);
  const env = {
    NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    ENCRYPTION_KEY_ID: 'bench', QUEUE_PREFIX: name,
  };
  const app = await NestFactory.createApplicationContext(
    { module: class BenchRoot {}, imports: [PlatformModule.forRoot({ env }), ReportingModule] },
    { logger: false },
  );
  try {
    const dataSource = app.get<DataSource>(getDataSourceToken('reporting'));
    // Generated case by case into the log, never held whole: the log is what the bench measures, not the generator.
    const events = eventsOf({ cases: REPORT_CASES, seed: 1 })[Symbol.iterator]();
    await appendToLog(dataSource, events, REPLAY_EVENTS);
    const replay = await app.get(ReplayService).rebuild();
    const replayRate = Math.round((REPLAY_EVENTS / replay.tookMs) * 1000);
    console.log(`replay of ${REPLAY_EVENTS} events into an empty model: ${replay.tookMs} ms, ${replayRate} events/s (target >= 5,000)`);

    await appendToLog(dataSource, events, Infinity);
    const full = await app.get(ReplayService).rebuild();
    console.log(`replay of all ${full.events} events (${REPORT_CASES} cases, ${Math.round(full.events / REPORT_CASES)} a case): ${full.tookMs} ms, ${Math.round((full.events / full.tookMs) * 1000)} events/s`);

    const latency = await reportLatency(app.get(FiguresService));
    console.log(`report over ${REPORT_CASES} cases, all figures, ${REPORT_RUNS} runs: p50 ${latency.p50} ms, p99 ${latency.p99} ms (target < 200 ms)`);

    const live = await liveRate(dataSource, app.get(EventsHandler));
    console.log(`live handling through the consumer (one transaction an event, duplicates checked): ${live} events/s over ${LIVE_EVENTS} events`);
    console.log(`peak memory (maxRSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    console.log(JSON.stringify({ replayEventsPerSecond: replayRate, reportP50Ms: latency.p50, reportP99Ms: latency.p99, events: REPLAY_EVENTS, cases: REPORT_CASES }));
  } finally {
    await app.close();
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  }
}

/** Up to `count` more events into the log as the consumer would have written them, in batches. */
async function appendToLog(dataSource: DataSource, events: Iterator<DomainEvent>, count: number): Promise<void> {
  for (let appended = 0; appended < count; ) {
    const batch: DomainEvent[] = [];
    for (let next = events.next(); !next.done; next = events.next()) {
      batch.push(next.value);
      if (batch.length === Math.min(2000, count - appended)) break;
    }
    if (batch.length === 0) return;
    appended += batch.length;
    await dataSource.query(
      `INSERT INTO reporting.event_log (event_id, type, version, source, sequence, occurred_at, case_id, organisation_id, payload)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::bigint[], $6::timestamptz[], $7::uuid[], $8::text[], $9::jsonb[])`,
      [
        batch.map((e) => e.id), batch.map((e) => e.type), batch.map((e) => e.version), batch.map((e) => e.source),
        batch.map((e) => e.sequence), batch.map((e) => e.occurredAt), batch.map((e) => e.caseId), batch.map((e) => e.organisationId),
        batch.map((e) => JSON.stringify(storedPayload(e))),
      ],
    );
  }
}

async function reportLatency(figures: FiguresService): Promise<{ p50: number; p99: number }> {
  const filter: ReportFilter = {
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2027-01-01T00:00:00Z'),
    asAt: new Date(),
    scope: { kind: 'partnership', partnershipId: 'partnership-1', organisationId: null },
    firstContactTargetHours: 48,
  };
  const figuresOf = await figures.compute(filter);
  if (figuresOf.referrals.total !== REPORT_CASES) throw new Error(`the report counted ${figuresOf.referrals.total} cases, not ${REPORT_CASES}`);
  const times: number[] = [];
  for (let run = 0; run < REPORT_RUNS; run += 1) {
    const started = performance.now();
    await figures.compute(filter);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]! * 10) / 10;
  return { p50: at(0.5), p99: at(0.99) };
}

/** The consumer's own path (processed_event, log, projections in one transaction), on fresh events. */
async function liveRate(dataSource: DataSource, handler: EventsHandler): Promise<number> {
  const handlers = new Map(eventsSubscribedBy('reporting').map((type) => [type, handler.record.bind(handler)] as const));
  const consumer = new EventConsumer(dataSource, handlers, { service: 'reporting', redisUrl: 'redis://unused', queuePrefix: 'unused' });
  const events = generateEvents({ cases: 400, seed: 2 }).slice(0, LIVE_EVENTS);
  const started = performance.now();
  for (const event of events) await consumer.handle(event);
  return Math.round((events.length / (performance.now() - started)) * 1000);
}


main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
