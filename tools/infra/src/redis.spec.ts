import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { freePort } from './free-port';
import { ensureRedis, RedisUnavailableError } from './redis';

describe('finding or starting Redis for npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convene-redis-spec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts redis-server where nothing answers on this machine, and stops it again', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const started = await ensureRedis(url, dir);
    const client = new IORedis(url);
    expect(await client.ping()).toBe('PONG');
    client.disconnect();

    const reused = await ensureRedis(url, dir);
    await reused.stop();
    expect(await answers(url)).toBe(true);

    await started.stop();
    expect(await answers(url)).toBe(false);
  });

  it('says in one line how to get Redis when none answers and none is installed', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(ensureRedis(url, dir, 'no-such-redis-server')).rejects.toThrow(
      new RedisUnavailableError(
        `Redis does not answer at ${url} and no redis-server is installed: install it (apt-get install redis-server) or set REDIS_URL to a running Redis`,
      ),
    );
  });

  it('never starts a server for a Redis on another machine', async () => {
    await expect(ensureRedis('redis://redis.invalid:6379', dir)).rejects.toThrow(
      'Redis does not answer at redis://redis.invalid:6379 or set REDIS_URL to a running Redis',
    );
  });
});

async function answers(url: string): Promise<boolean> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
