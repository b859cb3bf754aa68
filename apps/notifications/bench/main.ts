import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { type DomainEvent, eventQueueFor } from '#contracts';
import { dropDatabase, ensureDatabase, ensureRedis, freePort, startEmbeddedPostgres } from '#infra';
import { PlatformModule, redisOptions } from '#platform';
import { SmtpCatcher, TwilioStandIn } from '#stand-ins';
import { NotificationsWorkerModule } from '../src/notifications-worker.module';
import { type Recipient, RpcStandIns } from '../test/rpc-stand-ins';

/**
 * `npm run bench:notifications`: 10,000 reminders due in the same minute, end to end. Session
 * events go in through notifications' event queue; reminders are planned, wait as delayed jobs,
 * then are sent to the Twilio stand-in (half) and the SMTP catcher (half), with status callbacks
 * coming back to the webhooks. Contact routes are answered by a stand-in for the cases service
 * (what is measured is notifications, not cases). Figures, not a test; the last line is JSON.
 */
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 10_000);
const LEAD_MS = 120 * 60_000;
/** They fall due this long after the events go in, so planning is over by then. */
const PLANNING_MS = Number(process.env.BENCH_PLANNING_MS ?? 60_000);
/**
 * Over how long they fall due: 0 (the default) puts all of them on the minute's first second, the
 * worst case of "due in the same minute" (sessions at 12:00 all get their reminder at 10:00).
 */
const SPREAD_MS = Number(process.env.BENCH_SPREAD_MS ?? 0);

async function main(): Promise<void> {
  const server = await postgresServer();
  const name = `bench_notifications_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(server.adminUrl, name);
  const redisDir = mkdtempSync(join(tmpdir(), 'bench-notifications-redis-'));
  const redis = await ensureRedis(`redis://127.0.0.1:${await freePort()}`, redisDir);
  const twilio = new TwilioStandIn();
  await twilio.start();
  const smtp = new SmtpCatcher({ parse: false });
  await smtp.start();
  const rpc = await RpcStandIns.start(redis.url);
  const port = await freePort();
  const env = {
    NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, REDIS_URL: redis.url, QUEUE_PREFIX: name, PORT: String(port),
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`, ENCRYPTION_KEY_ID: 'bench',
    TWILIO_API_URL: twilio.url, TWILIO_ACCOUNT_SID: twilio.accountSid, TWILIO_AUTH_TOKEN: twilio.authToken,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    SMS_FROM_NUMBERS: Array.from({ length: 10 }, (_, i) => `+44163296010${i}`).join(','), SMS_PER_SECOND_PER_NUMBER: '200',
    REMINDER_OFFSETS_MINUTES: '120', QUIET_HOURS_START: '0', QUIET_HOURS_END: '0', REMINDER_SWEEP: 'false',
    SEND_CONCURRENCY: process.env.SEND_CONCURRENCY ?? '100', SMTP_POOL_SIZE: '10',
  };
  const app = await NestFactory.create({ module: class BenchRoot {}, imports: [PlatformModule.forRoot({ env }), NotificationsWorkerModule] }, { logger: false });
  await app.listen(port, '127.0.0.1');
  const dataSource = app.get<DataSource>(getDataSourceToken('notifications'));
  try {
    await dataSource.query(
      `INSERT INTO notifications.reminder_plan (id, organisation_id, confirmation, offsets_minutes, updated_by) VALUES ($1, 'bench', false, '{120}', 'bench')`,
      [randomUUID()],
    );
    const minute = Date.now() + PLANNING_MS;
    const dueAt = new Map<string, number>();
    const events: DomainEvent[] = [];
    for (let i = 0; i < REMINDERS; i += 1) {
      const caseId = randomUUID();
      const p: Recipient = {
        participantId: randomUUID(), role: 'person-harmed', relation: 'self', firstName: 'Sam', language: i % 4 === 0 ? 'cy' : 'en',
        timeZone: 'Europe/London', discreet: i % 3 === 0,
        sms: i % 2 === 0 ? `+4477009${String(i).padStart(5, '0')}` : null,
        email: i % 2 === 1 ? `p${i}@bench.example.org` : null,
      };
      rpc.route(caseId, p.participantId, p);
      const due = minute + Math.floor(Math.random() * SPREAD_MS);
      dueAt.set((p.sms ?? p.email)!, due);
      events.push({
        id: randomUUID(), type: 'session.booked', version: 1, occurredAt: new Date().toISOString(), source: 'scheduling', sequence: i + 1, caseId, organisationId: 'bench',
        payload: { sessionId: randomUUID(), kind: 'preparation', version: 1, participantIds: [p.participantId], facilitatorIds: [randomUUID()],
          startsAt: new Date(due + LEAD_MS).toISOString(), endsAt: new Date(due + LEAD_MS + 3600_000).toISOString(), venueId: randomUUID(), venueKind: 'community' },
      });
    }
    const queue = new Queue(eventQueueFor('notifications'), { connection: redisOptions(redis.url, 'producer'), prefix: name });
    const eventsIn = Date.now();
    for (let i = 0; i < events.length; i += 1000) {
      await queue.addBulk(events.slice(i, i + 1000).map((e) => ({ name: e.type, data: e, opts: { jobId: e.id, attempts: 10, backoff: { type: 'exponential', delay: 200 } } })));
    }
    await queue.close();
    await until(async () => (await count(dataSource, `SELECT count(*)::int AS n FROM notifications.reminder`)) >= REMINDERS, minute + 300_000);
    const planned = Date.now() - eventsIn;
    console.log(`${REMINDERS} session events planned into reminders in ${planned} ms (${Math.round((REMINDERS / planned) * 1000)} events/s); due from ${new Date(minute).toISOString()} over ${SPREAD_MS} ms`);
    if (Date.now() > minute) console.log(`warning: planning ran ${Date.now() - minute} ms into the minute the reminders are due in`);

    const cpuBefore = process.cpuUsage();
    const deadline = minute + SPREAD_MS + 300_000;
    await until(() => twilio.messages.length + smtp.messages.length >= REMINDERS, deadline, 200);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const cpu = process.cpuUsage(cpuBefore);

    const accepted = [
      ...twilio.messages.map((m) => ({ to: m.to, at: m.dateCreated.getTime() })),
      ...smtp.messages.map((m) => ({ to: m.envelope.to[0]!, at: Date.parse(m.receivedAt) })),
    ];
    const seen = new Map<string, number>();
    for (const a of accepted) seen.set(a.to, (seen.get(a.to) ?? 0) + 1);
    const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
    const lateness = accepted.filter((a) => dueAt.has(a.to)).map((a) => Math.max(0, a.at - dueAt.get(a.to)!)).sort((a, b) => a - b);
    const first = Math.min(minute, ...accepted.map((a) => a.at));
    const last = Math.max(...accepted.map((a) => a.at));
    const spanS = Math.max(last - first, SPREAD_MS, 1) / 1000;
    const sendRate = Math.round(seen.size / spanS);
    const p = (q: number) => lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))] ?? null;
    console.log(`accepted: ${twilio.messages.length} SMS at the Twilio stand-in, ${smtp.messages.length} mails at the SMTP catcher; ${seen.size} of ${REMINDERS} recipients, ${duplicates} duplicates`);
    console.log(`from the first due time to the last acceptance: ${spanS.toFixed(1)} s (due over ${SPREAD_MS / 1000} s): ${sendRate} messages/s over that span`);
    console.log(`lateness (acceptance minus due time): p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${lateness[lateness.length - 1]} ms (target p99 < 2000 ms)`);
    console.log(`CPU of this process (worker, API for callbacks, stand-ins) while sending: ${Math.round((cpu.user + cpu.system) / 1000)} ms, ${Math.round((cpu.user + cpu.system) / seen.size)} us a message`);
    console.log(`peak memory (maxRSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(JSON.stringify({ messagesPerSecond: sendRate, latenessP50Ms: p(0.5), latenessP99Ms: p(0.99), expected: REMINDERS, delivered: seen.size, duplicates }));
  } finally {
    await app.close();
    await rpc.stop();
    await twilio.stop();
    await smtp.stop();
    await redis.stop();
    rmSync(redisDir, { recursive: true, force: true });
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  }
}

async function count(dataSource: DataSource, sql: string): Promise<number> {
  const [row] = await dataSource.query(sql);
  return row.n;
}

async function until(done: () => boolean | Promise<boolean>, deadline: number, everyMs = 500): Promise<void> {
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the bench did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function postgresServer(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), 'convene-bench-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  return {
    adminUrl: postgres.adminUrl,
    stop: async () => {
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
