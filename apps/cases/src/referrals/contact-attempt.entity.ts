import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContactChannel, ContactOutcome } from '#contracts';

/** One try at first contact (or any later contact), counted against the 48-hour target. */
@Entity({ name: 'contact_attempt' })
export class ContactAttemptEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'participant_id', nullable: true }) participantId!: string | null;
  @Column('text') channel!: ContactChannel;
  @Column('text') outcome!: ContactOutcome;
  @Column('timestamptz', { name: 'attempted_at' }) attemptedAt!: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
