import type { RedisOptions as MicroserviceRedisOptions } from '@nestjs/microservices';
import { redisOptions } from './redis-options';

/** Options of the Redis transport for both sides of a request/response pattern. */
export function redisTransportOptions(url: string): MicroserviceRedisOptions['options'] {
  return { ...redisOptions(url, 'worker'), retryAttempts: 10, retryDelay: 500 };
}
