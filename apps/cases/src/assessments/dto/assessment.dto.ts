import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { RISK_LEVELS, type RiskLevel, UNSUITABLE_REASONS, type UnsuitableReason } from '#contracts';

export class RecordAssessmentDto {
  @ApiPropertyOptional({ description: 'The participant assessed; absent for the judgement that a joint meeting is safe and suitable' })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiProperty() @IsBoolean() suitable!: boolean;

  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS)
  riskLevel!: RiskLevel;

  @ApiPropertyOptional({ enum: UNSUITABLE_REASONS, description: 'Required when not suitable' })
  @ValidateIf((dto: RecordAssessmentDto) => dto.suitable === false || dto.reason !== undefined)
  @IsIn(UNSUITABLE_REASONS, { message: 'reason must be one of $constraint1 when the assessment is not suitable' })
  reason?: UnsuitableReason;

  @ApiPropertyOptional({ description: 'The facilitator\'s reasoning (stored encrypted)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class AssessmentView {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true }) participantId!: string | null;
  @ApiProperty() suitable!: boolean;
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel!: RiskLevel;
  @ApiPropertyOptional({ nullable: true }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true }) note!: string | null;
  @ApiProperty() stage!: string;
  @ApiProperty() assessedBy!: string;
  @ApiProperty() assessedAt!: string;
}
