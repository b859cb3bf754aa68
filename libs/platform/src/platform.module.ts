import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { withDevSecrets } from './config/dev-secrets';
import { ENVIRONMENT } from './config/environment';
import { Environment, loadConfig } from './config/load-config';
import { PlatformConfig } from './config/platform.config';
import { FieldCipher } from './crypto/field-cipher';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness.registry';
import { LoggingModule } from './logging/logging.module';
import { MetricsController } from './metrics/metrics.controller';
import { redisOptions } from './redis/redis-options';
import { RedisProbe } from './redis/redis-probe';

export interface PlatformOptions {
  /** Defaults to the process environment; tests pass their own. */
  env?: Environment;
}

/**
 * What every process has once: validated settings, logging, health, metrics, the field cipher
 * and the BullMQ connection. Imported once by each root module (API, worker or composed).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions = {}): DynamicModule {
    const env = withDevSecrets(options.env ?? process.env);
    const config = loadConfig(PlatformConfig, env);
    const configProviders = [
      { provide: ENVIRONMENT, useValue: env },
      { provide: PlatformConfig, useValue: config },
    ];
    return {
      module: PlatformModule,
      imports: [
        {
          module: PlatformConfigModule,
          providers: configProviders,
          exports: configProviders.map((p) => p.provide),
          global: true,
        },
        LoggingModule,
        TerminusModule,
        BullModule.forRoot({
          connection: redisOptions(config.REDIS_URL, 'worker'),
          prefix: config.QUEUE_PREFIX,
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [ReadinessRegistry, FieldCipher, RedisProbe],
      exports: [ReadinessRegistry, FieldCipher, BullModule],
    };
  }
}

/** Holds the settings so that modules imported by PlatformModule (logging) can inject them. */
@Module({})
class PlatformConfigModule {}
