import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventType } from '#contracts';
import { DELIVERY_PROJECTIONS } from './delivery.projections';
import { PARTICIPANT_PROJECTIONS } from './participant.projections';
import type { Projection } from './projection';
import { REFERRAL_PROJECTIONS } from './referral.projections';

/**
 * Every projection of the read model. `case.triaged` has none: its decision reaches the model
 * as the stage move triage makes (to first-contact, or to rejected with the reason). Events of
 * another service are added as projections here and tables in a new migration.
 */
const PROJECTIONS: readonly Projection[] = [...REFERRAL_PROJECTIONS, ...PARTICIPANT_PROJECTIONS, ...DELIVERY_PROJECTIONS];

export const FACT_TABLES: readonly string[] = [...new Set(PROJECTIONS.map((p) => p.table))];

/** Turns logged events into facts: one event as it arrives, or the whole log on a rebuild. */
@Injectable()
export class Projector {
  async project(manager: EntityManager, type: EventType, eventId: string): Promise<void> {
    for (const projection of PROJECTIONS) {
      if (projection.types.includes(type)) await manager.query(projection.sql('e.event_id = $1'), [eventId]);
    }
  }

  /** Empties every fact table and projects the whole log again, in the caller's transaction. */
  async rebuild(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE ${FACT_TABLES.map((table) => `reporting.${table}`).join(', ')}`);
    for (const projection of PROJECTIONS) await manager.query(projection.sql('true'));
  }
}
