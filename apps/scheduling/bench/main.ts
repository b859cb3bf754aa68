import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AuthConfig, TokenService } from '#auth';
import { benchPostgres, dropDatabase, ensureDatabase, freePort } from '#infra';
import { type Environment, loadConfig, PlatformModule, withDevSecrets } from '#platform';
import { SchedulingWorkerModule } from '../src/scheduling-worker.module';
import { type Hold, ORGANISATION, seed, type Seeded } from './seed';

/**
 * `npm run bench:booking`: the scheduling API as it runs in production (its own process, its
 * own log level), driven in a closed loop (each client sends its next request as soon as the
 * last is answered, no think time): suggestions, then holds (the booking step: the people and
 * room are reserved), by one client and by 50; then both at once. Holds are mostly at free
 * times by video, each session moved to another weekday round after round; a contended tenth
 * of the cases race for one room at one time, so each round one wins and the rest get a 409.
 *
 * Each figure comes with the CPU it cost per request (the API process, Postgres, and this
 * client) and the load average, since the machine is shared; at the end the API's peak RSS and
 * the double bookings found in the sessions themselves (not the reservation table that
 * prevents them). The last line is the JSON of the issue, from the 50-client runs.
 */
const CONNECTIONS = 50;
const CASES = 100;
const CONTENDED_CASES = 10;
/** The last cases, held by the single client only. */
const SOLO_CASES = 10;
const SOLO_SECONDS = 3;
const SOLO_ROUNDS = 5;
const RUN_SECONDS = 10;
/** Weekdays ahead to hold sessions on: more rounds than a run can reach, so holds keep moving. */
const ROUNDS = 60;
const MIXED_HOLDERS = 10;
/** Requests a second of each client in the paced phases: 50 clients at 1/s is 50 a second. */
const PACED_RATE = 1;

async function main(): Promise<void> {
  const env: Environment = withDevSecrets({ LOG_LEVEL: 'warn', ...process.env, QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}` });
  const stops: (() => Promise<void>)[] = [];
  try {
    const database = `bench_booking_${randomBytes(4).toString('hex')}`;
    const embedded = !process.env.DATABASE_URL;
    const postgres = await benchPostgres();
    stops.unshift(() => postgres.stop());
    env.DATABASE_URL = await ensureDatabase(postgres.adminUrl, database);
    stops.unshift(() => dropDatabase(postgres.adminUrl, database));

    say(`seeding ${CASES} cases (${CASES * 4} sessions) through the event consumer...`);
    @Module({ imports: [PlatformModule.forRoot({ env }), SchedulingWorkerModule] })
    class SeedRoot {}
    const context = await NestFactory.createApplicationContext(SeedRoot, { logger: ['error'], abortOnError: false });
    const seeded = await seed(context, CASES, CONTENDED_CASES);
    await context.close();

    const port = await freePort();
    const api = await startApi({ ...env, PORT: String(port) });
    stops.unshift(async () => void api.kill('SIGTERM'));
    say(`API pid ${api.pid}, LOG_LEVEL ${env.LOG_LEVEL}; Postgres ${embedded ? 'embedded (its CPU counted)' : 'from DATABASE_URL (its CPU not counted)'}`);
    const meter = new CpuMeter(api.pid!, embedded);
    const token = new TokenService(loadConfig(AuthConfig, env)).issue(
      { userId: 'bench', roles: ['coordinator'], organisationId: ORGANISATION, partnershipId: null },
      3600,
    );
    const target = { url: `http://127.0.0.1:${port}`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } };

    const soloCases = seeded.cases.map((_, index) => index).slice(-SOLO_CASES);
    const sharedCases = seeded.cases.map((_, index) => index).slice(0, -SOLO_CASES);
    const soloHolds = holdsOf(seeded, soloCases, SOLO_ROUNDS);
    const holds = holdsOf(seeded, sharedCases, ROUNDS);
    const suggestions = suggestRequests(seeded.sessionIds);

    // One client first: the service time of a request, without waiting behind 49 others.
    // Each session once: every answer computed, none from memory (what a miss costs).
    await measure('suggestions, 1 client, first sight of each session', meter, target.url, () =>
      run(target, 1, { amount: seeded.sessionIds.length }, suggestRequests(seeded.sessionIds)),
    );
    await measure('suggestions, 1 client', meter, target.url, () => run(target, 1, { duration: SOLO_SECONDS }, suggestions));
    await measure('holds, 1 client', meter, target.url, () => run(target, 1, { amount: soloHolds.length }, holdRequests(soloHolds)));
    const suggest50 = await measure(`suggestions, ${CONNECTIONS} clients`, meter, target.url, () => run(target, CONNECTIONS, { duration: RUN_SECONDS }, suggestions));
    const nextHold = holdRequests(holds);
    const hold50 = await measure(`holds, ${CONNECTIONS} clients`, meter, target.url, () => run(target, CONNECTIONS, { duration: RUN_SECONDS }, nextHold));
    // The same 50 clients at a person's pace, each a request a second (50 a second in all, more
    // than any RJ service's coordinators make): latency with 50 connections open but no queue of
    // 49 requests ahead, as a closed loop builds. Printed beside the closed-loop figures, not instead.
    await measure(`suggestions, ${CONNECTIONS} clients paced at ${PACED_RATE}/s each`, meter, target.url, () => run(target, CONNECTIONS, { duration: RUN_SECONDS }, suggestions, PACED_RATE));
    await measure(`holds, ${CONNECTIONS} clients paced at ${PACED_RATE}/s each`, meter, target.url, () => run(target, CONNECTIONS, { duration: RUN_SECONDS }, nextHold, PACED_RATE));
    // Suggestions while others book: each booking changes what some suggestions were built on.
    await measure(`mixed, ${CONNECTIONS} clients (${CONNECTIONS - MIXED_HOLDERS} suggesting, ${MIXED_HOLDERS} holding)`, meter, target.url, async () => {
      const [s, h] = await Promise.all([
        run(target, CONNECTIONS - MIXED_HOLDERS, { duration: RUN_SECONDS }, suggestions),
        run(target, MIXED_HOLDERS, { duration: RUN_SECONDS }, nextHold),
      ]);
      report('  of which suggestions', s);
      report('  of which holds', h);
      return [s, h];
    });

    say(`API peak RSS: ${peakRssMb(api.pid!)} MB`);
    const throughput = (suggest50.requests.total + hold50.requests.total) / (suggest50.duration + hold50.duration || 1);
    say(
      `closed loop: a client's mean wait is ${CONNECTIONS} / throughput (Little's law): ` +
        `suggestions ${Math.round((CONNECTIONS * 1000) / (suggest50.requests.total / suggest50.duration))} ms, ` +
        `holds ${Math.round((CONNECTIONS * 1000) / (hold50.requests.total / hold50.duration))} ms`,
    );
    const doubleBookings = await countDoubleBookings(env.DATABASE_URL);
    say(`double bookings found in the sessions afterwards: ${doubleBookings}`);
    const result = {
      suggestP50Ms: suggest50.latency.p50,
      suggestP99Ms: suggest50.latency.p99,
      bookP50Ms: hold50.latency.p50,
      bookP99Ms: hold50.latency.p99,
      requestsPerSecond: Math.round(throughput),
      doubleBookings,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

type RequestSetup = NonNullable<autocannon.Request['setupRequest']>;
type Target = { url: string; headers: Record<string, string> };

function run(target: Target, connections: number, length: { duration: number } | { amount: number }, setupRequest: RequestSetup, connectionRate?: number) {
  return autocannon({ ...target, connections, ...length, ...(connectionRate ? { connectionRate } : {}), requests: [{ setupRequest }] });
}

function suggestRequests(sessionIds: string[]): RequestSetup {
  let next = 0;
  return (request) => ({ ...request, method: 'GET', path: `/sessions/${sessionIds[next++ % sessionIds.length]}/suggestions?k=5` });
}

/** Round by round, every session of these cases once per round. */
function holdsOf(seeded: Seeded, cases: number[], rounds: number): Hold[] {
  return Array.from({ length: rounds }, (_, round) => cases.flatMap((c) => [0, 1, 2, 3].map((s) => seeded.holdAt(c, s, round)))).flat();
}

/** Each call the next hold of the list, carrying on where the last run stopped. */
function holdRequests(holds: Hold[]): RequestSetup {
  let next = 0;
  return (request) => {
    const { sessionId, start, venueId } = holds[next++ % holds.length]!;
    return { ...request, method: 'POST', path: `/sessions/${sessionId}/hold`, body: JSON.stringify({ start, venueId }) };
  };
}

/**
 * Runs a phase and prints its figures with the CPU it cost per request, the load average, and
 * how the API answered its suggestions (from memory or computed), from its own metrics.
 */
async function measure<T extends autocannon.Result | autocannon.Result[]>(name: string, meter: CpuMeter, url: string, phase: () => Promise<T>): Promise<T> {
  const answersBefore = await suggestionAnswers(url);
  const before = meter.read();
  const result = await phase();
  const spent = meter.since(before);
  const answers = Object.entries(await suggestionAnswers(url))
    .map(([outcome, n]) => [outcome, n - (answersBefore[outcome] ?? 0)] as const)
    .filter(([, n]) => n > 0);
  const requests = (Array.isArray(result) ? result : [result]).map((r) => r.requests.total).reduce((a, b) => a + b, 0);
  if (!Array.isArray(result)) report(name, result);
  const perRequest = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / (requests || 1)).toFixed(2)} ms`);
  say(
    `${Array.isArray(result) ? `${name}: ${requests} requests; ` : '  '}CPU per request: API ${perRequest(spent.api)}, Postgres ${perRequest(spent.postgres)}, ` +
      `this client ${perRequest(spent.client)}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}` +
      (answers.length > 0 ? `; suggestions ${answers.map(([outcome, n]) => `${outcome} ${n}`).join(', ')}` : ''),
  );
  return result;
}

/** The API's count of suggestions by how it answered them (hit, shared, miss, uncached). */
async function suggestionAnswers(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const [, outcome, n] of text.matchAll(/^convene_scheduling_suggestions_total\{outcome="(\w+)"\} (\d+)$/gm)) counts[outcome!] = Number(n);
  return counts;
}

function report(name: string, result: autocannon.Result): void {
  const codes = Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => `${code}: ${count}`).join(', ');
  say(
    `${name}: ${result.requests.total} requests in ${result.duration.toFixed(1)} s, ` +
      `${Math.round(result.requests.total / (result.duration || 1))} req/s; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `answers ${codes || 'none'}, errors ${result.errors}`,
  );
}

/**
 * CPU time (user + system) of the API process, of the Postgres processes this bench started
 * (its descendants other than the API), and of this process, from /proc.
 */
class CpuMeter {
  private readonly tickMs = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

  constructor(
    private readonly apiPid: number,
    private readonly countPostgres: boolean,
  ) {}

  read(): { api: number; postgres: number | null; client: number } {
    const stats = processStats();
    const children = new Map<number, number[]>();
    for (const stat of stats.values()) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
    let postgres = 0;
    const queue = [...(children.get(process.pid) ?? [])].filter((pid) => pid !== this.apiPid);
    while (queue.length > 0) {
      const stat = stats.get(queue.pop()!)!;
      // Exited backends' time is in their parent's children-times once reaped.
      postgres += stat.utime + stat.stime + stat.cutime + stat.cstime;
      queue.push(...(children.get(stat.pid) ?? []));
    }
    const api = stats.get(this.apiPid);
    const own = process.cpuUsage();
    return {
      api: api ? (api.utime + api.stime) * this.tickMs : 0,
      postgres: this.countPostgres ? postgres * this.tickMs : null,
      client: (own.user + own.system) / 1000,
    };
  }

  since(before: ReturnType<CpuMeter['read']>): ReturnType<CpuMeter['read']> {
    const now = this.read();
    return {
      api: now.api - before.api,
      postgres: now.postgres === null || before.postgres === null ? null : now.postgres - before.postgres,
      client: now.client - before.client,
    };
  }
}

interface ProcessStat {
  pid: number;
  ppid: number;
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
}

function processStats(): Map<number, ProcessStat> {
  const stats = new Map<number, ProcessStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const number = (field: number) => Number(fields[field - 3]);
    stats.set(Number(entry), { pid: Number(entry), ppid: number(4), utime: number(14), stime: number(15), cutime: number(16), cstime: number(17) });
  }
  return stats;
}

function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
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
