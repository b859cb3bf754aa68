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

  /**
   * One statement whatever the number of events (the same prepared shape each time), which also
   * wakes the relays: the notification is delivered on commit only, so a relay wakes exactly
   * when there is something to publish. Positions follow the order given.
   */
  async insert(manager: EntityManager, events: Omit<DomainEvent, 'sequence' | 'source'>[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `WITH inserted AS (
         INSERT INTO ${this.table} (id, type, version, occurred_at, case_id, organisation_id, payload)
         SELECT id, type, version, occurred_at, case_id, organisation_id, payload::jsonb
           FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[])
                WITH ORDINALITY AS e(id, type, version, occurred_at, case_id, organisation_id, payload, n)
          ORDER BY n
         RETURNING 1
       )
       SELECT pg_notify($8, $9) FROM (SELECT count(*) FROM inserted) AS written`,
      [
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.version),
        events.map((e) => e.occurredAt),
        events.map((e) => e.caseId),
        events.map((e) => e.organisationId),
        events.map((e) => JSON.stringify(e.payload)),
        OUTBOX_CHANNEL,
        this.service,
      ],
    );
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
