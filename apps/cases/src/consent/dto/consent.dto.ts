import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { CONSENT_METHODS, CONSENT_SCOPES, type ConsentMethod, type ConsentScope } from '#contracts';
import { HasOffset } from '#platform';

export class RecordConsentDto {
  @ApiProperty({ enum: CONSENT_SCOPES, description: 'Taking part, or sharing information with police or probation' })
  @IsIn(CONSENT_SCOPES)
  scope!: ConsentScope;

  @ApiProperty({ enum: CONSENT_METHODS, description: 'How it was recorded' })
  @IsIn(CONSENT_METHODS)
  method!: ConsentMethod;

  @ApiProperty({ example: '2026-11-20T10:00:00Z' })
  @IsISO8601({ strict: true })
  @HasOffset()
  givenAt!: string;
}

export class WithdrawConsentDto {
  @ApiPropertyOptional({ description: 'Defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @HasOffset()
  withdrawnAt?: string;
}

export class ConsentView {
  @ApiProperty() id!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ enum: CONSENT_SCOPES }) scope!: ConsentScope;
  @ApiProperty({ enum: CONSENT_METHODS }) method!: ConsentMethod;
  @ApiProperty() givenAt!: string;
  @ApiProperty() recordedBy!: string;
  @ApiPropertyOptional({ nullable: true }) withdrawnAt!: string | null;
}

export class JointMeetingReadinessView {
  @ApiProperty() ready!: boolean;
  @ApiProperty({ type: [String], description: 'What stands in the way, if anything' }) blockers!: string[];
}
