import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import { DomainEvent, EVENT_CATALOGUE, eventQueueFor, EventType, ServiceName } from '#contracts';
import { eventsHandled, redisOptions } from '#platform';
import type { EventHandlerFn } from './handles-event.decorator';

export interface EventConsumerOptions {
  service: ServiceName;
  redisUrl: string;
  queuePrefix: string;
  /** One at a time by default, so a service sees its events in the order they were published. */
  concurrency?: number;
  /** How soon the event of a worker that died goes to another (PlatformConfig.EVENT_LOCK_MS). */
  lockDurationMs?: number;
}

export type HandleOutcome = 'handled' | 'duplicate';

/**
 * Takes the service's events from its queue and applies each exactly once: the event id goes
 * into processed_event in the same transaction as the handler's writes. A handler that throws
 * rolls both back; BullMQ retries with backoff and finally parks the job in the failed set.
 */
export class EventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventConsumer');
  private worker: Worker | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: Map<EventType, EventHandlerFn>,
    private readonly options: EventConsumerOptions,
  ) {}

  onApplicationBootstrap(): void {
    const { service } = this.options;
    this.worker = new Worker(eventQueueFor(service), (job: Job<DomainEvent>) => this.handle(job.data), {
      connection: redisOptions(this.options.redisUrl, 'worker'),
      prefix: this.options.queuePrefix,
      concurrency: this.options.concurrency ?? 1,
      lockDuration: this.options.lockDurationMs ?? 30_000,
      stalledInterval: this.options.lockDurationMs ?? 30_000,
    });
    this.worker.on('failed', (job, error) => {
      eventsHandled.inc({ service, type: job?.name ?? 'unknown', outcome: 'failed' });
      this.logger.warn(`${service} failed ${job?.name} ${job?.id} (attempt ${job?.attemptsMade}): ${error.message}`);
    });
    this.worker.on('error', (error) => this.logger.warn(`${service} event worker: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async handle(event: DomainEvent): Promise<HandleOutcome> {
    const handler = this.handlers.get(event.type);
    if (!handler) throw new Error(`${this.options.service} has no handler for ${event.type}`);
    const known = EVENT_CATALOGUE[event.type].version;
    if (event.version > known) throw new Error(`${event.type} v${event.version} is newer than v${known} known here`);
    const outcome = await this.dataSource.transaction(async (manager): Promise<HandleOutcome> => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "${this.options.service}".processed_event (event_id, type, source) VALUES ($1, $2, $3)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [event.id, event.type, event.source],
      );
      if (inserted.length === 0) return 'duplicate';
      await handler(event, manager);
      return 'handled';
    });
    eventsHandled.inc({ service: this.options.service, type: event.type, outcome });
    return outcome;
  }
}
