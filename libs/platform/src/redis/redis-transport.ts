import { ClientRedis, ServerRedis, type RedisOptions as MicroserviceRedisOptions } from '@nestjs/microservices';
import { redisOptions } from './redis-options';

type TransportOptions = NonNullable<MicroserviceRedisOptions['options']>;

/** Options of the Redis transport for both sides of a request/response pattern. */
export function redisTransportOptions(url: string): TransportOptions {
  return { ...redisOptions(url, 'worker'), retryAttempts: 10, retryDelay: 500 };
}

/*
 * Redis pub/sub channels are global to a server, whatever the database or key prefix: two
 * deployments (or two test files) sharing a Redis would answer each other's requests. Both sides
 * put the deployment's QUEUE_PREFIX in front of every channel, so each only hears its own.
 */

/** The answering side: subscribes to `<namespace>:<pattern>` and finds the handler of `<pattern>`. */
export class NamespacedRedisServer extends ServerRedis {
  constructor(
    options: TransportOptions,
    private readonly namespace: string,
  ) {
    super(options);
  }

  override getRequestPattern(pattern: string): string {
    return `${this.namespace}:${pattern}`;
  }

  override getHandlerByPattern(channel: string) {
    const own = `${this.namespace}:`;
    return channel.startsWith(own) ? super.getHandlerByPattern(channel.slice(own.length)) : null;
  }
}

/** The asking side: publishes to `<namespace>:<pattern>` and listens on its `.reply` channel. */
export class NamespacedRedisClient extends ClientRedis {
  constructor(
    options: TransportOptions,
    private readonly namespace: string,
  ) {
    super(options);
  }

  override getRequestPattern(pattern: string): string {
    return `${this.namespace}:${pattern}`;
  }

  override getReplyPattern(pattern: string): string {
    return `${this.namespace}:${pattern}.reply`;
  }
}
