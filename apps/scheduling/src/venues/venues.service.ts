import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '#auth';
import { SCHEDULING_DB } from '../database';
import type { CreateVenueDto, VenueView } from './dto/venue.dto';
import type { VenueEntity } from './venue.entity';
import { VenueRepository } from './venue.repository';
import { requireOrdered } from './weekly-windows';

@Injectable()
export class VenuesService {
  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    private readonly venues: VenueRepository,
  ) {}

  async create(principal: Principal, dto: CreateVenueDto): Promise<VenueView> {
    requireOrdered('hours', dto.hours);
    const venue: VenueEntity = {
      id: randomUUID(),
      organisationId: principal.organisationId,
      kind: dto.kind,
      label: dto.label,
      timeZone: dto.timeZone,
      capacity: dto.capacity ?? null,
      accessible: dto.accessible,
      establishment: dto.kind === 'prison' ? dto.establishment! : null,
      hours: dto.kind === 'video' ? [] : dto.hours.map(({ weekday, start, end }) => ({ weekday, start, end })),
      createdAt: new Date(),
    };
    await this.venues.insert(this.dataSource.manager, venue);
    return toVenueView(venue);
  }

  async list(principal: Principal): Promise<VenueView[]> {
    return (await this.venues.ofOrganisation(this.dataSource.manager, principal.organisationId)).map(toVenueView);
  }
}

export function toVenueView(v: VenueEntity): VenueView {
  return { id: v.id, kind: v.kind, label: v.label, timeZone: v.timeZone, capacity: v.capacity, accessible: v.accessible, establishment: v.establishment, hours: v.hours };
}
