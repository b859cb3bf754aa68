import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STAGES, type CaseStage } from '#contracts';
import { allowedMoves } from '../stages/stage-machine';
import type { CaseEntity } from './case.entity';
import { type ReferralFacts, referralFacts } from './referral-facts';

export class FacilitatorRef {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
}

export class FirstContactView {
  @ApiProperty() dueAt!: string;
  @ApiPropertyOptional({ nullable: true }) madeAt!: string | null;
  @ApiProperty({ description: 'Made, or still open, after the deadline' }) breached!: boolean;
}

/** A case as the API shows it: facts of the referral and the process; no participant data. */
export class CaseView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'RJ-2026-000042' }) reference!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ enum: CASE_STAGES }) stage!: CaseStage;
  @ApiPropertyOptional({ enum: CASE_STAGES, nullable: true }) heldFromStage!: CaseStage | null;
  @ApiProperty({ enum: CASE_STAGES, isArray: true, description: 'Stages the case may move to from here' })
  allowedMoves!: CaseStage[];
  @ApiProperty() referral!: ReferralFacts;
  @ApiProperty() triage!: { decision: string | null; rejectionReason: string | null; triagedAt: string | null };
  @ApiProperty() firstContact!: FirstContactView;
  @ApiPropertyOptional({ type: FacilitatorRef, nullable: true }) leadFacilitator!: FacilitatorRef | null;
  @ApiPropertyOptional({ type: FacilitatorRef, nullable: true }) coFacilitator!: FacilitatorRef | null;
  @ApiPropertyOptional({ nullable: true }) delivery!: string | null;
  @ApiPropertyOptional({ nullable: true }) closureReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toCaseView(kase: CaseEntity, facilitators: Map<string, FacilitatorRef>, now: Date): CaseView {
  const ref = (id: string | null) => (id ? (facilitators.get(id) ?? { id, displayName: '' }) : null);
  const contactBy = kase.firstContactAt ?? now;
  return {
    id: kase.id,
    reference: kase.reference,
    organisationId: kase.organisationId,
    stage: kase.stage,
    heldFromStage: kase.heldFromStage,
    allowedMoves: allowedMoves(kase.stage, kase.heldFromStage),
    referral: referralFacts(kase),
    triage: {
      decision: kase.triageDecision,
      rejectionReason: kase.triageRejectionReason,
      triagedAt: kase.triagedAt?.toISOString() ?? null,
    },
    firstContact: {
      dueAt: kase.firstContactDueAt.toISOString(),
      madeAt: kase.firstContactAt?.toISOString() ?? null,
      breached: kase.stage !== 'rejected' && contactBy > kase.firstContactDueAt,
    },
    leadFacilitator: ref(kase.leadFacilitatorId),
    coFacilitator: ref(kase.coFacilitatorId),
    delivery: kase.delivery,
    closureReason: kase.closureReason,
    createdAt: kase.createdAt.toISOString(),
    updatedAt: kase.updatedAt.toISOString(),
  };
}
