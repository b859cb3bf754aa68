import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '#infra';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file, on the server the global setup provides. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set: run tests through jest (global setup provides it)');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  return { url, drop: () => dropDatabase(adminUrl, name) };
}
