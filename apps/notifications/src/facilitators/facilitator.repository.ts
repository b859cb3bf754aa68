import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Facilitators and cases' allocations as the cases service's events describe them. */
@Injectable()
export class FacilitatorRepository {
  /**
   * Keeps the newest facts only (by the cases service's sequence): a redelivered or older event
   * changes nothing. An event without a user id (published before FacilitatorV1 had one) never
   * erases one known.
   */
  async saveFacilitator(manager: EntityManager, f: { id: string; organisationId: string; userId: string | null }, sequence: number): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.facilitator AS f (id, organisation_id, user_id, source_sequence) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, user_id = COALESCE(EXCLUDED.user_id, f.user_id),
         source_sequence = EXCLUDED.source_sequence, updated_at = now()
       WHERE f.source_sequence < EXCLUDED.source_sequence`,
      [f.id, f.organisationId, f.userId, sequence],
    );
  }

  /** The case's facilitators now; an allocation older than the one stored changes nothing. */
  async assign(manager: EntityManager, caseId: string, organisationId: string, facilitatorIds: string[], sequence: number): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.case_facilitators AS c (case_id, organisation_id, facilitator_ids, source_sequence) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, facilitator_ids = EXCLUDED.facilitator_ids,
         source_sequence = EXCLUDED.source_sequence, updated_at = now()
       WHERE c.source_sequence < EXCLUDED.source_sequence`,
      [caseId, organisationId, facilitatorIds, sequence],
    );
  }

  /**
   * The token subjects of each case's current facilitators, where known, in one read: a case
   * absent from the map has no facilitator notifications can tell by token.
   */
  async userIdsOfCases(manager: EntityManager, organisationId: string, caseIds: readonly (string | null)[]): Promise<Map<string, string[]>> {
    const wanted = [...new Set(caseIds.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows: { caseId: string; userIds: string[] }[] = await manager.query(
      `SELECT c.case_id AS "caseId", array_agg(f.user_id ORDER BY f.user_id) AS "userIds"
       FROM notifications.case_facilitators c
       JOIN notifications.facilitator f ON f.id = ANY(c.facilitator_ids) AND f.organisation_id = c.organisation_id AND f.user_id IS NOT NULL
       WHERE c.organisation_id = $1 AND c.case_id = ANY($2::uuid[])
       GROUP BY c.case_id`,
      [organisationId, wanted],
    );
    return new Map(rows.map((r) => [r.caseId, r.userIds]));
  }
}
