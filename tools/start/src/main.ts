import { NestFactory } from '@nestjs/core';
import { join, resolve } from 'node:path';
import { AuthConfig, TokenService } from '#auth';
import { ensureDatabase, ensureRedis, RedisUnavailableError, type RunningPostgres, startEmbeddedPostgres } from '#infra';
import { configureApi, type Environment, loadConfig, logSettings, PlatformConfig, startRpc, withDevSecrets } from '#platform';
import { SystemModule } from './system.module';

const DATA_DIR = resolve('.data');
const DEMO_ORGANISATION = 'demo-service';
const DEMO_PARTNERSHIP = 'demo-partnership';

/**
 * `npm start`: everything Convene needs on this machine. PostgreSQL is embedded unless
 * DATABASE_URL says otherwise; Redis comes from REDIS_URL, or from redis-server if installed.
 */
async function main(): Promise<void> {
  // Quiet by default at a terminal: warnings and errors only, unless LOG_LEVEL says otherwise.
  const env: Environment = withDevSecrets({ LOG_LEVEL: 'warn', ...process.env });
  const stops: (() => Promise<void>)[] = [];

  let postgres: RunningPostgres | undefined;
  if (!env.DATABASE_URL) {
    say('starting the embedded PostgreSQL (data in .data/postgres)...');
    postgres = await startEmbeddedPostgres({ dataDir: join(DATA_DIR, 'postgres'), port: Number(env.EMBEDDED_POSTGRES_PORT ?? 54329) });
    stops.push(() => postgres!.stop());
    env.DATABASE_URL = await ensureDatabase(postgres.adminUrl, 'convene');
  }

  const redis = await ensureRedis(env.REDIS_URL ?? 'redis://127.0.0.1:6379', join(DATA_DIR, 'redis'));
  stops.unshift(() => redis.stop());
  env.REDIS_URL = redis.url;

  const app = await NestFactory.create(SystemModule.forEnvironment(env), { bufferLogs: true });
  configureApi(app, 'Convene API');
  logSettings(app);
  await startRpc(app);
  const { PORT } = app.get(PlatformConfig);
  await app.listen(PORT);

  const base = `http://localhost:${PORT}`;
  const token = new TokenService(loadConfig(AuthConfig, env)).issue(
    { userId: 'demo-coordinator', roles: ['coordinator'], organisationId: DEMO_ORGANISATION, partnershipId: DEMO_PARTNERSHIP },
    12 * 3600,
  );
  say(`Convene is running at ${base}`);
  say(`API docs (Swagger UI): ${base}/docs   OpenAPI document: ${base}/docs-json`);
  say(`Coordinator token (organisation ${DEMO_ORGANISATION}, valid 12 h):\n${token}`);
  say(`More tokens: npm run -s cli -- token issue --role facilitator --org ${DEMO_ORGANISATION} --sub fac-1`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping...');
    await app.close();
    for (const stop of stops) await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof RedisUnavailableError ? error.message : `failed to start: ${(error as Error)?.message ?? String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
