// Loaded by Jest outside its module system, so without the '#' import aliases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRedis, freePort, startEmbeddedPostgres } from '../tools/infra/src';

type Stop = () => Promise<void>;
const stops: Stop[] = [];
(globalThis as { __conveneTestStops?: Stop[] }).__conveneTestStops = stops;

/**
 * The same defaults as `npm start`: with DATABASE_URL unset, an embedded PostgreSQL for this
 * run (each test file then creates its own database on it); Redis from REDIS_URL, started
 * from redis-server if nothing answers. Test workers inherit the URLs through the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    const dataDir = mkdtempSync(join(tmpdir(), 'convene-test-pg-'));
    const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    process.env.DATABASE_URL = postgres.adminUrl;
    stops.push(async () => {
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
  }
  const redisDir = mkdtempSync(join(tmpdir(), 'convene-test-redis-'));
  const redis = await ensureRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', redisDir);
  process.env.REDIS_URL = redis.url;
  stops.push(async () => {
    await redis.stop();
    rmSync(redisDir, { recursive: true, force: true });
  });
}
