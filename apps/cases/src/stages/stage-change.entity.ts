import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage, DeliveryType, WithdrawnBy } from '#contracts';

/** One move of a case between stages: who, when, why. Never updated. */
@Entity({ name: 'stage_change' })
export class StageChangeEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'from_stage' }) fromStage!: CaseStage;
  @Column('text', { name: 'to_stage' }) toStage!: CaseStage;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { name: 'withdrawn_by', nullable: true }) withdrawnBy!: WithdrawnBy | null;
  @Column('text', { nullable: true }) delivery!: DeliveryType | null;
  @Column('text', { name: 'note_ciphertext', nullable: true }) noteCiphertext!: string | null;
  @Column('text', { name: 'changed_by' }) changedBy!: string;
  @Column('timestamptz', { name: 'changed_at' }) changedAt!: Date;
}
