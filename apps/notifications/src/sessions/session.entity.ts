import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SessionKind, VenueKind } from '#contracts';

/** Notifications' copy of a booked session, at its latest version: what a reminder re-reads before it goes. */
@Entity({ name: 'session' })
export class SessionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('text') kind!: SessionKind;
  @Column('int') version!: number;
  @Column('text') status!: 'booked' | 'cancelled';
  @Column('timestamptz', { name: 'starts_at', nullable: true }) startsAt!: Date | null;
  @Column('timestamptz', { name: 'ends_at', nullable: true }) endsAt!: Date | null;
  @Column('uuid', { name: 'venue_id', nullable: true }) venueId!: string | null;
  @Column('text', { name: 'venue_kind', nullable: true }) venueKind!: VenueKind | null;
  @Column('uuid', { name: 'participant_ids', array: true }) participantIds!: string[];
  @Column('uuid', { name: 'facilitator_ids', array: true }) facilitatorIds!: string[];
  /** Who confirmed attendance of the current version (by reply or with the coordinator). */
  @Column('uuid', { name: 'confirmed_participant_ids', array: true }) confirmedParticipantIds!: string[];
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
