import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  JUSTICE_STAGES,
  type JusticeStage,
  OFFENCE_CATEGORIES,
  type OffenceCategory,
  REFERRAL_SOURCES,
  type ReferralSource,
} from '#contracts';

export class ReportQuery {
  @ApiProperty({ example: '2026-10-01', description: 'Start of the period (inclusive): cases referred from then' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: '2027-01-01', description: 'End of the period (exclusive)' })
  @IsISO8601({ strict: true })
  to!: string;

  @ApiPropertyOptional({ description: 'A partnership lead may narrow to one organisation; a manager sees only their own' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisationId?: string;

  @ApiPropertyOptional({ enum: REFERRAL_SOURCES })
  @IsOptional()
  @IsIn(REFERRAL_SOURCES)
  referralSource?: ReferralSource;

  @ApiPropertyOptional({ enum: OFFENCE_CATEGORIES })
  @IsOptional()
  @IsIn(OFFENCE_CATEGORIES)
  offenceCategory?: OffenceCategory;

  @ApiPropertyOptional({ enum: JUSTICE_STAGES })
  @IsOptional()
  @IsIn(JUSTICE_STAGES)
  justiceStage?: JusticeStage;

  @ApiPropertyOptional({ description: 'First-contact target in hours; the service setting when absent (48 by default)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  firstContactTargetHours?: number;
}
