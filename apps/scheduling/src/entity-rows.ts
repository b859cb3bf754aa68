import type { EntityManager, ObjectLiteral } from 'typeorm';

/**
 * Entities read with plain SQL (`SELECT *`), columns named back to properties from the entity's
 * metadata. On the hot reads of a suggestion or a booking, TypeORM's query building and
 * hydration cost more CPU than Postgres spends answering.
 */
export async function selectEntities<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T, sql: string, parameters: unknown[]): Promise<T[]> {
  const rows: Record<string, unknown>[] = await manager.query(sql, parameters);
  const columns = manager.connection.getMetadata(entity).columns.map((c) => [c.propertyName, c.databaseName] as const);
  return rows.map((row) => {
    const selected = new entity() as Record<string, unknown>;
    for (const [property, column] of columns) selected[property] = row[column];
    return selected as T;
  });
}
