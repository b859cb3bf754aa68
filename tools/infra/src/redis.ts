import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import IORedis from 'ioredis';
import { superviseServer } from './lifeline';

export interface RunningRedis {
  url: string;
  /** Stops the server if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export class RedisUnavailableError extends Error {}

/**
 * Redis at `url`; if nothing answers there (on this machine) and a redis-server binary is
 * installed, starts one with nothing persisted under `dataDir`.
 */
export async function ensureRedis(url: string, dataDir: string, redisServer = 'redis-server'): Promise<RunningRedis> {
  if (await answers(url)) return { url, stop: async () => undefined };
  const { hostname, port } = new URL(url);
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname);
  if (!local || !isInstalled(redisServer)) {
    throw new RedisUnavailableError(
      `Redis does not answer at ${url}${local ? ' and no redis-server is installed: install it (apt-get install redis-server)' : ''} or set REDIS_URL to a running Redis`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  // Started like embedded Postgres (see superviseServer): out of reach of a Ctrl-C meant for
  // the app, stopped by us once the app has closed, gone if we die.
  const server = superviseServer(
    redisServer,
    ['--port', port || '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dataDir],
    { signal: 'TERM', stderr: 'ignore' },
  );
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await answers(url)) return { url, stop: () => server.stop() };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop();
  throw new RedisUnavailableError(`started redis-server on port ${port || 6379} but it did not answer`);
}

async function answers(url: string): Promise<boolean> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
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

function isInstalled(binary: string): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}
