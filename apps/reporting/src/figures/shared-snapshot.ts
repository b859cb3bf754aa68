import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Runs read-only work on several connections that all see one snapshot of the database
 * (pg_export_snapshot), so a report's queries run side by side and still agree with each
 * other as if they had run in one transaction.
 */
export async function withSharedSnapshot<T>(
  dataSource: DataSource,
  connections: number,
  work: (managers: EntityManager[]) => Promise<T>,
): Promise<T> {
  const runners: QueryRunner[] = Array.from({ length: connections }, () => dataSource.createQueryRunner());
  try {
    await Promise.all(runners.map((runner) => runner.startTransaction('REPEATABLE READ')));
    const [{ snapshot }] = await runners[0]!.query('SELECT pg_export_snapshot() AS snapshot');
    await Promise.all(runners.slice(1).map((runner) => runner.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`)));
    // Aggregates over whole cohorts: sorts fit in memory, and JIT compiling costs more than it saves here.
    await Promise.all(runners.map((runner) => runner.query(`SET LOCAL work_mem = '64MB'; SET LOCAL jit = off`)));
    return await work(runners.map((runner) => runner.manager));
  } finally {
    await Promise.all(runners.map(async (runner) => {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }));
  }
}
