import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { startEmbeddedPostgres } from './postgres';

/** A benchmark's Postgres: DATABASE_URL's server when set, else a throwaway embedded one. */
export async function benchPostgres(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), 'convene-bench-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  return {
    adminUrl: postgres.adminUrl,
    stop: async () => {
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
