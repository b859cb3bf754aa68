import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language, ParticipantRole } from '#contracts';

/**
 * A person taking part in a case. Name, contact details, addresses and access needs are
 * stored only as ciphertext; the repository encrypts and decrypts them.
 */
@Entity({ name: 'participant' })
export class ParticipantEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text') role!: ParticipantRole;
  @Column('uuid', { name: 'supports_participant_id', nullable: true }) supportsParticipantId!: string | null;
  @Column('text', { name: 'name_ciphertext' }) nameCiphertext!: string;
  @Column('text', { name: 'phone_ciphertext', nullable: true }) phoneCiphertext!: string | null;
  @Column('text', { name: 'email_ciphertext', nullable: true }) emailCiphertext!: string | null;
  @Column('text', { name: 'address_ciphertext', nullable: true }) addressCiphertext!: string | null;
  @Column('text', { name: 'letter_address_ciphertext', nullable: true }) letterAddressCiphertext!: string | null;
  @Column('boolean', { name: 'sms_allowed' }) smsAllowed!: boolean;
  @Column('boolean', { name: 'voicemail_allowed' }) voicemailAllowed!: boolean;
  @Column('boolean', { name: 'email_allowed' }) emailAllowed!: boolean;
  @Column('boolean', { name: 'letters_allowed' }) lettersAllowed!: boolean;
  @Column('text', { name: 'preferred_channel', nullable: true }) preferredChannel!: string | null;
  @Column('boolean') discreet!: boolean;
  @Column('text') language!: Language;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('text', { name: 'accessibility_needs_ciphertext', nullable: true }) accessibilityNeedsCiphertext!: string | null;
  @Column('boolean', { name: 'needs_accessible_venue' }) needsAccessibleVenue!: boolean;
  @Column('text', { name: 'interpreter_language', nullable: true }) interpreterLanguage!: string | null;
  @Column('boolean', { name: 'in_custody' }) inCustody!: boolean;
  @Column('text', { nullable: true }) establishment!: string | null;
  @Column('timestamptz', { name: 'removed_at', nullable: true }) removedAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
