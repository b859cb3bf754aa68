import { DynamicModule, Module, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ServiceName } from '#contracts';
import { PlatformConfig } from '#platform';
import { EventConsumer } from './consumer/event-consumer';
import { buildHandlerMap } from './consumer/handler-map';
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
    const consumer = {
      provide: EventConsumer,
      inject: [getDataSourceToken(service), PlatformConfig, ModuleRef],
      useFactory: (dataSource: DataSource, config: PlatformConfig, moduleRef: ModuleRef) =>
        new EventConsumer(
          dataSource,
          buildHandlerMap(service, handlers.map((handler) => moduleRef.get(handler, { strict: false }))),
          { service, redisUrl: config.REDIS_URL, queuePrefix: config.QUEUE_PREFIX, lockDurationMs: config.EVENT_LOCK_MS },
        ),
    };
    return {
      module: MessagingModule,
      providers: handlers.length > 0 ? [relay, consumer] : [relay],
      exports: handlers.length > 0 ? [OutboxRelay, EventConsumer] : [OutboxRelay],
    };
  }
}
