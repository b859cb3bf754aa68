import { IsISO8601, validateSync } from 'class-validator';
import { HasOffset } from './has-offset';

class Instant {
  @IsISO8601({ strict: true })
  @HasOffset()
  at!: string;
}

const rules = (at: string) => validateSync(Object.assign(new Instant(), { at })).flatMap((e) => Object.keys(e.constraints ?? {}));

describe('HasOffset', () => {
  it.each(['2027-01-05T10:00:00Z', '2027-01-05T10:00Z', '2027-01-05T10:00:00.000Z', '2027-07-05T10:00:00+01:00', '2027-01-05T10:00:00-0500'])(
    'takes %s, which names its instant',
    (at) => expect(rules(at)).toEqual([]),
  );

  it.each(['2027-01-05T10:00:00', '2027-01-05T10:00', '2027-01-05'])('refuses %s, which the server would read in its own time zone', (at) =>
    expect(rules(at)).toContain('hasOffset'),
  );

  it.each(['2027-01-05T10:00:00+05', '20270105T100000Z'])('refuses %s, which JavaScript cannot read', (at) => expect(rules(at)).toContain('hasOffset'));
});
