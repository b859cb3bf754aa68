import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LANGUAGES, type Language, PARTICIPANT_ROLES, type ParticipantRole } from '#contracts';
import { PREFERRED_CHANNELS, type PreferredChannel } from '../participant.record';

/** Which channels the person has said are safe; nothing is sent or left anywhere else. */
export class SafeChannelsDto {
  @ApiProperty({ description: 'An SMS may be sent to their phone' }) @IsBoolean() sms!: boolean;
  @ApiProperty({ description: 'A voicemail may be left' }) @IsBoolean() voicemail!: boolean;
  @ApiProperty({ description: 'An email may be sent' }) @IsBoolean() email!: boolean;
  @ApiProperty({ description: 'Letters may go to the letter address' }) @IsBoolean() letters!: boolean;
}

export class CreateParticipantDto {
  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES)
  role!: ParticipantRole;

  @ApiPropertyOptional({ description: 'For a supporter or offender manager: the party they are with' })
  @IsOptional()
  @IsUUID()
  supportsParticipantId?: string;

  @ApiProperty({ example: 'Sarah Jones' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: '07700 900123', description: 'Any format; stored as E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ description: 'Home address' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ description: 'The address that is safe for letters' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  letterAddress?: string;

  @ApiProperty({ type: SafeChannelsDto })
  @ValidateNested()
  @Type(() => SafeChannelsDto)
  safeChannels!: SafeChannelsDto;

  @ApiPropertyOptional({ enum: PREFERRED_CHANNELS })
  @IsOptional()
  @IsIn(PREFERRED_CHANNELS)
  preferredChannel?: PreferredChannel;

  @ApiPropertyOptional({ description: 'Messages must come from a neutral sender (a shared phone)', default: false })
  @IsOptional()
  @IsBoolean()
  discreet?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ example: 'Europe/London', default: 'Europe/London' })
  @IsOptional()
  @IsString()
  timeZone?: string;

  @ApiPropertyOptional({ description: 'Access needs in their own words' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  accessibilityNeeds?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  needsAccessibleVenue?: boolean;

  @ApiPropertyOptional({ example: 'pl', description: 'Language of the interpreter needed, if any' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { message: 'interpreterLanguage must be a language code such as pl or pt-BR' })
  interpreterLanguage?: string;

  @ApiPropertyOptional({ default: false, description: 'Person responsible only' })
  @IsOptional()
  @IsBoolean()
  inCustody?: boolean;

  @ApiPropertyOptional({ example: 'hmp-elmley', description: 'Establishment code, required when in custody' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'establishment must be an establishment code such as hmp-elmley' })
  establishment?: string;
}

export class UpdateParticipantDto extends PartialType(CreateParticipantDto) {}
