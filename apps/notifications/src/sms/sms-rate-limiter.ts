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

  /**
   * For messages about to go from these numbers (one entry each, in order): 0 for those that may
   * go now, otherwise milliseconds to wait. One round trip to Redis for the lot.
   */
  async take(froms: readonly string[], now = Date.now()): Promise<number[]> {
    if (froms.length === 0) return [];
    const second = Math.floor(now / 1000);
    const wanted = new Map<string, number>();
    for (const from of froms) wanted.set(from, (wanted.get(from) ?? 0) + 1);
    const multi = this.redis.multi();
    for (const [from, n] of wanted) multi.incrby(`${this.prefix}:${from}:${second}`, n).pexpire(`${this.prefix}:${from}:${second}`, 2000);
    const replies = await multi.exec();
    if (!replies) throw new Error('the SMS rate counters were not answered');
    const refused = replies.find(([error]) => error);
    if (refused) throw refused[0]!;
    // Room left this second for each number, from its count before this take.
    const room = new Map([...wanted.keys()].map((from, i) => [from, this.perSecond - (Number(replies[2 * i]?.[1]) - wanted.get(from)!)]));
    const wait = (second + 1) * 1000 - now;
    return froms.map((from) => {
      const left = room.get(from)!;
      room.set(from, left - 1);
      return left > 0 ? 0 : wait;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
