import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { PlatformConfig, redisOptions } from '#platform';
import { NotificationsConfig } from '../notifications.config';

/**
 * At most SMS_PER_SECOND_PER_NUMBER messages a second from one sending number, across every
 * worker process: a counter per number and second in Redis (the queue's prefix keeps
 * deployments apart). Says how long to wait when the second is full.
 */
@Injectable()
export class SmsRateLimiter implements OnApplicationShutdown {
  private readonly redis: IORedis;
  private readonly prefix: string;
  private readonly perSecond: number;

  constructor(platform: PlatformConfig, @Inject(NotificationsConfig) config: NotificationsConfig) {
    this.redis = new IORedis(redisOptions(platform.REDIS_URL, 'producer'));
    this.redis.on('error', () => undefined);
    this.prefix = `${platform.QUEUE_PREFIX}:notifications:sms-rate`;
    this.perSecond = config.SMS_PER_SECOND_PER_NUMBER;
  }

  /** 0 when a message may go from this number now; otherwise milliseconds to wait. */
  async take(from: string, now = Date.now()): Promise<number> {
    const second = Math.floor(now / 1000);
    const key = `${this.prefix}:${from}:${second}`;
    const [[, count]] = (await this.redis.multi().incr(key).pexpire(key, 2000).exec()) as [[null, number], unknown];
    return count <= this.perSecond ? 0 : (second + 1) * 1000 - now;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
