import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AuthConfig, TokenService } from '#auth';
import { dropDatabase, ensureDatabase, freePort, type RunningPostgres, startEmbeddedPostgres } from '#infra';
import { type Environment, loadConfig, PlatformModule, withDevSecrets } from '#platform';
import { SchedulingWorkerModule } from '../src/scheduling-worker.module';
import { ORGANISATION, seed, type Seeded } from './seed';

/**
 * `npm run bench:booking`: the scheduling API as it runs in production (its own process):
 * one client, then 50 concurrent clients, asking for suggestions and holding sessions (most at
 * free times, some racing for one room and time), and a count of double bookings found
 * afterwards in the sessions themselves (not the reservation table that prevents them). The
 * last line's figures are those at 50 clients.
 */
const CONNECTIONS = 50;
const CASES = 100;
const CONTENDED_CASES = 10;
const SUGGEST_SECONDS = 10;
const SOLO_SECONDS = 3;
const SOLO_HOLDS = 40;

async function main(): Promise<void> {
  const env: Environment = withDevSecrets({ LOG_LEVEL: 'warn', ...process.env, QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}` });
  const stops: (() => Promise<void>)[] = [];
  try {
    const database = `bench_booking_${randomBytes(4).toString('hex')}`;
    let adminUrl = env.DATABASE_URL;
    if (!adminUrl) {
      const dataDir = mkdtempSync(join(tmpdir(), 'convene-bench-'));
      const postgres: RunningPostgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), port: await freePort() });
      stops.unshift(async () => rmSync(dataDir, { recursive: true, force: true }));
      stops.unshift(() => postgres.stop());
      adminUrl = postgres.adminUrl;
    }
    env.DATABASE_URL = await ensureDatabase(adminUrl, database);
    stops.unshift(() => dropDatabase(adminUrl!, database));

    say(`seeding ${CASES} cases (${CASES * 4} sessions) through the event consumer...`);
    @Module({ imports: [PlatformModule.forRoot({ env }), SchedulingWorkerModule] })
    class SeedRoot {}
    const context = await NestFactory.createApplicationContext(SeedRoot, { logger: false });
    const seeded = await seed(context, CASES, CONTENDED_CASES);
    await context.close();

    const port = await freePort();
    const api = await startApi({ ...env, PORT: String(port) });
    stops.unshift(async () => void api.kill('SIGTERM'));
    const token = new TokenService(loadConfig(AuthConfig, env)).issue(
      { userId: 'bench', roles: ['coordinator'], organisationId: ORGANISATION, partnershipId: null },
      3600,
    );
    const base = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // One client first: the service time of a request, without waiting behind 49 others.
    const alone = seeded.holds.slice(-SOLO_HOLDS);
    const racing = seeded.holds.slice(0, -SOLO_HOLDS);
    report('suggestions, 1 client', await run(base, headers, 1, { duration: SOLO_SECONDS }, suggestRequest(seeded.sessionIds)));
    report('holds, 1 client', await run(base, headers, 1, { amount: alone.length }, holdRequest(alone)));
    const suggestions = await run(base, headers, CONNECTIONS, { duration: SUGGEST_SECONDS }, suggestRequest(seeded.sessionIds));
    report(`suggestions, ${CONNECTIONS} clients`, suggestions);
    const holds = await run(base, headers, CONNECTIONS, { amount: racing.length }, holdRequest(racing));
    report(`holds, ${CONNECTIONS} clients`, holds);

    const doubleBookings = await countDoubleBookings(env.DATABASE_URL);
    say(`double bookings found in the sessions afterwards: ${doubleBookings}`);
    const result = {
      suggestP50Ms: suggestions.latency.p50,
      suggestP99Ms: suggestions.latency.p99,
      bookP50Ms: holds.latency.p50,
      bookP99Ms: holds.latency.p99,
      requestsPerSecond: Math.round((suggestions.requests.total + holds.requests.total) / ((suggestions.duration + holds.duration) || 1)),
      doubleBookings,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

type RequestSetup = NonNullable<autocannon.Request['setupRequest']>;

function run(url: string, headers: Record<string, string>, connections: number, length: { duration: number } | { amount: number }, setupRequest: RequestSetup) {
  return autocannon({ url, connections, headers, ...length, requests: [{ setupRequest }] });
}

function suggestRequest(sessionIds: string[]): RequestSetup {
  let next = 0;
  return (request) => ({ ...request, method: 'GET', path: `/sessions/${sessionIds[next++ % sessionIds.length]}/suggestions?k=5` });
}

function holdRequest(holds: Seeded['holds']): RequestSetup {
  let next = 0;
  return (request) => {
    const { sessionId, start, venueId } = holds[next++ % holds.length]!;
    return { ...request, method: 'POST', path: `/sessions/${sessionId}/hold`, body: JSON.stringify({ start, venueId }) };
  };
}

function report(name: string, result: autocannon.Result): void {
  say(
    `${name}: ${result.requests.total} requests in ${result.duration.toFixed(1)} s, ` +
      `${Math.round(result.requests.average)} req/s; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
}

/** Held or booked sessions that share a person, or a room, at overlapping times. */
async function countDoubleBookings(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`
      SELECT count(*)::int AS n FROM scheduling.session a
      JOIN scheduling.session b ON a.id < b.id AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
      LEFT JOIN scheduling.venue v ON v.id = a.venue_id
      WHERE a.status IN ('held', 'booked') AND b.status IN ('held', 'booked')
        AND ((a.participant_ids || a.facilitator_ids) && (b.participant_ids || b.facilitator_ids) OR (a.venue_id = b.venue_id AND v.kind <> 'video'))`);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** The API's own entry point in a child process, as deployed; resolves once it answers. */
async function startApi(env: Environment): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, '../src/main.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the scheduling API exited with ${child.exitCode}`);
    const live = await fetch(`http://127.0.0.1:${env.PORT}/health/live`).then((r) => r.ok, () => false);
    if (live) return child;
    if (Date.now() > deadline) throw new Error('the scheduling API did not answer within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
