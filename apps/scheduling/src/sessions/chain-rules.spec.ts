import { chainRulesFor, chainWindow, type EarlierSession } from './chain-rules';

const settings = { conferenceAfterPreparationMinHours: 24, followUpMinDays: 2, followUpMaxDays: 7 };
const at = (day: number) => new Date(Date.UTC(2027, 0, day, 10));
const prep = (id: string, side: 'person-harmed' | 'person-responsible', day: number, cancelled = false): EarlierSession => ({
  id,
  kind: 'preparation',
  side,
  requestedAt: at(day),
  cancelled,
});

describe('the chain rules between a case\'s sessions', () => {
  it('puts a conference at least a day after each party\'s last preparation that still stands', () => {
    const earlier = [prep('v1', 'person-harmed', 1), prep('v2', 'person-harmed', 3), prep('o1', 'person-responsible', 2), prep('o2', 'person-responsible', 4, true)];
    expect(chainRulesFor('conference', earlier, settings)).toEqual([
      { session: 'v2', minGapMinutes: 1440 },
      { session: 'o1', minGapMinutes: 1440 },
    ]);
  });

  it('puts a follow-up 2 to 7 days after the conference, and a preparation after nothing', () => {
    const earlier: EarlierSession[] = [{ id: 'c', kind: 'conference', side: null, requestedAt: at(5), cancelled: false }];
    expect(chainRulesFor('follow-up', earlier, settings)).toEqual([{ session: 'c', minGapMinutes: 2880, maxGapMinutes: 10080 }]);
    expect(chainRulesFor('preparation', earlier, settings)).toEqual([]);
  });

  it('narrows the window from booked predecessors and successors alike', () => {
    const hour = 3_600_000;
    const conference = { startsAt: at(10), endsAt: new Date(at(10).getTime() + 2 * hour), rule: { session: 'x', minGapMinutes: 2880, maxGapMinutes: 10080 } };
    const window = chainWindow(60, [conference], []);
    expect(window.notBefore).toBe(conference.endsAt.getTime() + 48 * hour);
    expect(window.notAfter).toBe(conference.endsAt.getTime() + 7 * 24 * hour + hour);
    const successor = { startsAt: at(20), endsAt: at(21), rule: { session: 'me', minGapMinutes: 1440 } };
    expect(chainWindow(60, [], [successor])).toEqual({ notBefore: null, notAfter: at(20).getTime() - 24 * hour });
  });
});
