import { readReply } from './reply-words';

describe('reading an SMS reply', () => {
  it.each([
    ['C', 'confirm'], ['yes', 'confirm'], [' Yes! ', 'confirm'], ['r', 'reschedule'], ['HELP', 'help'],
    ['STOP', 'stop'], ['stopall', 'stop'], ['Unsubscribe', 'stop'], ['cancel', 'stop'], ['END', 'stop'], ['quit', 'stop'], ['OPTOUT', 'stop'], ['revoke', 'stop'],
    ['START', 'start'], ['unstop', 'start'],
  ])('reads %j as %s', (body, kind) => expect(readReply(body)).toBe(kind));

  it('treats anything else, a sentence with a keyword in it included, as a message for the facilitators', () => {
    expect(readReply('yes but can we move it')).toBe('other');
    expect(readReply('I want to stop')).toBe('other');
  });
});
