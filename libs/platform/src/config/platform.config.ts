import { IsBoolean, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { EnvBoolean, Secret } from './load-config';

/** Settings every service process needs. A service adds its own in its own settings class. */
export class PlatformConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Secret()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @Secret()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespaces every BullMQ key, so several deployments (or test files) share one Redis. */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may hold only letters, digits, _ and -' })
  QUEUE_PREFIX = 'convene';

  /** Comma-separated `keyId:base64Key` pairs (32-byte AES keys); old ones stay to decrypt. */
  @Secret()
  @Matches(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/, {
    message: 'ENCRYPTION_KEYS must be keyId:base64Key pairs separated by commas',
  })
  ENCRYPTION_KEYS!: string;

  /** The key new values are encrypted with; must be one of ENCRYPTION_KEYS. */
  @Matches(/^[A-Za-z0-9_-]+$/)
  ENCRYPTION_KEY_ID!: string;

  @IsInt()
  @Min(100)
  RPC_TIMEOUT_MS: number = 2000;

  /** Run this service's pending migrations at boot (under an advisory lock). */
  @EnvBoolean()
  @IsBoolean()
  MIGRATIONS_RUN: boolean = true;

  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS: number = 250;

  /** Deliveries of one event before it is parked in the failed set for operations. */
  @IsInt()
  @Min(1)
  EVENT_RETRY_ATTEMPTS: number = 10;

  /**
   * How long a consumer holds an event before others may take it: a worker that dies mid-event
   * stops renewing its lock, and the event goes to another worker after about this long.
   */
  @IsInt()
  @Min(500)
  EVENT_LOCK_MS: number = 30_000;

  /** First retry delay; it doubles with each attempt (ten attempts ≈ 17 minutes). */
  @IsInt()
  @Min(10)
  EVENT_RETRY_BACKOFF_MS: number = 1000;
}
