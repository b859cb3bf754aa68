import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { selectEntities } from '../entity-rows';
import { VenueEntity } from './venue.entity';

@Injectable()
export class VenueRepository {
  async insert(manager: EntityManager, venue: VenueEntity): Promise<void> {
    await manager.insert(VenueEntity, venue);
  }

  ofOrganisation(manager: EntityManager, organisationId: string): Promise<VenueEntity[]> {
    return selectEntities(manager, VenueEntity, 'SELECT * FROM scheduling.venue WHERE organisation_id = $1 ORDER BY created_at, id', [organisationId]);
  }

  findMany(manager: EntityManager, ids: readonly string[]): Promise<VenueEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : selectEntities(manager, VenueEntity, 'SELECT * FROM scheduling.venue WHERE id = ANY($1::uuid[])', [ids]);
  }
}
