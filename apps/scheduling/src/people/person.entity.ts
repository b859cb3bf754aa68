import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language, ParticipantRole } from '#contracts';

export type PersonKind = 'participant' | 'facilitator';

/**
 * A participant or facilitator as scheduling knows them, from the cases service's events: ids
 * and the facts that constrain a booking, never a name or a contact detail.
 */
@Entity({ name: 'person' })
export class PersonEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') kind!: PersonKind;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  /** A facilitator's token subject, to know which facilitator is calling; null for participants. */
  @Column('text', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId!: string | null;
  @Column('text') role!: ParticipantRole | 'facilitator';
  @Column('uuid', { name: 'supports_participant_id', nullable: true }) supportsParticipantId!: string | null;
  @Column('text', { nullable: true }) language!: Language | null;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('boolean', { name: 'in_custody' }) inCustody!: boolean;
  @Column('text', { nullable: true }) establishment!: string | null;
  @Column('boolean', { name: 'needs_accessible_venue' }) needsAccessibleVenue!: boolean;
  @Column('text', { name: 'interpreter_language', nullable: true }) interpreterLanguage!: string | null;
  @Column('boolean') active!: boolean;
  @Column('timestamptz', { name: 'removed_at', nullable: true }) removedAt!: Date | null;
  /** The source event's sequence: an older update arriving late is ignored. */
  @Column('bigint', { name: 'source_sequence' }) sourceSequence!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
