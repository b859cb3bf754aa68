import { ChannelPermissions, unsafeChannel } from './safe-channels';

const allSafe: ChannelPermissions = { inCustody: false, smsAllowed: true, emailAllowed: true, voicemailAllowed: true, lettersAllowed: true };

describe('safe channels for contact', () => {
  it('allows any channel the person said is safe', () => {
    for (const channel of ['phone', 'sms', 'email', 'letter', 'in-person'] as const) {
      expect(unsafeChannel(allSafe, channel, 'reached')).toBeNull();
    }
  });

  it.each([
    [{ smsAllowed: false }, 'sms', 'message-sent', /SMS/],
    [{ emailAllowed: false }, 'email', 'message-sent', /email/],
    [{ lettersAllowed: false }, 'letter', 'message-sent', /letters/],
    [{ voicemailAllowed: false }, 'phone', 'voicemail-left', /voicemail/],
  ] as const)('refuses %o on %s', (denied, channel, outcome, reason) => {
    expect(unsafeChannel({ ...allSafe, ...denied }, channel, outcome)).toMatch(reason);
  });

  it('still allows a phone call that reached someone who refuses voicemails', () => {
    expect(unsafeChannel({ ...allSafe, voicemailAllowed: false }, 'phone', 'no-answer')).toBeNull();
  });

  it('reaches a person in custody only through the prison or the offender manager', () => {
    const held = { ...allSafe, inCustody: true };
    expect(unsafeChannel(held, 'via-prison', 'reached')).toBeNull();
    expect(unsafeChannel(held, 'via-offender-manager', 'message-sent')).toBeNull();
    expect(unsafeChannel(held, 'phone', 'reached')).toMatch(/in custody/);
    expect(unsafeChannel(held, 'letter', 'message-sent')).toMatch(/in custody/);
  });
});
