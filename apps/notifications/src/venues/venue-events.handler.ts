import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { HandlesEvent } from '#messaging';
import { VenueRepository } from './venue.repository';

/** Scheduling's venues become notifications' copy, the newest description winning; a redelivery changes nothing. */
@Injectable()
export class VenueEventsHandler {
  constructor(private readonly venues: VenueRepository) {}

  @HandlesEvent('venue.saved')
  async onSaved(event: DomainEvent<'venue.saved'>, manager: EntityManager): Promise<void> {
    const v = event.payload;
    await this.venues.upsertIfNewer(
      manager,
      { id: v.venueId, organisationId: v.organisation, kind: v.kind, label: v.label, address: v.address, directions: v.directions, timeZone: v.timeZone },
      event.sequence,
    );
  }
}
