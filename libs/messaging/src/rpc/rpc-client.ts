import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { firstValueFrom, timeout } from 'rxjs';
import { NamespacedRedisClient, PlatformConfig, redisTransportOptions, UnavailableError } from '#platform';

/**
 * Asks another service for an answer now, over the Redis transport. No answer within
 * RPC_TIMEOUT_MS is a clear 503 naming the pattern, never a hang.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly proxy: NamespacedRedisClient;
  private readonly timeoutMs: number;

  constructor(config: PlatformConfig) {
    this.proxy = new NamespacedRedisClient(redisTransportOptions(config.REDIS_URL), config.QUEUE_PREFIX);
    this.timeoutMs = config.RPC_TIMEOUT_MS;
  }

  async request<TResponse, TRequest = unknown>(pattern: string, request: TRequest): Promise<TResponse> {
    try {
      return await firstValueFrom(this.proxy.send<TResponse, TRequest>(pattern, request).pipe(timeout(this.timeoutMs)));
    } catch (error) {
      const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : describe(error);
      throw new UnavailableError(`${pattern}: ${why}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
