import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { TRIAGE_REJECTION_REASONS, type TriageRejectionReason } from '#contracts';

export class TriageDto {
  @ApiProperty({ enum: ['accepted', 'rejected'] })
  @IsIn(['accepted', 'rejected'])
  decision!: 'accepted' | 'rejected';

  @ApiPropertyOptional({ enum: TRIAGE_REJECTION_REASONS, description: 'Required when rejected' })
  @ValidateIf((dto: TriageDto) => dto.decision === 'rejected' || dto.rejectionReason !== undefined)
  @IsIn(TRIAGE_REJECTION_REASONS, { message: 'rejectionReason must be one of $constraint1 when a referral is rejected' })
  rejectionReason?: TriageRejectionReason;
}
