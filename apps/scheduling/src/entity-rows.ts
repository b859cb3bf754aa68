import type { EntityManager, ObjectLiteral } from 'typeorm';

/**
 * Entities read with plain SQL (`SELECT *`), columns named back to properties from the entity's
 * metadata. On the hot reads of a suggestion or a booking, TypeORM's query building and
 * hydration cost more CPU than Postgres spends answering.
 */
export async function selectEntities<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T, sql: string, parameters: unknown[]): Promise<T[]> {
  return toEntities(manager, entity, await manager.query(sql, parameters));
}

/**
 * Rows named back to entity properties. Rows Postgres wrote as JSON (`json_agg` of a table's
 * rows) carry timestamps as text: `fromJson` makes them Dates, as the driver does for plain rows.
 */
export function toEntities<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T, rows: Record<string, unknown>[], fromJson = false): T[] {
  const columns = manager.connection.getMetadata(entity).columns.map((c) => [c.propertyName, c.databaseName, fromJson && c.type === 'timestamptz'] as const);
  return rows.map((row) => {
    const selected = new entity() as Record<string, unknown>;
    for (const [property, column, timestamp] of columns) {
      const value = row[column];
      selected[property] = timestamp && value !== null ? new Date(value as string) : value;
    }
    return selected as T;
  });
}
