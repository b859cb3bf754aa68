import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, PARTICIPANT_ROLES } from '#contracts';
import type { ParticipantRecord } from './participant.record';

export class ParticipantView {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: PARTICIPANT_ROLES }) role!: string;
  @ApiPropertyOptional({ nullable: true }) supportsParticipantId!: string | null;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true }) phone!: string | null;
  @ApiPropertyOptional({ nullable: true }) email!: string | null;
  @ApiPropertyOptional({ nullable: true }) address!: string | null;
  @ApiPropertyOptional({ nullable: true }) letterAddress!: string | null;
  @ApiProperty() safeChannels!: { sms: boolean; voicemail: boolean; email: boolean; letters: boolean };
  @ApiPropertyOptional({ nullable: true }) preferredChannel!: string | null;
  @ApiProperty() discreet!: boolean;
  @ApiProperty({ enum: LANGUAGES }) language!: string;
  @ApiProperty() timeZone!: string;
  @ApiPropertyOptional({ nullable: true }) accessibilityNeeds!: string | null;
  @ApiProperty() needsAccessibleVenue!: boolean;
  @ApiPropertyOptional({ nullable: true }) interpreterLanguage!: string | null;
  @ApiProperty() inCustody!: boolean;
  @ApiPropertyOptional({ nullable: true }) establishment!: string | null;
  @ApiPropertyOptional({ nullable: true }) removedAt!: string | null;
}

export function toParticipantView(p: ParticipantRecord): ParticipantView {
  return {
    id: p.id,
    caseId: p.caseId,
    role: p.role,
    supportsParticipantId: p.supportsParticipantId,
    name: p.name,
    phone: p.phone,
    email: p.email,
    address: p.address,
    letterAddress: p.letterAddress,
    safeChannels: { sms: p.smsAllowed, voicemail: p.voicemailAllowed, email: p.emailAllowed, letters: p.lettersAllowed },
    preferredChannel: p.preferredChannel,
    discreet: p.discreet,
    language: p.language,
    timeZone: p.timeZone,
    accessibilityNeeds: p.accessibilityNeeds,
    needsAccessibleVenue: p.needsAccessibleVenue,
    interpreterLanguage: p.interpreterLanguage,
    inCustody: p.inCustody,
    establishment: p.establishment,
    removedAt: p.removedAt?.toISOString() ?? null,
  };
}
