import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import type { NewEvent } from '#contracts';
import { Outbox } from '#messaging';
import { NotFoundError } from '#platform';
import { SCHEDULING_DB } from '../database';
import type { CreateVenueDto, UpdateVenueDto, VenueView } from './dto/venue.dto';
import type { VenueEntity } from './venue.entity';
import { VenueRepository } from './venue.repository';
import { requireOrdered } from './weekly-windows';

/** Venues of the caller's organisation. Each creation and change is announced (`venue.saved`) in its own transaction. */
@Injectable()
export class VenuesService {
  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    private readonly venues: VenueRepository,
    private readonly outbox: Outbox,
  ) {}

  async create(principal: Principal, dto: CreateVenueDto): Promise<VenueView> {
    requireOrdered('hours', dto.hours);
    const venue: VenueEntity = {
      id: randomUUID(),
      organisationId: principal.organisationId,
      kind: dto.kind,
      label: dto.label,
      address: dto.address ?? null,
      directions: dto.directions ?? null,
      timeZone: dto.timeZone,
      capacity: dto.capacity ?? null,
      accessible: dto.accessible,
      establishment: dto.kind === 'prison' ? dto.establishment! : null,
      hours: dto.kind === 'video' ? [] : dto.hours.map(({ weekday, start, end }) => ({ weekday, start, end })),
      createdAt: new Date(),
    };
    await this.dataSource.transaction(async (manager) => {
      await this.venues.insert(manager, venue);
      await this.saved(manager, venue);
    });
    return toVenueView(venue);
  }

  /** A new label, address or directions; the venue's kind, zone and hours stay, as bookings were checked against them. */
  async update(principal: Principal, id: string, dto: UpdateVenueDto): Promise<VenueView> {
    return this.dataSource.transaction(async (manager) => {
      const venue = await this.venues.lock(manager, id);
      if (!venue || venue.organisationId !== principal.organisationId) throw new NotFoundError('venue', id);
      if (dto.label !== undefined) venue.label = dto.label;
      if (dto.address !== undefined) venue.address = dto.address;
      if (dto.directions !== undefined) venue.directions = dto.directions;
      await this.venues.describe(manager, venue);
      await this.saved(manager, venue);
      return toVenueView(venue);
    });
  }

  async list(principal: Principal): Promise<VenueView[]> {
    return (await this.venues.ofOrganisation(this.dataSource.manager, principal.organisationId)).map(toVenueView);
  }

  /** Recorded after the venue row is written (and, on a change, locked), so a venue's events follow the order of its changes. */
  private saved(manager: EntityManager, venue: VenueEntity): Promise<void> {
    return this.outbox.record(manager, venueSaved(venue));
  }
}

/** What notifications learns of a venue: how it is named and reached, nothing of its bookings. */
function venueSaved(v: VenueEntity): NewEvent<'venue.saved'> {
  return {
    type: 'venue.saved',
    caseId: null,
    organisationId: v.organisationId,
    payload: { venueId: v.id, organisation: v.organisationId, kind: v.kind, label: v.label, address: v.address, directions: v.directions, timeZone: v.timeZone },
  };
}

export function toVenueView(v: VenueEntity): VenueView {
  return {
    id: v.id,
    kind: v.kind,
    label: v.label,
    address: v.address,
    directions: v.directions,
    timeZone: v.timeZone,
    capacity: v.capacity,
    accessible: v.accessible,
    establishment: v.establishment,
    hours: v.hours,
  };
}
