import type { ContactChannel, ContactOutcome } from '#contracts';

export interface ChannelPermissions {
  inCustody: boolean;
  smsAllowed: boolean;
  emailAllowed: boolean;
  voicemailAllowed: boolean;
  lettersAllowed: boolean;
}

const CUSTODY_ROUTES: readonly ContactChannel[] = ['via-prison', 'via-offender-manager'];

/**
 * Why a contact attempt would have used a channel the person has not said is safe, or null
 * when it is fine. A person in custody is reached only through the prison or their offender
 * manager. Pure, so the rule is tested alone.
 */
export function unsafeChannel(person: ChannelPermissions, channel: ContactChannel, outcome: ContactOutcome): string | null {
  if (person.inCustody && !CUSTODY_ROUTES.includes(channel)) {
    return 'a person in custody is contacted only via the prison or their offender manager';
  }
  if (channel === 'sms' && !person.smsAllowed) return 'the participant has not said SMS is safe';
  if (channel === 'email' && !person.emailAllowed) return 'the participant has not said email is safe';
  if (channel === 'letter' && !person.lettersAllowed) return 'the participant has not said letters are safe';
  if (outcome === 'voicemail-left' && !person.voicemailAllowed) {
    return 'the participant has not said a voicemail may be left';
  }
  return null;
}
