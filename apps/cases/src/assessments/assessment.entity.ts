import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage, RiskLevel } from '#contracts';

/**
 * A facilitator's judgement of suitability and risk: of one participant, or (participant null)
 * of whether a joint meeting is safe and suitable. Repeated at each stage; the latest counts.
 */
@Entity({ name: 'assessment' })
export class AssessmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('uuid', { name: 'participant_id', nullable: true }) participantId!: string | null;
  @Column('boolean') suitable!: boolean;
  @Column('text', { name: 'risk_level' }) riskLevel!: RiskLevel;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { name: 'note_ciphertext', nullable: true }) noteCiphertext!: string | null;
  @Column('text') stage!: CaseStage;
  @Column('text', { name: 'assessed_by' }) assessedBy!: string;
  @Column('timestamptz', { name: 'assessed_at' }) assessedAt!: Date;
}
