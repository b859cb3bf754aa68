import { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainEvent, eventQueueFor, NewEvent } from '#contracts';
import { redisOptions } from '#platform';
import { createTestDatabase, CuttableProxy, eventually, TestDatabase, testEnvironment } from '#testing';
import { EventConsumer } from './consumer/event-consumer';
import { EventHandlerFn } from './consumer/handles-event.decorator';
import { messagingTablesV1 } from './outbox/messaging-tables';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';

// The cases service publishes, the reporting service consumes: both schemas in this file's database.
const retry = { attempts: 3, backoffMs: 20 };

describe('events between services (outbox, relay, idempotent consumer)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let redisUrl: string;
  let queuePrefix: string;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = testEnvironment(database.url);
    redisUrl = env.REDIS_URL!;
    queuePrefix = env.QUEUE_PREFIX!;
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    for (const schema of ['cases', 'reporting']) {
      await dataSource.query(`CREATE SCHEMA ${schema}`);
      for (const statement of messagingTablesV1(schema)) await dataSource.query(statement);
    }
    await dataSource.query('CREATE TABLE reporting.effect (event_id uuid NOT NULL, reference text NOT NULL)');
  });

  afterEach(async () => {
    for (const component of running.splice(0).reverse()) await component.stop();
    await dataSource.query('DELETE FROM reporting.effect; DELETE FROM reporting.processed_event; DELETE FROM cases.outbox_event');
    const queue = new Queue(eventQueueFor('reporting'), { connection: redisOptions(redisUrl, 'producer'), prefix: queuePrefix });
    await queue.obliterate({ force: true });
    await queue.close();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const outbox = new Outbox('cases');

  function referral(reference: string): NewEvent<'case.referred'> {
    return {
      type: 'case.referred',
      caseId: randomUUID(),
      organisationId: 'org-a',
      payload: {
        reference,
        partnershipId: null,
        source: 'police',
        initiatedBy: 'person-harmed',
        offenceCategory: 'burglary',
        domesticAbuse: false,
        sexualOffence: false,
        hateCrime: false,
        justiceStage: 'post-sentence',
        ageGroup: 'adult',
        receivedAt: '2026-11-02T09:00:00.000Z',
        firstContactDueAt: '2026-11-04T09:00:00.000Z',
      },
    };
  }

  const recordEffect: EventHandlerFn = async (event, manager) => {
    const payload = event.payload as { reference: string };
    await manager.query('INSERT INTO reporting.effect (event_id, reference) VALUES ($1, $2)', [event.id, payload.reference]);
  };

  function startRelay(url = redisUrl): OutboxRelay {
    const relay = new OutboxRelay(dataSource, {
      service: 'cases',
      databaseUrl: database.url,
      redisUrl: url,
      queuePrefix,
      pollMs: 25,
      retry,
    });
    relay.onApplicationBootstrap();
    running.push({ stop: () => relay.onApplicationShutdown() });
    return relay;
  }

  function startConsumer(handler: EventHandlerFn = recordEffect): EventConsumer {
    const consumer = new EventConsumer(dataSource, new Map([['case.referred', handler]]), {
      service: 'reporting',
      redisUrl,
      queuePrefix,
      lockDurationMs: 1000,
    });
    consumer.onApplicationBootstrap();
    running.push({ stop: () => consumer.onApplicationShutdown() });
    return consumer;
  }

  async function effects(): Promise<string[]> {
    const rows: { reference: string }[] = await dataSource.query('SELECT reference FROM reporting.effect ORDER BY reference');
    return rows.map((row) => row.reference);
  }

  async function unpublished(): Promise<number> {
    const [row] = await dataSource.query('SELECT count(*)::int AS n FROM cases.outbox_event WHERE published_at IS NULL');
    return row.n;
  }

  it('delivers an event recorded in a committed transaction to the subscriber, once', async () => {
    startRelay();
    startConsumer();
    await dataSource.transaction((manager) => outbox.record(manager, referral('RJ-1')));
    await eventually(async () => expect(await effects()).toEqual(['RJ-1']));
    expect(await unpublished()).toBe(0);
  });

  it('never publishes an event whose transaction rolled back', async () => {
    startRelay();
    startConsumer();
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.record(manager, referral('RJ-lost'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await dataSource.transaction((manager) => outbox.record(manager, referral('RJ-kept')));
    await eventually(async () => expect(await effects()).toEqual(['RJ-kept']));
    const [row] = await dataSource.query('SELECT count(*)::int AS n FROM cases.outbox_event');
    expect(row.n).toBe(1);
  });

  it('refuses to record an event outside a transaction', async () => {
    await expect(outbox.record(dataSource.manager, referral('RJ-x'))).rejects.toThrow(/inside the transaction/);
  });

  it('gives a duplicate delivery of the same event no second effect, even when concurrent', async () => {
    const consumer = new EventConsumer(dataSource, new Map([['case.referred', recordEffect]]), {
      service: 'reporting',
      redisUrl,
      queuePrefix,
    });
    const event: DomainEvent = {
      ...referral('RJ-dup'),
      id: randomUUID(),
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'cases',
      sequence: 1,
    };
    const outcomes = await Promise.all([consumer.handle(event), consumer.handle(event), consumer.handle(event)]);
    expect(outcomes.filter((o) => o === 'handled')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(2);
    expect(await consumer.handle(event)).toBe('duplicate');
    expect(await effects()).toEqual(['RJ-dup']);
  });

  it('has one effect when the same event reaches the queue twice under different job ids', async () => {
    startConsumer();
    const event: DomainEvent = {
      ...referral('RJ-twice'),
      id: randomUUID(),
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'cases',
      sequence: 7,
    };
    const queue = new Queue(eventQueueFor('reporting'), { connection: redisOptions(redisUrl, 'producer'), prefix: queuePrefix });
    await queue.add(event.type, event, { jobId: `${event.id}-a` });
    await queue.add(event.type, event, { jobId: `${event.id}-b` });
    await eventually(async () => expect(await queue.getCompletedCount()).toBe(2));
    await queue.close();
    expect(await effects()).toEqual(['RJ-twice']);
  });

  it('keeps events while Redis is away and delivers every one, once and in order, when it returns', async () => {
    const { hostname, port } = new URL(redisUrl);
    const proxy = await CuttableProxy.start({ host: hostname, port: Number(port || 6379) });
    running.push({ stop: () => proxy.cut() });
    startRelay(`redis://127.0.0.1:${proxy.port}`);
    startConsumer();

    await dataSource.transaction((manager) => outbox.record(manager, referral('RJ-00')));
    await eventually(async () => expect(await effects()).toEqual(['RJ-00']));

    await proxy.cut();
    const references = Array.from({ length: 20 }, (_, i) => `RJ-${String(i + 1).padStart(2, '0')}`);
    for (const reference of references) {
      await dataSource.transaction((manager) => outbox.record(manager, referral(reference)));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await unpublished()).toBe(20);

    await proxy.restore();
    await eventually(async () => expect(await effects()).toEqual(['RJ-00', ...references]), 15_000);
    expect(await unpublished()).toBe(0);
    const handledOrder: { reference: string }[] = await dataSource.query(
      'SELECT e.reference FROM reporting.effect e JOIN reporting.processed_event p ON p.event_id = e.event_id ORDER BY p.handled_at, e.reference',
    );
    expect(handledOrder.map((row) => row.reference)).toEqual(['RJ-00', ...references]);
  });

  it('rolls back a handler that fails midway and applies the event once on retry', async () => {
    let calls = 0;
    startRelay();
    startConsumer(async (event, manager) => {
      calls += 1;
      await recordEffect(event, manager);
      if (calls < 3) throw new Error('crashed after writing');
    });
    await dataSource.transaction((manager) => outbox.record(manager, referral('RJ-retry')));
    await eventually(async () => expect(await effects()).toEqual(['RJ-retry']));
    expect(calls).toBe(3);
  });

  it('parks an event that keeps failing in the failed set, where operations can retry it', async () => {
    let healthy = false;
    startRelay();
    startConsumer(async (event, manager) => {
      if (!healthy) throw new Error('downstream broken');
      await recordEffect(event, manager);
    });
    await dataSource.transaction((manager) => outbox.record(manager, referral('RJ-parked')));
    const queue = new Queue(eventQueueFor('reporting'), { connection: redisOptions(redisUrl, 'producer'), prefix: queuePrefix });
    running.push({ stop: () => queue.close() });
    const [failed] = await eventually(async () => {
      const jobs = await queue.getFailed();
      expect(jobs).toHaveLength(1);
      return jobs;
    });
    expect(failed!.attemptsMade).toBe(retry.attempts);
    expect(failed!.failedReason).toBe('downstream broken');
    expect(await effects()).toEqual([]);

    healthy = true;
    await failed!.retry();
    await eventually(async () => expect(await effects()).toEqual(['RJ-parked']));
  });

  it('wakes the relay on commit rather than waiting for its next poll', async () => {
    const relay = new OutboxRelay(dataSource, {
      service: 'cases',
      databaseUrl: database.url,
      redisUrl,
      queuePrefix,
      pollMs: 60_000,
      retry,
    });
    relay.onApplicationBootstrap();
    running.push({ stop: () => relay.onApplicationShutdown() });
    startConsumer();
    // Let the listener connect and the first (empty) poll go to sleep for a minute.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await dataSource.transaction((manager) => outbox.record(manager, referral('RJ-notified')));
    await eventually(async () => expect(await effects()).toEqual(['RJ-notified']), 5_000);
  });

  it('gives an event to another worker when the one handling it is killed, with no partial effect', async () => {
    startRelay();
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', join(__dirname, '../test/hanging-consumer.ts'), database.url, redisUrl, queuePrefix],
      { cwd: join(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    running.push({ stop: async () => void child.kill('SIGKILL') });
    const handling = new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('handling') && resolve()));
    await dataSource.transaction((manager) => outbox.record(manager, referral('RJ-crash')));
    await handling;

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(await effects()).toEqual([]);

    startConsumer();
    await eventually(async () => expect(await effects()).toEqual(['RJ-crash']), 15_000);
    const [row] = await dataSource.query('SELECT count(*)::int AS n FROM reporting.processed_event');
    expect(row.n).toBe(1);
  });
});
