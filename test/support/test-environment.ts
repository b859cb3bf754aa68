import { randomBytes } from 'node:crypto';
import type { Environment } from '#platform';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

/** Settings of a test file's processes: its own database and its own queue prefix. */
export function testEnvironment(databaseUrl: string, overrides: Environment = {}): Environment {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    JWT_SECRET: TEST_JWT_SECRET,
    ENCRYPTION_KEYS: `test1:${TEST_ENCRYPTION_KEY}`,
    ENCRYPTION_KEY_ID: 'test1',
    OUTBOX_POLL_MS: '50',
    PORT: '0',
    ...overrides,
  };
}
