import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  AgeGroup,
  CaseStage,
  ClosureReason,
  DeliveryType,
  JusticeStage,
  OffenceCategory,
  PartyRole,
  ReferralSource,
  TriageRejectionReason,
} from '#contracts';

/** A restorative justice case: the referral, where it stands, and who carries it. */
@Entity({ name: 'case' })
export class CaseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') reference!: string;
  @Column('text', { name: 'organisation_id' }) organisationId!: string;
  @Column('text', { name: 'partnership_id', nullable: true }) partnershipId!: string | null;
  @Column('text') stage!: CaseStage;
  @Column('text', { name: 'held_from_stage', nullable: true }) heldFromStage!: CaseStage | null;
  @Column('text') source!: ReferralSource;
  @Column('text', { name: 'initiated_by' }) initiatedBy!: PartyRole;
  @Column('text', { name: 'offence_category' }) offenceCategory!: OffenceCategory;
  @Column('boolean', { name: 'domestic_abuse' }) domesticAbuse!: boolean;
  @Column('boolean', { name: 'sexual_offence' }) sexualOffence!: boolean;
  @Column('boolean', { name: 'hate_crime' }) hateCrime!: boolean;
  @Column('text', { name: 'justice_stage' }) justiceStage!: JusticeStage;
  @Column('text', { name: 'age_group' }) ageGroup!: AgeGroup;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'first_contact_due_at' }) firstContactDueAt!: Date;
  @Column('timestamptz', { name: 'first_contact_at', nullable: true }) firstContactAt!: Date | null;
  @Column('text', { name: 'triage_decision', nullable: true }) triageDecision!: 'accepted' | 'rejected' | null;
  @Column('text', { name: 'triage_rejection_reason', nullable: true }) triageRejectionReason!: TriageRejectionReason | null;
  @Column('timestamptz', { name: 'triaged_at', nullable: true }) triagedAt!: Date | null;
  @Column('text', { name: 'triaged_by', nullable: true }) triagedBy!: string | null;
  @Column('text', { nullable: true }) delivery!: DeliveryType | null;
  @Column('text', { name: 'closure_reason', nullable: true }) closureReason!: ClosureReason | null;
  @Column('uuid', { name: 'lead_facilitator_id', nullable: true }) leadFacilitatorId!: string | null;
  @Column('uuid', { name: 'co_facilitator_id', nullable: true }) coFacilitatorId!: string | null;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
