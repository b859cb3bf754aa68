import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { storedPayload } from './stored-fields';

/** Every event reporting received, kept so the read model can be rebuilt from it alone. */
@Injectable()
export class EventLogRepository {
  /** Appends an event; one already logged (same id) is left as it was. Returns whether it was new. */
  async append(manager: EntityManager, event: DomainEvent): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO reporting.event_log (event_id, type, version, source, sequence, occurred_at, case_id, organisation_id, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [event.id, event.type, event.version, event.source, event.sequence, event.occurredAt, event.caseId, event.organisationId,
        storedPayload(event)],
    );
    return inserted.length > 0;
  }

  async count(manager: EntityManager): Promise<number> {
    const [row] = await manager.query('SELECT count(*)::int AS n FROM reporting.event_log');
    return row.n;
  }
}
