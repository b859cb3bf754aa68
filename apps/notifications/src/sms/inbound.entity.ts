import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reply received. Its text is kept (encrypted) only when it is forwarded to the facilitators. */
@Entity({ name: 'inbound' })
export class InboundEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'provider_id' }) providerId!: string;
  @Column('text') channel!: 'sms';
  @Column('text', { name: 'number_hash' }) numberHash!: string;
  @Column('text', { name: 'organisation_id', nullable: true }) organisationId!: string | null;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId!: string | null;
  @Column('uuid', { name: 'participant_id', nullable: true }) participantId!: string | null;
  @Column('uuid', { name: 'in_reply_to', nullable: true }) inReplyTo!: string | null;
  @Column('text') keyword!: string;
  @Column('text', { nullable: true }) body!: string | null;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
}
