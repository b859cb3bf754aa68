import { type INestApplication, type INestApplicationContext, Logger as NestLogger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer, Server } from 'node:http';
import { Logger } from 'nestjs-pino';
import { describeConfig } from '../config/load-config';
import { PlatformConfig } from '../config/platform.config';
import { GlobalExceptionFilter } from '../errors/global-exception.filter';
import { createValidationPipe } from '../errors/validation';
import { ReadinessRegistry } from '../health/readiness.registry';
import { HttpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { metricsRegistry } from '../metrics/metrics';
import { NamespacedRedisServer, redisTransportOptions } from '../redis/redis-transport';
import { setupSwagger } from './swagger';

/** The HTTP pipeline every API shares; tests apply it to their own app the same way. */
export function configureApi(app: INestApplication, title: string): INestApplication {
  app.useLogger(app.get(Logger));
  const metrics = new HttpMetricsMiddleware();
  app.use(metrics.use.bind(metrics));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GlobalExceptionFilter());
  setupSwagger(app, title);
  return app;
}

export interface ApiOptions {
  /** Also answer request/response patterns over the Redis transport. */
  rpc?: boolean;
}

export function runApi(rootModule: Type, title: string, options: ApiOptions = {}): Promise<INestApplication> {
  return startOrExit(async () => {
    const app = await NestFactory.create(rootModule, { bufferLogs: true });
    configureApi(app, title);
    logSettings(app);
    app.enableShutdownHooks();
    if (options.rpc) await startRpc(app);
    await app.listen(app.get(PlatformConfig).PORT);
    return app;
  });
}

/** Connects the Redis transport so @MessagePattern handlers of the app answer. */
export async function startRpc(app: INestApplication): Promise<void> {
  const config = app.get(PlatformConfig);
  app.connectMicroservice({ strategy: new NamespacedRedisServer(redisTransportOptions(config.REDIS_URL), config.QUEUE_PREFIX) });
  await app.startAllMicroservices();
}

/** The settings a process runs with, secrets masked: the first thing to check in an incident. */
export function logSettings(app: INestApplicationContext): void {
  new NestLogger('Settings').log(`running with ${JSON.stringify(describeConfig(app.get(PlatformConfig)))}`);
}

/** A process that cannot start says why in one line and exits, rather than dumping a trace. */
async function startOrExit<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/**
 * A worker is the same modules under another root, without the HTTP API. It still answers
 * liveness, readiness and metrics on PORT for the orchestrator and Prometheus.
 */
export function runWorker(rootModule: Type): Promise<INestApplicationContext> {
  return startOrExit(() => startWorker(rootModule));
}

async function startWorker(rootModule: Type): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(rootModule, { bufferLogs: true });
  context.useLogger(context.get(Logger));
  logSettings(context);
  context.enableShutdownHooks();
  const probes = probeServer(context.get(ReadinessRegistry));
  probes.listen(context.get(PlatformConfig).PORT);
  const close = context.close.bind(context);
  context.close = async () => {
    probes.close();
    await close();
  };
  return context;
}

function probeServer(registry: ReadinessRegistry): Server {
  return createServer((req, res) => {
    const reply = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (req.url === '/health/live') return reply(200, '{"status":"ok"}');
    if (req.url === '/metrics') {
      void metricsRegistry.metrics().then((text) => reply(200, text, metricsRegistry.contentType));
      return;
    }
    if (req.url === '/health/ready') {
      void Promise.allSettled(registry.entries().map(([, probe]) => probe())).then((results) => {
        const down = results.filter((r) => r.status === 'rejected').length;
        reply(down === 0 ? 200 : 503, JSON.stringify({ status: down === 0 ? 'ok' : 'error' }));
      });
      return;
    }
    reply(404, '{"statusCode":404,"error":"not-found"}');
  });
}
