import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CASE_STAGES,
  type CaseStage,
  CLOSURE_REASONS,
  DELIVERY_TYPES,
  type DeliveryType,
  HOLD_REASONS,
  UNCONTACTABLE_REASONS,
  UNSUITABLE_REASONS,
  WITHDRAWN_BY,
  type WithdrawnBy,
} from '#contracts';

const REASONS = [...new Set([...HOLD_REASONS, ...UNSUITABLE_REASONS, ...CLOSURE_REASONS, ...UNCONTACTABLE_REASONS])];

export class MoveStageDto {
  @ApiProperty({ enum: CASE_STAGES })
  @IsIn(CASE_STAGES)
  to!: CaseStage;

  @ApiPropertyOptional({ enum: REASONS, description: 'Required for on-hold, unsuitable, closed and uncontactable' })
  @IsOptional()
  @IsIn(REASONS)
  reason?: string;

  @ApiPropertyOptional({ enum: WITHDRAWN_BY, description: 'Required for withdrawn' })
  @IsOptional()
  @IsIn(WITHDRAWN_BY)
  withdrawnBy?: WithdrawnBy;

  @ApiPropertyOptional({ enum: DELIVERY_TYPES, description: 'Required for direct-meeting and indirect-communication' })
  @IsOptional()
  @IsIn(DELIVERY_TYPES)
  delivery?: DeliveryType;

  @ApiPropertyOptional({ description: 'Why, in the practitioner\'s words (stored encrypted)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class StageChangeView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CASE_STAGES }) from!: CaseStage;
  @ApiProperty({ enum: CASE_STAGES }) to!: CaseStage;
  @ApiPropertyOptional({ nullable: true }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true }) withdrawnBy!: string | null;
  @ApiPropertyOptional({ nullable: true }) delivery!: string | null;
  @ApiPropertyOptional({ nullable: true }) note!: string | null;
  @ApiProperty() changedBy!: string;
  @ApiProperty() changedAt!: string;
}
