import type { DataSource } from 'typeorm';

/**
 * Applies a service's pending migrations. The API and worker processes of a service may boot
 * together; an advisory lock per schema makes the second wait rather than race the first.
 */
export async function migrateSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`convene-migrations:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`convene-migrations:${schema}`]);
    }
  } finally {
    await runner.release();
  }
}
