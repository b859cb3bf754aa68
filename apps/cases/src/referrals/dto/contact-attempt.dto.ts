import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, type ContactChannel, type ContactOutcome } from '#contracts';
import { HasOffset } from '#platform';

export class ContactAttemptDto {
  @ApiPropertyOptional({ description: 'The participant tried; absent when trying the referrer' })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiProperty({ enum: CONTACT_OUTCOMES })
  @IsIn(CONTACT_OUTCOMES)
  outcome!: ContactOutcome;

  @ApiProperty({ example: '2026-11-20T14:05:00Z' })
  @IsISO8601({ strict: true })
  @HasOffset()
  attemptedAt!: string;
}

export class ContactAttemptView {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true }) participantId!: string | null;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel!: ContactChannel;
  @ApiProperty({ enum: CONTACT_OUTCOMES }) outcome!: ContactOutcome;
  @ApiProperty() attemptedAt!: string;
  @ApiProperty() recordedBy!: string;
}
