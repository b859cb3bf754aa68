import { DynamicModule, Module, OnModuleInit, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EventType, ServiceName } from '#contracts';
import { PlatformConfig } from '#platform';
import { EventConsumer } from './consumer/event-consumer';
import { buildHandlerMap } from './consumer/handler-map';
import type { EventHandlerFn } from './consumer/handles-event.decorator';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';

export interface EventWorkerOptions {
  service: ServiceName;
  /**
   * Provider classes with @HandlesEvent methods, one per subscribed event. Without any, no
   * consumer runs and the service's events wait in its queue.
   */
  handlers?: Type<object>[];
}

/**
 * The service's handlers, looked up and checked once every provider exists (onModuleInit, before
 * the consumer takes a job at bootstrap). Looked up any earlier, a handler whose dependencies
 * were still being built would be an empty shell (Nest builds the modules' providers at once).
 */
class EventHandlerRegistry implements OnModuleInit {
  readonly handlers = new Map<EventType, EventHandlerFn>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly service: ServiceName,
    private readonly classes: Type<object>[],
  ) {}

  onModuleInit(): void {
    const instances = this.classes.map((handler) => this.moduleRef.get(handler, { strict: false }));
    for (const [type, handler] of buildHandlerMap(this.service, instances)) this.handlers.set(type, handler);
  }
}

@Module({})
export class MessagingModule {
  /** The outbox of one service, for its feature modules to record events in their transactions. */
  static outbox(service: ServiceName): DynamicModule {
    return {
      module: MessagingModule,
      providers: [{ provide: Outbox, useValue: new Outbox(service) }],
      exports: [Outbox],
    };
  }

  /** What a service's worker process runs: the outbox relay and, if it has handlers, the consumer. */
  static worker(options: EventWorkerOptions): DynamicModule {
    const { service, handlers = [] } = options;
    const relay = {
      provide: OutboxRelay,
      inject: [getDataSourceToken(service), PlatformConfig],
      useFactory: (dataSource: DataSource, config: PlatformConfig) =>
        new OutboxRelay(dataSource, {
          service,
          databaseUrl: config.DATABASE_URL,
          redisUrl: config.REDIS_URL,
          queuePrefix: config.QUEUE_PREFIX,
          pollMs: config.OUTBOX_POLL_MS,
          retry: { attempts: config.EVENT_RETRY_ATTEMPTS, backoffMs: config.EVENT_RETRY_BACKOFF_MS },
        }),
    };
    const registry = {
      provide: EventHandlerRegistry,
      inject: [ModuleRef],
      useFactory: (moduleRef: ModuleRef) => new EventHandlerRegistry(moduleRef, service, handlers),
    };
    const consumer = {
      provide: EventConsumer,
      inject: [getDataSourceToken(service), PlatformConfig, EventHandlerRegistry],
      useFactory: (dataSource: DataSource, config: PlatformConfig, found: EventHandlerRegistry) =>
        new EventConsumer(dataSource, found.handlers, {
          service,
          redisUrl: config.REDIS_URL,
          queuePrefix: config.QUEUE_PREFIX,
          lockDurationMs: config.EVENT_LOCK_MS,
        }),
    };
    return {
      module: MessagingModule,
      providers: handlers.length > 0 ? [relay, registry, consumer] : [relay],
      exports: handlers.length > 0 ? [OutboxRelay, EventConsumer] : [OutboxRelay],
    };
  }
}
