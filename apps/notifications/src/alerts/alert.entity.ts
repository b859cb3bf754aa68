import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a practitioner must look at: a message that failed on every safe channel, a participant
 * who could not be reached, a request to reschedule, a reply forwarded to the case's facilitators.
 */
export type AlertKind = 'delivery-failed' | 'unreachable' | 'reschedule-requested' | 'reply-received';

@Entity({ name: 'alert' })
export class AlertEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId!: string | null;
  @Column('text') kind!: AlertKind;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId!: string | null;
  @Column('uuid', { name: 'participant_id', nullable: true }) participantId!: string | null;
  @Column('uuid', { name: 'message_id', nullable: true }) messageId!: string | null;
  @Column('uuid', { name: 'inbound_id', nullable: true }) inboundId!: string | null;
  @Column('uuid', { name: 'facilitator_ids', array: true }) facilitatorIds!: string[];
  /** Why, in words without personal data (the reply itself stays on its inbound row). */
  @Column('text', { nullable: true }) detail!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt!: Date | null;
  @Column('text', { name: 'acknowledged_by', nullable: true }) acknowledgedBy!: string | null;
}
