import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * Runs a statement that Postgres parses and plans once per connection (a named prepared
 * statement) instead of on every request: on the hot paths of suggestions and bookings a few
 * statements are complex enough that planning them cost Postgres more than running them
 * (about 0.7 ms against 0.4 ms for the world's read). In the caller's transaction if it is in
 * one. `name` must be unique to `text` in the process. Return JSON or fixed columns rather than
 * a table's `*`: a prepared statement whose result columns change (a migration adding one while
 * an older process runs) fails until its connection closes.
 */
export async function preparedQuery<T = Record<string, unknown>>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query({ name, text, values })).rows as T[];
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}
