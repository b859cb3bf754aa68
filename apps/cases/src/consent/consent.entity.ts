import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentMethod, ConsentScope } from '#contracts';

/** A participant's consent to one scope; withdrawal keeps the record and stamps it. */
@Entity({ name: 'consent' })
export class ConsentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('text') scope!: ConsentScope;
  @Column('text') method!: ConsentMethod;
  @Column('timestamptz', { name: 'given_at' }) givenAt!: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt!: Date | null;
  @Column('text', { name: 'withdrawal_recorded_by', nullable: true }) withdrawalRecordedBy!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
