import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import { whereVisible } from '../access/case-visibility';
import { CASE_READERS } from '../access/roles';
import { CASES_DB } from '../database';
import { FacilitatorEntity } from '../facilitators/facilitator.entity';
import type { FacilitatorRef } from './case.view';
import { CaseEntity } from './case.entity';
import type { ListCasesQuery } from './dto/list-cases.query';

@Injectable()
export class CaseRepository {
  constructor(@InjectDataSource(CASES_DB) private readonly dataSource: DataSource) {}

  /** A reference a person can read out on the phone: RJ-<year>-<six digits>. */
  async nextReference(manager: EntityManager, year: number): Promise<string> {
    const [row] = await manager.query(`SELECT nextval('cases.case_reference_seq') AS n`);
    return `RJ-${year}-${String(row.n).padStart(6, '0')}`;
  }

  async insert(manager: EntityManager, kase: CaseEntity): Promise<void> {
    await manager.insert(CaseEntity, kase);
  }

  async update(manager: EntityManager, id: string, changes: Partial<CaseEntity>): Promise<void> {
    await manager.update(CaseEntity, { id }, changes);
  }

  async get(manager: EntityManager, id: string): Promise<CaseEntity> {
    return manager.findOneByOrFail(CaseEntity, { id });
  }

  async listVisible(principal: Principal, filter: ListCasesQuery, now: Date): Promise<{ items: CaseEntity[]; total: number }> {
    const query = whereVisible(this.dataSource.createQueryBuilder(CaseEntity, 'c'), principal, CASE_READERS);
    if (filter.stage) query.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.facilitatorId) {
      query.andWhere(':facilitatorId IN (c.lead_facilitator_id, c.co_facilitator_id)', { facilitatorId: filter.facilitatorId });
    }
    if (filter.firstContactOverdue !== undefined) {
      const overdue = `(c.first_contact_at IS NULL AND c.first_contact_due_at < :now AND c.stage NOT IN ('rejected', 'withdrawn', 'closed'))`;
      query.andWhere(filter.firstContactOverdue ? overdue : `NOT ${overdue}`, { now });
    }
    const [items, total] = await query
      .orderBy('c.received_at', 'DESC')
      .addOrderBy('c.id')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  async facilitatorRefs(manager: EntityManager, cases: CaseEntity[]): Promise<Map<string, FacilitatorRef>> {
    const ids = [...new Set(cases.flatMap((c) => [c.leadFacilitatorId, c.coFacilitatorId]).filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder(FacilitatorEntity, 'f')
      .select(['f.id', 'f.displayName'])
      .where('f.id IN (:...ids)', { ids })
      .getMany();
    return new Map(rows.map((f) => [f.id, { id: f.id, displayName: f.displayName }]));
  }
}
