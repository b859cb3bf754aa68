import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventType, ServiceName } from '#contracts';

interface OutboxRow {
  position: string;
  id: string;
  type: EventType;
  version: number;
  occurred_at: Date;
  case_id: string | null;
  organisation_id: string | null;
  payload: unknown;
}

export const OUTBOX_CHANNEL = 'convene_outbox';

/** The SQL of one service's outbox table. */
export class OutboxRepository {
  private readonly table: string;

  constructor(private readonly service: ServiceName) {
    this.table = `"${service}".outbox_event`;
  }

  async insert(manager: EntityManager, events: Omit<DomainEvent, 'sequence' | 'source'>[]): Promise<void> {
    if (events.length === 0) return;
    const values: unknown[] = [];
    const rows = events.map((event, i) => {
      values.push(event.id, event.type, event.version, event.occurredAt, event.caseId, event.organisationId, JSON.stringify(event.payload));
      const p = i * 7;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO ${this.table} (id, type, version, occurred_at, case_id, organisation_id, payload) VALUES ${rows.join(', ')}`,
      values,
    );
    // Delivered on commit only, so the relay wakes exactly when there is something to publish.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, this.service]);
  }

  /** The oldest unpublished events, locked so that a second relay skips them. */
  async lockUnpublished(manager: EntityManager, limit: number): Promise<DomainEvent[]> {
    const rows: OutboxRow[] = await manager.query(
      `SELECT position, id, type, version, occurred_at, case_id, organisation_id, payload
         FROM ${this.table} WHERE published_at IS NULL
         ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      version: row.version,
      occurredAt: row.occurred_at.toISOString(),
      source: this.service,
      sequence: Number(row.position),
      caseId: row.case_id,
      organisationId: row.organisation_id,
      payload: row.payload as DomainEvent['payload'],
    }));
  }

  async markPublished(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(`UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Published events are kept a while for inspection, then dropped. */
  async deletePublishedBefore(manager: EntityManager, before: Date): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE published_at < $1`, [before]);
  }
}
