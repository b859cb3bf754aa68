import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TERMINAL_STAGES } from '../stages/stage-machine';
import { FacilitatorEntity } from './facilitator.entity';

/** Facilitators and their active caseloads (every case not yet out of the process). */
@Injectable()
export class FacilitatorRepository {
  async insert(manager: EntityManager, facilitator: FacilitatorEntity): Promise<void> {
    await manager.insert(FacilitatorEntity, facilitator);
  }

  async update(manager: EntityManager, id: string, changes: Partial<FacilitatorEntity>): Promise<void> {
    await manager.update(FacilitatorEntity, { id }, changes);
  }

  find(manager: EntityManager, organisationId: string, id: string, options: { lock?: boolean } = {}): Promise<FacilitatorEntity | null> {
    const query = manager.createQueryBuilder(FacilitatorEntity, 'f').where('f.id = :id AND f.organisation_id = :organisationId', { id, organisationId });
    if (options.lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  findByUser(manager: EntityManager, userId: string): Promise<FacilitatorEntity | null> {
    return manager.findOneBy(FacilitatorEntity, { userId });
  }

  list(manager: EntityManager, organisationId: string): Promise<FacilitatorEntity[]> {
    return manager.find(FacilitatorEntity, { where: { organisationId }, order: { displayName: 'ASC', id: 'ASC' } });
  }

  async activeCaseloads(manager: EntityManager, facilitatorIds: string[]): Promise<Map<string, number>> {
    if (facilitatorIds.length === 0) return new Map();
    const rows: { facilitator_id: string; n: number }[] = await manager.query(
      `SELECT f.id AS facilitator_id, count(c.id)::int AS n
         FROM unnest($1::uuid[]) AS f(id)
         LEFT JOIN cases."case" c ON f.id IN (c.lead_facilitator_id, c.co_facilitator_id) AND NOT (c.stage = ANY($2))
        GROUP BY f.id`,
      [facilitatorIds, TERMINAL_STAGES],
    );
    return new Map(rows.map((row) => [row.facilitator_id, row.n]));
  }
}
