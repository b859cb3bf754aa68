import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { VenueEntity } from './venue.entity';

@Injectable()
export class VenueRepository {
  async insert(manager: EntityManager, venue: VenueEntity): Promise<void> {
    await manager.insert(VenueEntity, venue);
  }

  ofOrganisation(manager: EntityManager, organisationId: string): Promise<VenueEntity[]> {
    return manager.find(VenueEntity, { where: { organisationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findMany(manager: EntityManager, ids: readonly string[]): Promise<VenueEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : manager.findBy(VenueEntity, { id: In([...ids]) });
  }
}
