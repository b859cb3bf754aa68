import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VenueKind } from '#contracts';
import type { VenueNames } from '#scheduler';
import type { WeeklyWindow } from './weekly-hours';

/**
 * A place sessions happen. `hours` are its opening hours in its own time zone; for a prison,
 * the official visiting slots. A video venue is remote: any number of sessions at once.
 */
@Entity({ name: 'venue' })
export class VenueEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') kind!: VenueKind;
  @Column('text') label!: string;
  /** Its postal address on one line, for messages that say where a session is. */
  @Column('text', { nullable: true }) address!: string | null;
  /** How to arrive (a prison's "bring photo ID, arrive 30 minutes early"), for reminders. */
  @Column('text', { nullable: true }) directions!: string | null;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('integer', { nullable: true }) capacity!: number | null;
  @Column('boolean') accessible!: boolean;
  @Column('text', { nullable: true }) establishment!: string | null;
  @Column('jsonb') hours!: WeeklyWindow[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** A remote venue holds any number of sessions at once and keeps nobody apart: it is never reserved. */
export function isRemote(venue: Pick<VenueEntity, 'kind'>): boolean {
  return venue.kind === 'video';
}

/** Venues as coordinators know them, for the scheduler's explanations: a prison's hours are its visiting slots. */
export function venueNames(venues: Iterable<VenueEntity>): VenueNames {
  return Object.fromEntries([...venues].map((v) => [v.id, { name: v.label, times: v.kind === 'prison' ? 'visiting slots' : 'opening hours' }]));
}
