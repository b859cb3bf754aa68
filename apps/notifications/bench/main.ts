import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { type DomainEvent, eventQueueFor } from '#contracts';
import { benchPostgres, dropDatabase, ensureDatabase, ensureRedis, freePort } from '#infra';
import { redisOptions } from '#platform';
import { SmtpCatcher, TwilioStandIn } from '#stand-ins';
import { type Recipient, RpcStandIns } from '../test/rpc-stand-ins';

/**
 * `npm run bench:notifications`: reminders end to end, with the notifications API (Twilio's
 * callbacks) and worker in processes of their own as deployed. Session events go in through
 * notifications' event queue and are planned into reminders; at their time the reminders are
 * sent to the Twilio stand-in (half) and the SMTP catcher (half), whose status callbacks come
 * back to the API. This process plays the outside world: the stand-ins, and cases answering
 * contact routes (what is measured is notifications, not cases). Two phases:
 *   a. throughput: BENCH_REMINDERS reminders due at the same instant (a burst); messages a
 *      second from that instant to the last acceptance;
 *   b. lateness: BENCH_REMINDERS reminders due uniformly over one minute (BENCH_SPREAD_MS), as
 *      "due in the same minute" means; p50/p99 of acceptance minus due time.
 * Each phase reports the CPU it cost per message in each process (/proc) with the load
 * average, Postgres transactions and Redis commands per message. Figures, not a test; the last
 * line is JSON (messagesPerSecond from a, lateness from b, counts over both).
 */
const PER_PHASE = Number(process.env.BENCH_REMINDERS ?? 10_000);
const SPREAD_MS = Number(process.env.BENCH_SPREAD_MS ?? 60_000);
/** The burst falls due this long after its events go in, so planning is over by then. */
const BURST_LEAD_MS = Number(process.env.BENCH_PLANNING_MS ?? 40_000);
const LEAD_MS = 120 * 60_000;
/** How long the worker is left idle after the load before its memory is read again. */
const IDLE_MS = 30_000;
const ORGANISATION = 'bench';

interface Planned {
  address: string;
  dueAt: number;
}

async function main(): Promise<void> {
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const server = await benchPostgres();
    stops.unshift(server.stop);
    const name = `bench_notifications_${randomBytes(4).toString('hex')}`;
    const url = await ensureDatabase(server.adminUrl, name);
    stops.unshift(() => dropDatabase(server.adminUrl, name));
    const redisDir = mkdtempSync(join(tmpdir(), 'bench-notifications-redis-'));
    const redis = await ensureRedis(`redis://127.0.0.1:${await freePort()}`, redisDir);
    stops.unshift(async () => rmSync(redisDir, { recursive: true, force: true }));
    stops.unshift(redis.stop);
    const twilio = new TwilioStandIn();
    await twilio.start();
    stops.unshift(() => twilio.stop());
    const smtp = new SmtpCatcher({ parse: false });
    await smtp.start();
    stops.unshift(() => smtp.stop());
    const cases = await RpcStandIns.start(redis.url, name);
    stops.unshift(() => cases.stop());

    const apiPort = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', DATABASE_URL: url, REDIS_URL: redis.url, QUEUE_PREFIX: name,
      ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`, ENCRYPTION_KEY_ID: 'bench', JWT_SECRET: randomBytes(32).toString('base64url'),
      TWILIO_API_URL: twilio.url, TWILIO_ACCOUNT_SID: twilio.accountSid, TWILIO_AUTH_TOKEN: twilio.authToken,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_BASE_URL: `http://127.0.0.1:${apiPort}`,
      SMS_FROM_NUMBERS: Array.from({ length: 10 }, (_, i) => `+44163296010${i}`).join(','), SMS_PER_SECOND_PER_NUMBER: '1000',
      QUIET_HOURS_START: '0', QUIET_HOURS_END: '0', REMINDER_SWEEP: 'false',
      ...(process.env.SEND_CONCURRENCY ? { SEND_CONCURRENCY: process.env.SEND_CONCURRENCY } : {}),
      ...(process.env.SMTP_POOL_SIZE ? { SMTP_POOL_SIZE: process.env.SMTP_POOL_SIZE } : {}),
    };
    // The API first: it runs the migrations the worker then finds done.
    const api = await startService('main', { ...env, PORT: String(apiPort) });
    stops.unshift(() => stopService(api));
    const worker = await startService('worker', { ...env, PORT: String(await freePort()) });
    stops.unshift(() => stopService(worker));
    await sleep(3000);
    const idleRss = rssMb(worker.pid!, 'VmRSS');
    say(
      `worker idle after start: RSS ${idleRss} MB (API ${rssMb(api.pid!, 'VmRSS')} MB); log level ${env.LOG_LEVEL}; SEND_CONCURRENCY ${env.SEND_CONCURRENCY ?? 'default'}, ` +
        `SMTP_POOL_SIZE ${env.SMTP_POOL_SIZE ?? 'default'}, 10 sending numbers at ${env.SMS_PER_SECOND_PER_NUMBER} SMS/s each; NODE_OPTIONS ${process.env.NODE_OPTIONS ?? 'none'}; load average ${loadText()}`,
    );

    const db = new Client({ connectionString: url });
    await db.connect();
    stops.unshift(() => db.end());
    await db.query(
      `INSERT INTO notifications.reminder_plan (id, organisation_id, confirmation, offsets_minutes, updated_by) VALUES ($1, $2, false, '{120}', 'bench')`,
      [randomUUID(), ORGANISATION],
    );
    const meter = new Meter({ worker: worker.pid!, api: api.pid! }, db, new IORedis(redis.url));
    stops.unshift(() => meter.close());
    const queue = new Queue(eventQueueFor('notifications'), { connection: redisOptions(redis.url, 'producer'), prefix: name });
    stops.unshift(() => queue.close());
    // The sessions are at a venue notifications has heard of, so every message says where.
    const venueId = randomUUID();
    const venue: DomainEvent = {
      id: randomUUID(), type: 'venue.saved', version: 1, occurredAt: new Date().toISOString(), source: 'scheduling', sequence: 0, caseId: null, organisationId: ORGANISATION,
      payload: { venueId, organisation: ORGANISATION, kind: 'community', label: 'Riverside Community Centre', address: '12 Mill Lane, Maidstone ME14 1AA', directions: null, timeZone: 'Europe/London' },
    };
    await queue.add(venue.type, venue, { jobId: venue.id });
    const accepted = () => [
      ...twilio.messages.map((m) => ({ to: m.to, at: m.dateCreated.getTime(), channel: 'SMS' })),
      ...smtp.messages.map((m) => ({ to: m.envelope.to[0]!, at: Date.parse(m.receivedAt), channel: 'email' })),
    ];
    const plan = async (first: number, dueAt: (i: number) => number): Promise<{ planned: Planned[]; eventsPerSecond: number }> => {
      const events: DomainEvent[] = [];
      const planned: Planned[] = [];
      for (let i = first; i < first + PER_PHASE; i += 1) {
        const caseId = randomUUID();
        const p: Recipient = {
          participantId: randomUUID(), role: 'person-harmed', relation: 'self', firstName: 'Sam', language: i % 4 === 0 ? 'cy' : 'en',
          timeZone: 'Europe/London', discreet: i % 3 === 0,
          sms: i % 2 === 0 ? `+4477009${String(i).padStart(5, '0')}` : null,
          email: i % 2 === 1 ? `p${i}@bench.example.org` : null,
        };
        cases.route(caseId, p.participantId, p);
        const due = dueAt(i - first);
        planned.push({ address: (p.sms ?? p.email)!, dueAt: due });
        events.push({
          id: randomUUID(), type: 'session.booked', version: 1, occurredAt: new Date().toISOString(), source: 'scheduling', sequence: i + 1, caseId, organisationId: ORGANISATION,
          payload: { sessionId: randomUUID(), kind: 'preparation', version: 1, participantIds: [p.participantId], facilitatorIds: [randomUUID()],
            startsAt: new Date(due + LEAD_MS).toISOString(), endsAt: new Date(due + LEAD_MS + 3600_000).toISOString(), venueId, venueKind: 'community' },
        });
      }
      const started = Date.now();
      for (let i = 0; i < events.length; i += 1000) {
        await queue.addBulk(events.slice(i, i + 1000).map((e) => ({ name: e.type, data: e, opts: { jobId: e.id, attempts: 10, backoff: { type: 'exponential', delay: 200 } } })));
      }
      await until(async () => (await meter.reminders()) >= first + PER_PHASE, started + 600_000);
      const eventsPerSecond = Math.round((PER_PHASE / (Date.now() - started)) * 1000);
      say(`${PER_PHASE} session events planned into reminders in ${Date.now() - started} ms (${eventsPerSecond} events/s, one event at a time: the consumer keeps their order)`);
      return { planned, eventsPerSecond };
    };
    /** Waits for every reminder of the phase to be accepted; the phase's lateness and costs. */
    const run = async (label: string, planned: Planned[], expectedSoFar: number) => {
      const firstDue = Math.min(...planned.map((p) => p.dueAt));
      const lastDue = Math.max(...planned.map((p) => p.dueAt));
      if (Date.now() > firstDue) say(`warning: planning ran ${Date.now() - firstDue} ms into the time the reminders fall due`);
      // The same work each time: how fast this machine is at the moment (it varies with the host's other load).
      say(`  machine check: a fixed workload took ${calibrate()} ms (lower is faster; compare runs by it)`);
      await sleep(firstDue - Date.now());
      const before = await meter.read();
      await until(() => twilio.messages.length + smtp.messages.length >= expectedSoFar, lastDue + 600_000, 100);
      const after = await meter.read();
      const due = new Map(planned.map((p) => [p.address, p.dueAt]));
      const mine = accepted().filter((a) => due.has(a.to));
      const lateness = mine.map((a) => Math.max(0, a.at - due.get(a.to)!)).sort((a, b) => a - b);
      const last = Math.max(...mine.map((a) => a.at));
      const spanS = (last - firstDue) / 1000;
      say(`${label}: ${mine.length} accepted, the last ${spanS.toFixed(1)} s after the first fell due at ${new Date(firstDue).toISOString()} (due over ${((lastDue - firstDue) / 1000).toFixed(0)} s): ${Math.round(mine.length / spanS)} messages/s`);
      say(`  lateness (acceptance minus due time): p50 ${quantile(lateness, 0.5)} ms, p99 ${quantile(lateness, 0.99)} ms, max ${lateness.at(-1)} ms`);
      const lastOf = (channel: string) => ((Math.max(...mine.filter((a) => a.channel === channel).map((a) => a.at)) - firstDue) / 1000).toFixed(1);
      say(`  the last SMS ${lastOf('SMS')} s and the last email ${lastOf('email')} s after the first fell due`);
      say(`  ${meter.describe(before, after, mine.length)}`);
      return { lateness, messagesPerSecond: Math.round(mine.length / spanS) };
    };

    say(`phase a, throughput: ${PER_PHASE} reminders due at the same instant`);
    const burstAt = Date.now() + BURST_LEAD_MS;
    const a = await plan(0, () => burstAt);
    const burst = await run('phase a (burst)', a.planned, PER_PHASE);
    await twilio.idle();
    await sleep(2000);

    say(`phase b, lateness: ${PER_PHASE} reminders due uniformly over ${SPREAD_MS / 1000} s`);
    // Due once their planning (at phase a's rate, with room to spare) is over.
    const minuteAt = Date.now() + Math.round((PER_PHASE / a.eventsPerSecond) * 1500) + 5000;
    const b = await plan(PER_PHASE, () => minuteAt + Math.floor(Math.random() * SPREAD_MS));
    const minute = await run('phase b (one minute)', b.planned, 2 * PER_PHASE);
    await twilio.idle();
    await sleep(3000);

    const seen = new Map<string, number>();
    for (const x of accepted()) seen.set(x.to, (seen.get(x.to) ?? 0) + 1);
    const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
    say(`both phases: ${twilio.messages.length} SMS at the Twilio stand-in, ${smtp.messages.length} mails at the SMTP catcher; ${seen.size} of ${2 * PER_PHASE} recipients, ${duplicates} duplicates`);
    say(`${twilio.messages.filter((m) => m.body.includes('Riverside Community Centre')).length} of the SMS name the venue, e.g. "${twilio.messages[0]?.body ?? ''}"`);
    const justAfter = rssMb(worker.pid!, 'VmRSS');
    // V8 gives memory back a while after the allocation stops (its memory reducer), not at once.
    await sleep(IDLE_MS);
    say(
      `memory: worker RSS idle after start ${idleRss} MB, peak ${rssMb(worker.pid!, 'VmHWM')} MB, just after the load ${justAfter} MB, ${IDLE_MS / 1000} s later ${rssMb(worker.pid!, 'VmRSS')} MB; ` +
        `API peak ${rssMb(api.pid!, 'VmHWM')} MB, ${IDLE_MS / 1000} s after the load ${rssMb(api.pid!, 'VmRSS')} MB; this process (stand-ins) peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    say(`targets: at least 1,000 messages/s (phase a: ${burst.messagesPerSecond}); p99 lateness under 2,000 ms for reminders due in the same minute (phase b: ${quantile(minute.lateness, 0.99)} ms)`);
    process.stdout.write(
      `${JSON.stringify({
        messagesPerSecond: burst.messagesPerSecond,
        latenessP50Ms: quantile(minute.lateness, 0.5),
        latenessP99Ms: quantile(minute.lateness, 0.99),
        expected: 2 * PER_PHASE,
        delivered: seen.size,
        duplicates,
      })}\n`,
    );
  } finally {
    for (const stop of stops) await stop().catch((error: unknown) => say(`cleanup: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/**
 * CPU time (user + system, from /proc) of the worker, the API, the Postgres processes this
 * bench started (exited backends included through their parent) and Redis, and of this
 * process; Postgres transactions and Redis commands, to count per message.
 */
class Meter {
  constructor(
    private readonly pids: { worker: number; api: number },
    private readonly db: Client,
    private readonly redis: IORedis,
  ) {}

  async reminders(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications.reminder`);
    return rows[0]!.n;
  }

  async read() {
    let postgres = 0;
    let redis = 0;
    for (const pid of descendants(process.pid)) {
      const stat = cpuOf(pid);
      // A backend's time reaches its parent's children-times once it has exited and been reaped.
      if (stat?.comm.startsWith('postgres')) postgres += stat.ms + stat.reapedMs;
      else if (stat?.comm.startsWith('redis-server')) redis += stat.ms;
    }
    const own = process.cpuUsage();
    const { rows } = await this.db.query<{ n: string }>(`SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()`);
    const info = await this.redis.info('stats');
    return {
      at: Date.now(),
      load: loadText(),
      worker: cpuOf(this.pids.worker)?.ms ?? 0,
      api: cpuOf(this.pids.api)?.ms ?? 0,
      postgres,
      redis,
      bench: (own.user + own.system) / 1000,
      transactions: Number(rows[0]!.n),
      redisCommands: Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? NaN),
    };
  }

  describe(before: Awaited<ReturnType<Meter['read']>>, after: Awaited<ReturnType<Meter['read']>>, messages: number): string {
    const per = (key: 'worker' | 'api' | 'postgres' | 'redis' | 'bench') => (after[key] - before[key]) / messages;
    const own = per('worker') + per('api') + per('postgres') + per('redis');
    return (
      `CPU a message: worker ${per('worker').toFixed(2)} ms, API (callbacks) ${per('api').toFixed(2)} ms, Postgres ${per('postgres').toFixed(2)} ms, ` +
      `Redis ${per('redis').toFixed(2)} ms: notifications ${own.toFixed(2)} ms; stand-ins and driver (this process) ${per('bench').toFixed(2)} ms; ` +
      `${((after.transactions - before.transactions) / messages).toFixed(2)} Postgres transactions and ${((after.redisCommands - before.redisCommands) / messages).toFixed(1)} Redis commands a message ` +
      `(the relay's events to reporting included); load average ${before.load} -> ${after.load}`
    );
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/** A process and all its descendants, by the children each of its threads started. */
function descendants(root: number): number[] {
  const found = [root];
  for (let i = 0; i < found.length; i += 1) {
    const pid = found[i]!;
    for (const tid of tryRead(() => readdirSync(`/proc/${pid}/task`)) ?? []) {
      const children = tryRead(() => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8')) ?? '';
      found.push(...children.split(' ').filter(Boolean).map(Number));
    }
  }
  return found;
}

/** User and system CPU of a process, and of its exited children it has reaped, in ms; null once it is gone. */
function cpuOf(pid: number): { comm: string; ms: number; reapedMs: number } | null {
  const text = tryRead(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  if (!text) return null;
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
  const field = (n: number) => fields[n - 3]!;
  return { comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), ms: (field(14) + field(15)) * TICK_MS, reapedMs: (field(16) + field(17)) * TICK_MS };
}

function tryRead<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null; // exited meanwhile
  }
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

/** A notifications entry point (`main` the API, `worker`) in a process of its own; resolves once it answers. */
async function startService(entry: 'main' | 'worker', env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, `../src/${entry}.js`)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the notifications ${entry} exited with ${child.exitCode}`);
    if (await fetch(`http://127.0.0.1:${env.PORT}/health/live`).then((r) => r.ok, () => false)) return child;
    if (Date.now() > deadline) throw new Error(`the notifications ${entry} did not answer within 60 s`);
    await sleep(200);
  }
}

async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
}


/** Milliseconds of a fixed piece of JavaScript (JSON and string work, as the services do), the best of three. */
function calibrate(): number {
  const sample = { id: randomUUID(), body: 'Hello Sam, a reminder of your appointment on Tuesday 3 March at 10:00.', tags: Array.from({ length: 20 }, (_, i) => `tag-${i}`) };
  let best = Infinity;
  for (let round = 0; round < 3; round += 1) {
    const started = process.hrtime.bigint();
    let length = 0;
    for (let i = 0; i < 20_000; i += 1) length += JSON.stringify(JSON.parse(JSON.stringify({ ...sample, i }))).replace(/[aeiou]/g, '').length;
    if (length === 0) throw new Error('unreachable');
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return Math.round(best);
}

function quantile(sorted: number[], q: number): number | null {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;
}

async function until(done: () => boolean | Promise<boolean>, deadline: number, everyMs = 500): Promise<void> {
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the bench did not finish in time');
    await sleep(everyMs);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function loadText(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

main().catch((error: unknown) => {
  say(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
