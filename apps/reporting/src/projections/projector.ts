import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { CASE_REFRESHES, EVERY_CASE, ONE_CASE } from './case-progress';
import { DELIVERY_PROJECTIONS } from './delivery.projections';
import { MESSAGE_PROJECTIONS } from './message.projections';
import { PARTICIPANT_PROJECTIONS } from './participant.projections';
import type { Projection } from './projection';
import { REFERRAL_PROJECTIONS } from './referral.projections';
import { SESSION_PROJECTIONS } from './session.projections';

/**
 * Every projection of the read model. A new event is added as a projection here and its table
 * in a new migration.
 */
const PROJECTIONS: readonly Projection[] = [
  ...REFERRAL_PROJECTIONS,
  ...PARTICIPANT_PROJECTIONS,
  ...DELIVERY_PROJECTIONS,
  ...SESSION_PROJECTIONS,
  ...MESSAGE_PROJECTIONS,
];

export const FACT_TABLES: readonly string[] = [...new Set([...PROJECTIONS.map((p) => p.table), ...CASE_REFRESHES.map((r) => r.table)])];

/** Turns logged events into facts: one event as it arrives, or the whole log on a rebuild. */
@Injectable()
export class Projector {
  async project(manager: EntityManager, event: DomainEvent): Promise<void> {
    for (const projection of PROJECTIONS) {
      if (projection.types.includes(event.type)) await manager.query(projection.sql('e.event_id = $1'), [event.id]);
    }
    if (!event.caseId) return;
    for (const refresh of CASE_REFRESHES) {
      if (!refresh.types.includes(event.type)) continue;
      for (const statement of refresh.statements(ONE_CASE)) await manager.query(statement, [event.caseId]);
    }
  }

  /** Empties every fact table and projects the whole log again, in the caller's transaction. */
  async rebuild(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE ${FACT_TABLES.map((table) => `reporting.${table}`).join(', ')}`);
    for (const projection of PROJECTIONS) await manager.query(projection.sql('true'));
    for (const refresh of CASE_REFRESHES) {
      for (const statement of refresh.statements(EVERY_CASE)) await manager.query(statement);
    }
    // Fresh statistics, or the first reports plan for the empty tables the rebuild began with.
    await manager.query(`ANALYZE ${FACT_TABLES.map((table) => `reporting.${table}`).join(', ')}`);
  }
}
