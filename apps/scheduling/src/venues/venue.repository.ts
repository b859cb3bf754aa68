import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { selectEntities } from '../entity-rows';
import { VenueEntity } from './venue.entity';

@Injectable()
export class VenueRepository {
  async insert(manager: EntityManager, venue: VenueEntity): Promise<void> {
    await manager.insert(VenueEntity, venue);
  }

  /** The venue held still while it changes, so its events are recorded in the order of its changes. */
  async lock(manager: EntityManager, id: string): Promise<VenueEntity | null> {
    const [venue] = await selectEntities(manager, VenueEntity, 'SELECT * FROM scheduling.venue WHERE id = $1 FOR UPDATE', [id]);
    return venue ?? null;
  }

  /** How it is named and reached: what may change without touching its bookings. */
  async describe(manager: EntityManager, venue: Pick<VenueEntity, 'id' | 'label' | 'address' | 'directions'>): Promise<void> {
    await manager.query('UPDATE scheduling.venue SET label = $2, address = $3, directions = $4 WHERE id = $1', [venue.id, venue.label, venue.address, venue.directions]);
  }

  ofOrganisation(manager: EntityManager, organisationId: string): Promise<VenueEntity[]> {
    return selectEntities(manager, VenueEntity, 'SELECT * FROM scheduling.venue WHERE organisation_id = $1 ORDER BY created_at, id', [organisationId]);
  }

  findMany(manager: EntityManager, ids: readonly string[]): Promise<VenueEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : selectEntities(manager, VenueEntity, 'SELECT * FROM scheduling.venue WHERE id = ANY($1::uuid[])', [ids]);
  }
}
