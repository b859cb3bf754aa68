import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { PlatformConfig } from '#platform';

/** The channel the world-change triggers notify (migration SchedulingWorldChanges). */
export const WORLD_CHANNEL = 'scheduling_world';

/**
 * What the process hears of changes to the world suggestions are built from: the keys each
 * committed change touched (`person:<id>`, `venue:<id>`, `case:<id>`, `venues:<organisation>`),
 * or `null` when it may have missed some (the connection dropped) and must forget everything.
 */
export type WorldChangeListener = (keys: readonly string[] | null) => void;

/**
 * One LISTEN connection per process, opened on first use (the worker, which serves no
 * suggestions, never opens it). `epoch` changes with each connection, so a reader can tell
 * whether it listened without a break since a moment it noted.
 *
 * `caughtUp()` resolves once every change committed before it was called has been heard: a
 * query on the listening connection, since Postgres sends a listener the notifications queued
 * so far before it answers. Callers waiting together share one such query.
 */
@Injectable()
export class WorldChanges implements OnApplicationShutdown {
  private readonly logger = new Logger('WorldChanges');
  private readonly listeners = new Set<WorldChangeListener>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;
  private waiting: (() => void)[] = [];
  private catchingUp = false;
  /** Counts connections made; 0 until the first is listening. */
  epoch = 0;

  constructor(@Inject(PlatformConfig) private readonly config: PlatformConfig) {}

  get listening(): boolean {
    return this.client !== null;
  }

  subscribe(listener: WorldChangeListener): void {
    this.listeners.add(listener);
  }

  /** Starts listening if not yet (or no longer) listening; resolves once listening or failed. */
  listen(): Promise<void> {
    if (this.client || this.stopped) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  caughtUp(): Promise<void> {
    if (!this.client) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.catchingUp) void this.catchUp();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.connecting;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'convene-scheduling-world' });
    try {
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === WORLD_CHANNEL && message.payload) this.tell(message.payload.split(','));
      });
      client.on('error', (error) => this.drop(client, error));
      client.on('end', () => this.drop(client, null));
      await client.query(`LISTEN ${WORLD_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      this.epoch += 1;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn(`cannot listen for world changes (${(error as Error).message}); suggestions are not cached meanwhile`);
    }
  }

  /** Those waiting when a query is sent are answered by it; those who come meanwhile, by the next. */
  private async catchUp(): Promise<void> {
    this.catchingUp = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      // A dropped connection has told everyone to forget: nothing is served from memory until it listens again.
      await this.client?.query('SELECT 1').catch(() => undefined);
      for (const resolve of batch) resolve();
    }
    this.catchingUp = false;
  }

  /** A lost connection may have lost notifications: everyone forgets, and the next use listens again. */
  private drop(client: Client, error: Error | null): void {
    if (this.client !== client) return;
    this.client = null;
    if (error) this.logger.warn(`world changes connection lost (${error.message})`);
    void client.end().catch(() => undefined);
    this.tell(null);
  }

  private tell(keys: readonly string[] | null): void {
    for (const listener of this.listeners) listener(keys);
  }
}
