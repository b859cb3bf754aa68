import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InstanceError, parseInstance } from './parse';
import { parsePlan, PlanError } from './parse-plan';

const SAMPLES = join(__dirname, '../../../../shared/samples/scheduling');

/** A small valid instance as raw JSON; each case below breaks one thing in a fresh copy. */
function valid(): any {
  return {
    version: 1,
    horizon: { start: '2027-01-04T00:00:00Z', end: '2027-02-01T00:00:00Z' },
    slotMinutes: 15,
    timezone: 'Europe/London',
    defaultTravelMinutes: 30,
    people: [
      { id: 'fac-1', role: 'facilitator', maxSessionsPerDay: 3, available: [['2027-01-04T09:00:00Z', '2027-01-04T17:00:00Z']] },
      { id: 'vic-1', role: 'victim' },
      { id: 'off-1', role: 'offender' },
    ],
    venues: [
      { id: 'hub-a', capacity: 8, accessible: true, available: [['2027-01-04T08:00:00Z', '2027-01-04T20:00:00Z']] },
      { id: 'hub-b', capacity: 4 },
      { id: 'video', remote: true },
    ],
    travel: [['hub-a', 'hub-b', 45]],
    separations: [{ people: ['vic-1', 'off-1'], minutes: 60 }],
    sessions: [
      { id: 'c1/prep', case: 'c1', kind: 'preparation', durationMinutes: 60, attendees: ['fac-1', 'vic-1'], venues: ['hub-a', 'video'], priority: 2 },
      {
        id: 'c1/conference',
        case: 'c1',
        kind: 'conference',
        durationMinutes: 120,
        attendees: ['fac-1', 'vic-1', 'off-1'],
        venues: ['hub-a'],
        after: [{ session: 'c1/prep', minGapMinutes: 1440, maxGapMinutes: 20160 }],
        notBefore: '2027-01-06T00:00:00Z',
        notAfter: '2027-01-30T00:00:00Z',
      },
      { id: 'c0/conference', case: 'c0', kind: 'conference', durationMinutes: 90, attendees: ['fac-1'], venues: ['hub-b'], fixed: { start: '2027-01-05T10:00:00Z', venue: 'hub-b' } },
    ],
  };
}

function errorOf(change: (json: any) => void): string {
  const json = valid();
  change(json);
  try {
    parseInstance(json);
  } catch (error) {
    expect(error).toBeInstanceOf(InstanceError);
    return (error as Error).message;
  }
  throw new Error('parseInstance accepted a malformed instance');
}

describe('parseInstance', () => {
  it.each(['tiny', 'small', 'medium'])('accepts the %s sample as it is', (name) => {
    const json = JSON.parse(readFileSync(join(SAMPLES, `${name}.json`), 'utf8'));
    expect(parseInstance(json)).toEqual(json);
  });

  it('leaves out fields the format does not define, and leaves optional fields absent', () => {
    const json = valid();
    json.colour = 'blue';
    json.sessions[0].room = 'upstairs';
    delete json.sessions[0].priority;
    delete json.travel;
    const instance = parseInstance(json);
    expect(instance).not.toHaveProperty('colour');
    expect(instance).not.toHaveProperty('travel');
    expect(instance.sessions[0]).toEqual({
      id: 'c1/prep',
      case: 'c1',
      kind: 'preparation',
      durationMinutes: 60,
      attendees: ['fac-1', 'vic-1'],
      venues: ['hub-a', 'video'],
    });
  });

  describe('refuses a malformed instance with one line naming the field and the problem', () => {
    it.each<[string, (json: any) => void, string]>([
      ['not an object', (j) => Object.assign(j, { people: 'fac-1' }), 'people: expected an array, got "fac-1"'],
      ['a missing field', (j) => delete j.sessions[1].case, 'sessions[1].case: missing'],
      ['a wrong type', (j) => (j.sessions[0].priority = 'high'), 'sessions[0].priority: expected a number, got "high"'],
      ['another version', (j) => (j.version = 2), 'version: expected 1, got 2'],
      ['a duplicated person id', (j) => (j.people[2].id = 'fac-1'), 'people[2].id: "fac-1" duplicates people[0].id'],
      ['a duplicated session id', (j) => (j.sessions[2].id = 'c1/prep'), 'sessions[2].id: "c1/prep" duplicates sessions[0].id'],
      ['an unknown attendee', (j) => (j.sessions[1].attendees[2] = 'off-9'), 'sessions[1].attendees[2]: "off-9" names no person'],
      ['an unknown venue', (j) => (j.sessions[0].venues[1] = 'zoom'), 'sessions[0].venues[1]: "zoom" names no venue'],
      ['an unknown predecessor', (j) => (j.sessions[1].after[0].session = 'c1/prep-2'), 'sessions[1].after[0].session: "c1/prep-2" names no session'],
      ['an unknown fixed venue', (j) => (j.sessions[2].fixed.venue = 'hub-z'), 'sessions[2].fixed.venue: "hub-z" names no venue'],
      ['an unknown travel venue', (j) => (j.travel[0][1] = 'hub-z'), 'travel[0][1]: "hub-z" names no venue'],
      ['an unknown separated person', (j) => (j.separations[0].people[1] = 'off-9'), 'separations[0].people[1]: "off-9" names no person'],
      ['an unknown role', (j) => (j.people[1].role = 'judge'), 'people[1].role: "judge" is not one of facilitator, victim, offender, supporter, offender-manager, interpreter, community-member, other'],
      [
        'a horizon end off the grid',
        (j) => (j.horizon.end = '2027-02-01T00:10:00Z'),
        'horizon.end: 2027-02-01T00:10:00Z is not on the 15-minute slot grid from horizon.start',
      ],
      [
        'an availability off the grid',
        (j) => (j.people[0].available[0][1] = '2027-01-04T17:05:00Z'),
        'people[0].available[0][1]: 2027-01-04T17:05:00Z is not on the 15-minute slot grid from horizon.start',
      ],
      [
        'a notBefore off the grid',
        (j) => (j.sessions[1].notBefore = '2027-01-06T00:20:00Z'),
        'sessions[1].notBefore: 2027-01-06T00:20:00Z is not on the 15-minute slot grid from horizon.start',
      ],
      [
        'a notAfter off the grid',
        (j) => (j.sessions[1].notAfter = '2027-01-30T00:00:30Z'),
        'sessions[1].notAfter: 2027-01-30T00:00:30Z is not on the 15-minute slot grid from horizon.start',
      ],
      [
        'a fixed start off the grid',
        (j) => (j.sessions[2].fixed.start = '2027-01-05T10:07:00Z'),
        'sessions[2].fixed.start: 2027-01-05T10:07:00Z is not on the 15-minute slot grid from horizon.start',
      ],
      ['a duration off the grid', (j) => (j.sessions[0].durationMinutes = 50), 'sessions[0].durationMinutes: 50 is not a multiple of slotMinutes (15)'],
      ['a zero duration', (j) => (j.sessions[0].durationMinutes = 0), 'sessions[0].durationMinutes: 0 is not positive'],
      [
        'an instant with an offset instead of Z',
        (j) => (j.horizon.start = '2027-01-04T00:00:00+01:00'),
        'horizon.start: "2027-01-04T00:00:00+01:00" is not an ISO-8601 UTC instant ending in Z',
      ],
      [
        'an instant that is no real date',
        (j) => (j.sessions[1].notAfter = '2027-02-30T00:00:00Z'),
        'sessions[1].notAfter: "2027-02-30T00:00:00Z" is not an ISO-8601 UTC instant ending in Z',
      ],
      [
        'an interval that ends where it starts',
        (j) => (j.venues[0].available[0] = ['2027-01-04T08:00:00Z', '2027-01-04T08:00:00Z']),
        'venues[0].available[0]: end 2027-01-04T08:00:00Z is not after start 2027-01-04T08:00:00Z',
      ],
      ['an interval of one bound', (j) => (j.venues[0].available[0] = ['2027-01-04T08:00:00Z']), 'venues[0].available[0]: expected [start, end], got ["2027-01-04T08:00:00Z"]'],
      ['a negative capacity', (j) => (j.venues[1].capacity = -1), 'venues[1].capacity: -1 is less than 0'],
      ['a negative travel time', (j) => (j.travel[0][2] = -5), 'travel[0][2]: -5 is less than 0'],
      ['a negative priority', (j) => (j.sessions[0].priority = -2), 'sessions[0].priority: -2 is less than 0'],
      ['a fractional daily limit', (j) => (j.people[0].maxSessionsPerDay = 2.5), 'people[0].maxSessionsPerDay: 2.5 is not a whole number'],
      ['an unknown time zone', (j) => (j.timezone = 'Europe/Atlantis'), 'timezone: "Europe/Atlantis" is not an IANA time zone'],
      ['a session with no venue', (j) => (j.sessions[0].venues = []), 'sessions[0].venues: must list at least one venue'],
      ['an attendee listed twice', (j) => (j.sessions[1].attendees[2] = 'fac-1'), 'sessions[1].attendees[2]: "fac-1" is listed twice'],
      [
        'a maximum gap below the minimum',
        (j) => (j.sessions[1].after[0].maxGapMinutes = 60),
        'sessions[1].after[0].maxGapMinutes: 60 is less than minGapMinutes (1440)',
      ],
      ['a session after itself', (j) => (j.sessions[0].after = [{ session: 'c1/prep' }]), 'sessions[0].after[0].session: a session cannot come after itself'],
      [
        'a cycle of after rules',
        (j) => (j.sessions[0].after = [{ session: 'c1/conference' }]),
        'sessions[0].after: after rules form a cycle: c1/prep after c1/conference after c1/prep',
      ],
      ['a travel pair given twice', (j) => j.travel.push(['hub-b', 'hub-a', 40]), 'travel[1]: hub-b/hub-a is already given at travel[0]'],
      ['travel from a venue to itself', (j) => (j.travel[0][1] = 'hub-a'), 'travel[0]: travel from hub-a to itself is always 0 and is not listed'],
      ['a separation of one person from themself', (j) => (j.separations[0].people[1] = 'vic-1'), 'separations[0].people: names vic-1 twice'],
      ['a remote flag that is not a boolean', (j) => (j.venues[2].remote = 'yes'), 'venues[2].remote: expected true or false, got "yes"'],
    ])('%s', (_name, change, message) => {
      expect(errorOf(change)).toBe(message);
    });
  });
});

describe('parsePlan', () => {
  it('reads a plan and takes a missing conflicts list as empty', () => {
    const plan = parsePlan({
      assignments: [{ session: 'c1/prep', start: '2027-01-05T10:00:00Z', venue: 'hub-a' }],
      unscheduled: [{ session: 'c1/conference', reason: 'no common window' }],
      stats: { solveMs: 3 },
    });
    expect(plan).toEqual({
      assignments: [{ session: 'c1/prep', start: '2027-01-05T10:00:00Z', venue: 'hub-a' }],
      unscheduled: [{ session: 'c1/conference', reason: 'no common window' }],
      conflicts: [],
    });
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'plan: expected an object, got []'],
    ['no unscheduled list', { assignments: [] }, 'unscheduled: missing'],
    ['a start that is not an instant', { assignments: [{ session: 'a', start: 'Tuesday', venue: 'v' }], unscheduled: [] }, 'assignments[0].start: "Tuesday" is not an ISO-8601 UTC instant ending in Z'],
    ['a reason that is not text', { assignments: [], unscheduled: [{ session: 'a', reason: 4 }] }, 'unscheduled[0].reason: expected a string, got 4'],
  ])('refuses %s with one line naming the field', (_name, json, message) => {
    expect(() => parsePlan(json)).toThrow(new PlanError(message));
  });
});
