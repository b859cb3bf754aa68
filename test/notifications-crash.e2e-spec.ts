import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { type DomainEvent, eventQueueFor } from '#contracts';
import { redisOptions } from '#platform';
import { eventually } from '#testing';
import { NotificationsModule } from '../apps/notifications/src/notifications.module';
import { type Harness, person, startNotifications } from '../apps/notifications/test/notifications.harness';

const ROOT = join(__dirname, '..');
const WORKER = join(ROOT, 'dist/apps/notifications/src/worker.js');
const SESSIONS = 300;

/**
 * The notifications worker as operations run it (the built `worker.js`, a process of its own),
 * killed with SIGKILL while it is sending: a second worker finishes the batch, and every
 * participant gets their confirmation exactly once.
 */
describe('a notifications worker killed mid-batch', () => {
  let h: Harness;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    // The child runs the compiled worker: build what changed (type errors elsewhere do not stop the emit).
    spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    if (!existsSync(WORKER)) throw new Error(`no ${WORKER}: the build failed`);
  }, 240_000);

  beforeAll(async () => {
    // This process answers Twilio's callbacks (the API part); the children do the sending.
    h = await startNotifications([NotificationsModule], { SEND_CONCURRENCY: '10', SMS_PER_SECOND_PER_NUMBER: '1000', SMS_IN_DOUBT_GRACE_MS: '1500' });
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await h.close();
  });

  // The second worker sweeps as it starts, as a restarted worker does: a reminder committed by the
  // first but not yet queued when it was killed has no job until then.
  function startWorker(sweep: boolean): ChildProcess {
    const child = spawn(process.execPath, [WORKER], {
      cwd: ROOT,
      env: { ...process.env, ...h.t.env, SEND_CONCURRENCY: '10', SMS_PER_SECOND_PER_NUMBER: '1000', SMS_IN_DOUBT_GRACE_MS: '1500', SEND_LOCK_MS: '1500', EVENT_LOCK_MS: '1500', REMINDER_SWEEP: String(sweep) },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  }

  it('loses and duplicates nothing', async () => {
    const people = Array.from({ length: SESSIONS }, () => person({ email: null }));
    const caseId = randomUUID();
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const events: DomainEvent[] = people.map((p) => {
      h.rpc.route(caseId, p.participantId, p);
      return h.event('session.booked', {
        sessionId: randomUUID(), kind: 'preparation', version: 1, participantIds: [p.participantId], facilitatorIds: [randomUUID()],
        startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(), venueId: randomUUID(), venueKind: 'community',
      }, caseId);
    });
    const queue = new Queue(eventQueueFor('notifications'), { connection: redisOptions(h.t.env.REDIS_URL!, 'producer'), prefix: h.t.env.QUEUE_PREFIX });
    await queue.addBulk(events.map((event) => ({ name: event.type, data: event, opts: { jobId: event.id, attempts: 10, backoff: { type: 'exponential', delay: 50 } } })));
    await queue.close();

    const first = startWorker(false);
    await eventually(() => expect(h.twilio.messages.length).toBeGreaterThanOrEqual(SESSIONS / 5), 60_000, 5);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const atKill = h.twilio.messages.length;
    expect(atKill).toBeLessThan(SESSIONS);

    startWorker(true);
    await eventually(() => expect(h.twilio.messages.length).toBeGreaterThanOrEqual(SESSIONS), 90_000, 100);
    // Long enough for any stalled job or send in doubt to have come back and gone twice.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await h.twilio.idle();

    const perNumber = new Map<string, number>();
    for (const m of h.twilio.messages) perNumber.set(m.to, (perNumber.get(m.to) ?? 0) + 1);
    expect({ received: h.twilio.messages.length, recipients: perNumber.size, twice: [...perNumber.values()].filter((n) => n > 1).length }).toEqual({ received: SESSIONS, recipients: SESSIONS, twice: 0 });
    await eventually(async () => {
      const rows: { status: string; n: number }[] = await h.db.query(`SELECT status, count(*)::int AS n FROM notifications.message GROUP BY status`);
      expect(rows).toEqual([{ status: 'delivered', n: SESSIONS }]);
    }, 20_000);
    process.stdout.write(`crash test: ${atKill} of ${SESSIONS} sent before SIGKILL\n`);
  }, 180_000);
});
