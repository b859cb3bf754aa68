import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A participant's satisfaction, recorded by a facilitator at follow-up. */
@Entity({ name: 'feedback' })
export class FeedbackEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'participant_id' }) participantId!: string;
  @Column('integer') satisfaction!: number;
  @Column('text', { name: 'comment_ciphertext', nullable: true }) commentCiphertext!: string | null;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
