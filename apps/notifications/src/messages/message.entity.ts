import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Language, MessageChannel, MessagePurpose, MessageStatus } from '#contracts';

/**
 * One message in the log: to which participant, on which channel, from which template, its
 * status and times and its text (encrypted, bound to the message), never the address.
 */
@Entity({ name: 'message' })
export class MessageEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId!: string | null;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId!: string | null;
  @Column('int', { name: 'session_version', nullable: true }) sessionVersion!: number | null;
  @Column('uuid', { name: 'reminder_id', nullable: true }) reminderId!: string | null;
  /** The participant the message is about. */
  @Column('uuid', { name: 'participant_id', nullable: true }) participantId!: string | null;
  /** Who receives it: the participant, or the offender manager of a person in custody. */
  @Column('uuid', { name: 'recipient_id', nullable: true }) recipientId!: string | null;
  @Column('text') channel!: MessageChannel;
  @Column('text', { name: 'template_id' }) templateId!: string;
  @Column('text') language!: Language;
  @Column('text') purpose!: MessagePurpose;
  @Column('text') status!: MessageStatus;
  @Column('text', { name: 'hold_reasons', array: true, nullable: true }) holdReasons!: string[] | null;
  @Column('text', { nullable: true }) subject!: string | null;
  @Column('text') body!: string;
  @Column('boolean', { name: 'neutral_sender' }) neutralSender!: boolean;
  /** The service's sending number or mail address used. */
  @Column('text', { nullable: true }) sender!: string | null;
  /** Keyed hash of the number an SMS went to, so a reply can be matched to the participant. */
  @Column('text', { name: 'address_hash', nullable: true }) addressHash!: string | null;
  @Column('text', { name: 'provider_id', nullable: true }) providerId!: string | null;
  @Column('int') attempts!: number;
  /** Set just before the provider is called: a message found so after a crash may have gone. */
  @Column('timestamptz', { name: 'sending_since', nullable: true }) sendingSince!: Date | null;
  @Column('timestamptz', { name: 'valid_until', nullable: true }) validUntil!: Date | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
}

/** Each status a message took, with when and why. */
@Entity({ name: 'message_status' })
export class MessageStatusEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'message_id' }) messageId!: string;
  @Column('timestamptz') at!: Date;
  @Column('text') status!: MessageStatus;
  @Column('text', { nullable: true }) detail!: string | null;
}
