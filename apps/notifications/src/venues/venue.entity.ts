import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VenueKind } from '#contracts';

/** Notifications' copy of a venue, from scheduling's `venue.saved`: what messages say of where a session is. */
@Entity({ name: 'venue' })
export class VenueEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') kind!: VenueKind;
  @Column('text') label!: string;
  @Column('text', { nullable: true }) address!: string | null;
  @Column('text', { nullable: true }) directions!: string | null;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  /** The sequence of the event it was last saved from: an older event changes nothing. */
  @Column('bigint', { name: 'source_sequence' }) sourceSequence!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
