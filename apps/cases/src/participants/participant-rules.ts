import { IANAZone } from 'luxon';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { FieldViolation } from '#platform';
import type { ParticipantRecord } from './participant.record';

/** A phone number in E.164, read as a UK number unless it says otherwise; null if it cannot be one. */
export function normalisePhone(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, 'GB');
  return parsed?.isPossible() ? parsed.number : null;
}

/**
 * What is wrong with a participant as a whole: safe channels need somewhere to go, custody
 * rules out direct messages, the preferred channel must be a safe one. Empty when all holds.
 */
export function participantViolations(p: ParticipantRecord, others: ParticipantRecord[]): FieldViolation[] {
  const problems: FieldViolation[] = [];
  const add = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  if (!IANAZone.isValidZone(p.timeZone)) add('timeZone', 'isTimeZone', `timeZone ${p.timeZone} is not an IANA time zone`);
  if (p.inCustody && p.role !== 'person-responsible') add('inCustody', 'personResponsibleOnly', 'only a person responsible can be recorded as in custody');
  if (p.inCustody && !p.establishment) add('establishment', 'requiredInCustody', 'establishment is required for a person in custody');
  if (p.inCustody && (p.smsAllowed || p.emailAllowed)) {
    add('safeChannels', 'noDirectContactInCustody', 'a person in custody is reached through the prison or their offender manager, not by SMS or email');
  }
  if (p.smsAllowed && !p.phone) add('safeChannels.sms', 'needsPhone', 'SMS cannot be safe without a phone number');
  if (p.voicemailAllowed && !p.phone) add('safeChannels.voicemail', 'needsPhone', 'voicemail cannot be safe without a phone number');
  if (p.emailAllowed && !p.email) add('safeChannels.email', 'needsEmail', 'email cannot be safe without an email address');
  if (p.lettersAllowed && !p.letterAddress) add('safeChannels.letters', 'needsLetterAddress', 'letters cannot be safe without a letter address');
  const safe = { sms: p.smsAllowed, email: p.emailAllowed, letter: p.lettersAllowed, phone: !!p.phone && !p.inCustody };
  if (p.preferredChannel && !safe[p.preferredChannel]) {
    add('preferredChannel', 'isSafeChannel', `preferredChannel ${p.preferredChannel} is not among the channels marked safe`);
  }
  if (p.supportsParticipantId) {
    const supported = others.find((o) => o.id === p.supportsParticipantId);
    if (!supported) add('supportsParticipantId', 'isParticipantOfCase', 'supportsParticipantId must name a participant of this case');
    else if (supported.role !== 'person-harmed' && supported.role !== 'person-responsible') {
      add('supportsParticipantId', 'isParty', 'supportsParticipantId must name the person harmed or the person responsible');
    }
  }
  return problems;
}
