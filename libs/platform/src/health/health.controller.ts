import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../http/public.decorator';
import { ReadinessRegistry } from './readiness.registry';

const PROBE_TIMEOUT_MS = 1500;

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: ReadinessRegistry,
  ) {}

  /** The process is up; restarts are for when this fails. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Every database and Redis this process needs answers: it may take traffic. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(
      this.registry.entries().map(([name, probe]) => async () => {
        const indicator = this.indicators.check(name);
        try {
          await withTimeout(probe(), PROBE_TIMEOUT_MS);
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
        }
      }),
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
