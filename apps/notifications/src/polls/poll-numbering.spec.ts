import { inStartOrder, judgeAnswer, listedTimes, POLL_SMS_MAX_OPTIONS } from './poll-numbering';

const option = (optionId: string, startsAt: string) => ({ optionId, startsAt, endsAt: new Date(Date.parse(startsAt) + 3600_000).toISOString() });
const OPTIONS = inStartOrder([option('c', '2031-03-19T10:00:00Z'), option('a', '2031-03-17T10:00:00+01:00'), option('b', '2031-03-17T09:30:00Z'), option('d', '2031-03-19T10:00:00.000Z')]);
const poll = { options: OPTIONS, closesAt: new Date('2031-03-10T12:00:00Z') };
const before = new Date('2031-03-10T11:59:59Z');

describe('numbering a poll\'s times', () => {
  it('numbers them by start whatever the offset written, ties by id', () => {
    expect(OPTIONS.map((o) => o.optionId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it(`lists up to ${POLL_SMS_MAX_OPTIONS} times in the recipient's zone, and none (link only) beyond that or for a poll without times`, () => {
    expect(listedTimes(poll, 'Europe/London')).toEqual({ instants: OPTIONS.map((o) => o.startsAt), timeZone: 'Europe/London' });
    const many = Array.from({ length: POLL_SMS_MAX_OPTIONS + 1 }, (_, i) => option(`o${i}`, `2031-03-${10 + i}T10:00:00Z`));
    expect(listedTimes({ options: many.slice(0, POLL_SMS_MAX_OPTIONS) }, 'Etc/UTC')?.instants).toHaveLength(POLL_SMS_MAX_OPTIONS);
    expect(listedTimes({ options: many }, 'Etc/UTC')).toBeNull();
    expect(listedTimes({ options: [] }, 'Etc/UTC')).toBeNull();
    expect(listedTimes(undefined, 'Etc/UTC')).toBeNull();
  });
});

describe('judging a reply by numbers', () => {
  it('takes the numbered times, and 0 alone as none suiting', () => {
    expect(judgeAnswer(poll, [1, 3], before, false)).toEqual({ kind: 'answered', chosenOptionIds: ['a', 'c'] });
    expect(judgeAnswer(poll, [4], before, false)).toEqual({ kind: 'answered', chosenOptionIds: ['d'] });
    expect(judgeAnswer(poll, [0], before, false)).toEqual({ kind: 'answered', chosenOptionIds: [] });
  });

  it.each([[[5]], [[1, 5]], [[0, 2]], [[]]])('asks again for numbers from 1 to 4 on %j', (numbers) => {
    expect(judgeAnswer(poll, numbers, before, false)).toEqual({ kind: 'numbers', count: 4 });
  });

  it('says closed at the closing time, or once the session is booked or cancelled, whatever the numbers', () => {
    expect(judgeAnswer(poll, [1], poll.closesAt, false)).toEqual({ kind: 'closed' });
    expect(judgeAnswer(poll, [9], before, true)).toEqual({ kind: 'closed' });
  });
});
