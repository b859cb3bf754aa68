import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PlanEntity } from './plan.entity';

@Injectable()
export class PlanRepository {
  async insert(manager: EntityManager, plan: PlanEntity): Promise<void> {
    await manager.insert(PlanEntity, plan);
  }

  async update(manager: EntityManager, id: string, changes: Partial<Omit<PlanEntity, 'id'>>): Promise<void> {
    await manager.update(PlanEntity, { id }, changes);
  }

  /** Progress only goes forward, whatever order the updates land in. */
  async advance(manager: EntityManager, id: string, percent: number): Promise<void> {
    await manager.query('UPDATE scheduling.plan SET progress = GREATEST(progress, $2) WHERE id = $1', [id, percent]);
  }

  find(manager: EntityManager, id: string): Promise<PlanEntity | null> {
    return manager.findOneBy(PlanEntity, { id });
  }
}
