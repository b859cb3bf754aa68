import { readPollAnswer, readReply } from './reply-words';

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

describe('reading a reply to a poll message as an answer', () => {
  it.each([
    ['1 3', [1, 3]], ['1,3', [1, 3]], ['1, 3', [1, 3]], ['1 and 3', [1, 3]], ['1 AND 3.', [1, 3]], ['1&3', [1, 3]], ['1;3', [1, 3]], ['3 1 3', [1, 3]],
    ['1 or 2', [1, 2]], ['1 a 3', [1, 3]], ['1 ac 4', [1, 4]], ['2 neu 5', [2, 5]],
    ['2', [2]], [' 2! ', [2]], ['13', [13]], ['1 2 3 4 5 6 7 8 9 10', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['0', [0]], ['none', [0]], ['None.', [0]], ['dim', [0]], ['DIM', [0]], ['0 2', [0, 2]],
  ])('reads %j as %j', (body, numbers) => expect(readPollAnswer(body)).toEqual(numbers));

  it.each([['C'], ['yes'], ['STOP'], ['HELP'], ['and 3'], ['1 3 please'], ['1-3'], ['1.5'], ['07700 900123'], ['123'], ['17/03'], ['none of them, sorry'], ['dim diolch'], [''], ['  ']])(
    'does not read %j as an answer',
    (body) => expect(readPollAnswer(body)).toBeNull(),
  );

  it('leaves the reply words as they are: none of them reads as an answer', () => {
    for (const word of ['C', 'YES', 'Y', 'R', 'STOP', 'END', 'START', 'HELP', 'INFO']) expect(readPollAnswer(word)).toBeNull();
  });
});
