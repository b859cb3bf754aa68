import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, type MicroserviceOptions } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { NamespacedRedisServer, PlatformConfig, redisTransportOptions, UnavailableError } from '#platform';
import { RpcClient } from './rpc-client';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PATTERN = `spec.who-answers.${randomUUID()}`;

function clientOf(prefix: string): RpcClient {
  return new RpcClient(Object.assign(new PlatformConfig(), { REDIS_URL, QUEUE_PREFIX: prefix, RPC_TIMEOUT_MS: 300 }));
}

/** A service answering PATTERN with its own name, on a deployment's channels. */
async function answeringService(prefix: string) {
  @Controller()
  class Answers {
    @MessagePattern(PATTERN)
    who() {
      return { answeredBy: prefix };
    }
  }
  @Module({ controllers: [Answers] })
  class AnsweringModule {}
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(AnsweringModule, {
    strategy: new NamespacedRedisServer(redisTransportOptions(REDIS_URL), prefix),
    logger: false,
  });
  await app.listen();
  return app;
}

describe('RpcClient', () => {
  const prefix = `spec-${randomUUID().slice(0, 8)}`;
  const client = clientOf(prefix);

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

  it('is answered only by its own deployment when two share a Redis', async () => {
    const other = `spec-${randomUUID().slice(0, 8)}`;
    const [ours, theirs] = await Promise.all([answeringService(prefix), answeringService(other)]);
    const otherClient = clientOf(other);
    try {
      for (let i = 0; i < 5; i++) {
        expect(await client.request(PATTERN, {})).toEqual({ answeredBy: prefix });
        expect(await otherClient.request(PATTERN, {})).toEqual({ answeredBy: other });
      }
    } finally {
      await otherClient.onApplicationShutdown();
      await Promise.all([ours.close(), theirs.close()]);
    }
  });
});
