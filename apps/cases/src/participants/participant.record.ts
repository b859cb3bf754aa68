import type { Language, ParticipantRole, ParticipantV1 } from '#contracts';

/** A participant as the service works with it: personal data in clear, in memory only. */
export interface ParticipantRecord {
  id: string;
  caseId: string;
  role: ParticipantRole;
  supportsParticipantId: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  letterAddress: string | null;
  smsAllowed: boolean;
  voicemailAllowed: boolean;
  emailAllowed: boolean;
  lettersAllowed: boolean;
  preferredChannel: PreferredChannel | null;
  discreet: boolean;
  language: Language;
  timeZone: string;
  accessibilityNeeds: string | null;
  needsAccessibleVenue: boolean;
  interpreterLanguage: string | null;
  inCustody: boolean;
  establishment: string | null;
  removedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PREFERRED_CHANNELS = ['sms', 'email', 'phone', 'letter'] as const;
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number];

/** The facts other services may know of a participant: no name, number or address. */
export function participantFacts(p: ParticipantRecord): ParticipantV1 {
  return {
    participantId: p.id,
    role: p.role,
    supportsParticipantId: p.supportsParticipantId,
    language: p.language,
    timeZone: p.timeZone,
    inCustody: p.inCustody,
    establishment: p.establishment,
    needsAccessibleVenue: p.needsAccessibleVenue,
    interpreterLanguage: p.interpreterLanguage,
    channels: { sms: p.smsAllowed, email: p.emailAllowed, voicemail: p.voicemailAllowed, letters: p.lettersAllowed },
    discreet: p.discreet,
  };
}
