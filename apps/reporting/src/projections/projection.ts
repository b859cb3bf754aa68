import type { EventType } from '#contracts';

/**
 * One set-based statement that turns logged events into rows of a fact table. `scope` narrows
 * the events read: one event as it arrives (`e.event_id = $1`), or the whole log on a rebuild.
 * The same statement serves both, so a replay cannot drift from live handling. Statements are
 * idempotent and order-independent: facts keyed by event insert once, facts that a later event
 * replaces keep the row with the highest sequence (last writer by sequence, not by arrival).
 */
export interface Projection {
  /** The event types the statement reads. */
  types: readonly EventType[];
  /** The fact table it writes; a rebuild empties it first. */
  table: string;
  sql(scope: string): string;
}

/** A projection whose statement reads the events of `types` through the FROM clause it is given (alias `e`). */
export function projection(table: string, types: readonly EventType[], statement: (events: string) => string): Projection {
  const typeList = types.map((type) => `'${type}'`).join(', ');
  return { table, types, sql: (scope) => statement(`FROM reporting.event_log e WHERE e.type IN (${typeList}) AND ${scope}`) };
}
