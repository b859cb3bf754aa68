import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601 } from 'class-validator';
import {
  AGE_GROUPS,
  type AgeGroup,
  JUSTICE_STAGES,
  type JusticeStage,
  OFFENCE_CATEGORIES,
  type OffenceCategory,
  PARTY_ROLES,
  type PartyRole,
  REFERRAL_SOURCES,
  type ReferralSource,
} from '#contracts';
import { HasOffset } from '#platform';

/** A referral as it arrives; no names here: participants are added to the case once it exists. */
export class CreateReferralDto {
  @ApiProperty({ enum: REFERRAL_SOURCES })
  @IsIn(REFERRAL_SOURCES)
  source!: ReferralSource;

  @ApiProperty({ enum: PARTY_ROLES, description: 'Who asked for restorative justice' })
  @IsIn(PARTY_ROLES)
  initiatedBy!: PartyRole;

  @ApiProperty({ enum: OFFENCE_CATEGORIES })
  @IsIn(OFFENCE_CATEGORIES)
  offenceCategory!: OffenceCategory;

  @ApiProperty() @IsBoolean() domesticAbuse!: boolean;
  @ApiProperty() @IsBoolean() sexualOffence!: boolean;
  @ApiProperty() @IsBoolean() hateCrime!: boolean;

  @ApiProperty({ enum: JUSTICE_STAGES })
  @IsIn(JUSTICE_STAGES)
  justiceStage!: JusticeStage;

  @ApiProperty({ enum: AGE_GROUPS })
  @IsIn(AGE_GROUPS)
  ageGroup!: AgeGroup;

  @ApiProperty({ example: '2026-11-20T09:30:00Z', description: 'When the service received the referral' })
  @IsISO8601({ strict: true })
  @HasOffset()
  receivedAt!: string;
}
