import { randomUUID } from 'node:crypto';
import { PlatformConfig, UnavailableError } from '#platform';
import { RpcClient } from './rpc-client';

describe('RpcClient', () => {
  const config = Object.assign(new PlatformConfig(), { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', RPC_TIMEOUT_MS: 300 });
  const client = new RpcClient(config);

  afterAll(() => client.onApplicationShutdown());

  it('gives up after RPC_TIMEOUT_MS with a 503 naming the pattern when no service answers', async () => {
    const pattern = `nobody.answers.${randomUUID()}`;
    const started = Date.now();
    const error = await client.request(pattern, { id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).status).toBe(503);
    expect((error as Error).message).toBe(`${pattern}: no answer within 300 ms`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
