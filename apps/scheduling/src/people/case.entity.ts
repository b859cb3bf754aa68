import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage } from '#contracts';

/** What scheduling knows of a case: its organisation and partnership, stage and facilitators. */
@Entity({ name: 'case' })
export class CaseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  /** From the referral; null for a case outside any partnership, or referred before scheduling heard referrals. */
  @Column('text', { name: 'partnership_id', nullable: true }) partnershipId!: string | null;
  @Column('text', { nullable: true }) stage!: CaseStage | null;
  @Column('uuid', { name: 'lead_facilitator_id', nullable: true }) leadFacilitatorId!: string | null;
  @Column('uuid', { name: 'co_facilitator_id', nullable: true }) coFacilitatorId!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
