import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { PlatformConfig } from '../config/platform.config';
import { ReadinessRegistry } from '../health/readiness.registry';
import { redisOptions } from './redis-options';

/** Answers readiness for Redis with its own small connection. */
@Injectable()
export class RedisProbe implements OnApplicationShutdown {
  private readonly client: IORedis;

  constructor(config: PlatformConfig, registry: ReadinessRegistry) {
    this.client = new IORedis({ ...redisOptions(config.REDIS_URL, 'producer'), lazyConnect: true });
    this.client.on('error', () => undefined); // readiness reports it; no log flood while Redis is away
    registry.register('redis', () => this.ping());
  }

  private async ping(): Promise<void> {
    if (this.client.status === 'wait') await this.client.connect();
    await this.client.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
