import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActionStatus } from '#contracts';

/** The agreement a meeting ends with: one per case, holding its SMART actions. */
@Entity({ name: 'outcome_agreement' })
export class OutcomeAgreementEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('timestamptz', { name: 'made_at' }) madeAt!: Date;
  @Column('text', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** A SMART action: what (encrypted), who, by when, how checked (encrypted), and its status. */
@Entity({ name: 'outcome_action' })
export class OutcomeActionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'agreement_id' }) agreementId!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('integer') position!: number;
  @Column('text', { name: 'description_ciphertext' }) descriptionCiphertext!: string;
  @Column('uuid', { name: 'owner_participant_id', nullable: true }) ownerParticipantId!: string | null;
  @Column('timestamptz', { name: 'due_by' }) dueBy!: Date;
  @Column('text', { name: 'check_method_ciphertext' }) checkMethodCiphertext!: string;
  @Column('text') status!: ActionStatus;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt!: Date | null;
  @Column('text', { name: 'updated_by' }) updatedBy!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
