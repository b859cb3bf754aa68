import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { DomainEvent, EVENT_CATALOGUE, eventQueueFor, SERVICE_NAMES, ServiceName } from '#contracts';
import { eventsPublished, redisOptions } from '#platform';
import { eventJobOptions, EventRetryPolicy } from './event-job-options';
import { OutboxListener } from './outbox-listener';
import { OutboxRepository } from './outbox.repository';

export interface OutboxRelayOptions {
  service: ServiceName;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  pollMs: number;
  retry: EventRetryPolicy;
  batchSize?: number;
  /**
   * After a partial batch, how long events are left to gather before the next one: under load a
   * relay wakes at every commit, and a batch per commit costs a transaction and a Redis round
   * trip each. Events then reach their queues up to this much later.
   */
  gatherMs?: number;
}

const MAX_BACKOFF_MS = 5000;
const GATHER_MS = 20;
const RETENTION_MS = 7 * 24 * 3600 * 1000;

/**
 * Publishes a service's outbox to the queue of every subscribing service, oldest first. When
 * Redis is away the batch's transaction rolls back, the rows stay unpublished and the relay
 * retries with backoff; when Redis returns it catches up in order.
 */
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly repository: OutboxRepository;
  private readonly queues = new Map<ServiceName, Queue>();
  private readonly listener: OutboxListener;
  private readonly batchSize: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private lastHousekeeping = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxRelayOptions,
  ) {
    this.repository = new OutboxRepository(options.service);
    this.batchSize = options.batchSize ?? 200;
    this.listener = new OutboxListener(options.databaseUrl, options.service, () => this.wake?.());
  }

  onApplicationBootstrap(): void {
    this.running = true;
    void this.listener.start();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener.stop();
    await Promise.all([...this.queues.values()].map(closeWithin));
  }

  /** Publishes one batch; the number of events published. Exposed for tests and tools. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events = await this.repository.lockUnpublished(manager, this.batchSize);
      if (events.length === 0) return 0;
      await Promise.all(
        [...groupBySubscriber(events)].map(([service, batch]) =>
          this.queue(service).addBulk(batch.map((event) => ({ name: event.type, data: event, opts: eventJobOptions(event, this.options.retry) }))),
        ),
      );
      await this.repository.markPublished(manager, events.map((event) => event.id));
      for (const event of events) eventsPublished.inc({ source: this.options.service, type: event.type });
      return events.length;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const published = await this.publishBatch();
        if (failures > 0) this.logger.log(`outbox relay for ${this.options.service} resumed`);
        failures = 0;
        await this.housekeeping();
        if (published === this.batchSize) continue;
        if (published > 0) {
          await new Promise((resolve) => setTimeout(resolve, this.options.gatherMs ?? GATHER_MS));
          continue;
        }
      } catch (error) {
        if (failures === 0) {
          this.logger.warn(`outbox relay for ${this.options.service} paused, events are kept: ${(error as Error).message}`);
        }
        failures += 1;
      }
      const delay = failures === 0 ? this.options.pollMs : Math.min(MAX_BACKOFF_MS, this.options.pollMs * 2 ** failures);
      await this.sleep(delay);
    }
  }

  private async housekeeping(): Promise<void> {
    if (Date.now() - this.lastHousekeeping < 3600_000) return;
    this.lastHousekeeping = Date.now();
    await this.repository.deletePublishedBefore(this.dataSource.manager, new Date(Date.now() - RETENTION_MS));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private queue(service: ServiceName): Queue {
    let queue = this.queues.get(service);
    if (!queue) {
      queue = new Queue(eventQueueFor(service), {
        connection: redisOptions(this.options.redisUrl, 'producer'),
        prefix: this.options.queuePrefix,
      });
      queue.on('error', () => undefined); // surfaced by publishBatch's rejection instead
      this.queues.set(service, queue);
    }
    return queue;
  }
}

/** Closing politely needs Redis; during an outage there is nothing to flush, so do not wait. */
async function closeWithin(queue: Queue): Promise<void> {
  const closed = queue.close().then(
    () => true,
    () => false,
  );
  const timedOut = new Promise<false>((resolve) => setTimeout(() => resolve(false), 1000).unref());
  if (!(await Promise.race([closed, timedOut]))) await queue.disconnect();
}

function groupBySubscriber(events: DomainEvent[]): Map<ServiceName, DomainEvent[]> {
  const groups = new Map<ServiceName, DomainEvent[]>(SERVICE_NAMES.map((service) => [service, []]));
  for (const event of events) {
    for (const service of EVENT_CATALOGUE[event.type].subscribers) groups.get(service)!.push(event);
  }
  return new Map([...groups].filter(([, batch]) => batch.length > 0));
}
