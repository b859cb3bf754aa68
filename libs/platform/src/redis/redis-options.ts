/** Connection settings that ioredis, BullMQ and the Nest Redis transport all accept. */
export interface RedisConnectionSettings {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
  maxRetriesPerRequest: number | null;
  enableOfflineQueue: boolean;
  retryStrategy: (attempt: number) => number;
}

/**
 * Redis settings from a redis:// URL. Workers block and wait out an outage (BullMQ requires
 * `maxRetriesPerRequest: null`); producers fail fast instead, so a caller such as the outbox
 * relay learns at once that Redis is away and keeps its events.
 */
export function redisOptions(url: string, role: 'worker' | 'producer'): RedisConnectionSettings {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  };
}
