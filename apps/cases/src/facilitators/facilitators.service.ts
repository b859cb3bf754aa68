import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IANAZone } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { hasRole, type Principal } from '#auth';
import type { FacilitatorV1 } from '#contracts';
import { Outbox } from '#messaging';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#platform';
import { CasesConfig } from '../cases.config';
import { CASES_DB } from '../database';
import type { FacilitatorView, RegisterFacilitatorDto, UpdateFacilitatorDto } from './dto/facilitator.dto';
import { FacilitatorEntity } from './facilitator.entity';
import { FacilitatorRepository } from './facilitator.repository';

@Injectable()
export class FacilitatorsService {
  constructor(
    @InjectDataSource(CASES_DB) private readonly dataSource: DataSource,
    @Inject(CasesConfig) private readonly config: CasesConfig,
    private readonly facilitators: FacilitatorRepository,
    private readonly outbox: Outbox,
  ) {}

  register(principal: Principal, dto: RegisterFacilitatorDto): Promise<FacilitatorView> {
    const timeZone = dto.timeZone ?? 'Europe/London';
    if (!IANAZone.isValidZone(timeZone)) throw InvalidInputError.field('timeZone', 'isTimeZone', `timeZone ${timeZone} is not an IANA time zone`);
    return this.dataSource.transaction(async (manager) => {
      if (await this.facilitators.findByUser(manager, dto.userId)) {
        throw new ConflictError('facilitator-exists', `a facilitator with userId ${dto.userId} is already registered`);
      }
      const facilitator: FacilitatorEntity = {
        id: randomUUID(),
        organisationId: principal.organisationId,
        userId: dto.userId,
        displayName: dto.displayName,
        workPhone: dto.workPhone ?? null,
        workEmail: dto.workEmail ?? null,
        capacity: dto.capacity ?? this.config.DEFAULT_FACILITATOR_CAPACITY,
        timeZone,
        active: true,
        createdAt: new Date(),
      };
      await this.facilitators.insert(manager, facilitator);
      await this.emit(manager, 'facilitator.registered', facilitator);
      return this.view(manager, facilitator);
    });
  }

  update(principal: Principal, facilitatorId: string, dto: UpdateFacilitatorDto): Promise<FacilitatorView> {
    if ((dto.capacity !== undefined || dto.active !== undefined) && !hasRole(principal, 'manager')) {
      throw new ForbiddenError('only a manager may change a facilitator\'s capacity or take them off duty');
    }
    return this.dataSource.transaction(async (manager) => {
      const current = await this.facilitators.find(manager, principal.organisationId, facilitatorId, { lock: true });
      if (!current) throw new NotFoundError('facilitator', facilitatorId);
      const updated = { ...current, ...definedOnly(dto) };
      await this.facilitators.update(manager, facilitatorId, definedOnly(dto));
      await this.emit(manager, 'facilitator.changed', updated);
      return this.view(manager, updated);
    });
  }

  async list(principal: Principal): Promise<FacilitatorView[]> {
    const manager = this.dataSource.manager;
    const all = await this.facilitators.list(manager, principal.organisationId);
    const loads = await this.facilitators.activeCaseloads(manager, all.map((f) => f.id));
    return all.map((f) => toView(f, loads.get(f.id) ?? 0));
  }

  async get(principal: Principal, facilitatorId: string): Promise<FacilitatorView> {
    const found = await this.facilitators.find(this.dataSource.manager, principal.organisationId, facilitatorId);
    if (!found) throw new NotFoundError('facilitator', facilitatorId);
    return this.view(this.dataSource.manager, found);
  }

  private async view(manager: EntityManager, facilitator: FacilitatorEntity): Promise<FacilitatorView> {
    const loads = await this.facilitators.activeCaseloads(manager, [facilitator.id]);
    return toView(facilitator, loads.get(facilitator.id) ?? 0);
  }

  private emit(manager: EntityManager, type: 'facilitator.registered' | 'facilitator.changed', f: FacilitatorEntity) {
    const payload: FacilitatorV1 = { facilitatorId: f.id, userId: f.userId, capacity: f.capacity, timeZone: f.timeZone, active: f.active };
    return this.outbox.record(manager, { type, caseId: null, organisationId: f.organisationId, payload });
  }
}

function toView(f: FacilitatorEntity, activeCases: number): FacilitatorView {
  return {
    id: f.id,
    userId: f.userId,
    organisationId: f.organisationId,
    displayName: f.displayName,
    workPhone: f.workPhone,
    workEmail: f.workEmail,
    timeZone: f.timeZone,
    active: f.active,
    activeCases,
    capacity: f.capacity,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
