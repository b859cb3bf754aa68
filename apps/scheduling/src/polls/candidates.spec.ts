import { pickCandidates } from './candidates';

const hour = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2027, 0, 4, 9) + hours * hour).toISOString();

describe('poll candidates', () => {
  it('keeps the earliest options that lie far enough apart, and never a near miss', () => {
    const options = [0, 0.25, 0.5, 3, 3.25, 5, 6, 24].map((h) => ({ start: at(h), venue: 'hub' }));
    options.splice(3, 0, { start: at(2.5), venue: 'hub', nearMiss: { attendee: 'x', reason: 'x is not available then' } } as never);
    expect(pickCandidates(options, 4, 3 * hour)).toEqual([at(0), at(3), at(6), at(24)]);
    expect(pickCandidates(options, 2, 3 * hour)).toEqual([at(0), at(3)]);
  });
});
