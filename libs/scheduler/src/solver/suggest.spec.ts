import { at, makeInstance, person, session } from '../testing/fixtures';
import { suggest } from './suggest';

const hub = { id: 'hub', capacity: 10, accessible: true };
const video = { id: 'video', remote: true };

describe('suggest', () => {
  it('lists options earliest first, the preferred venue first at the same start', () => {
    const instance = makeInstance({
      people: [person('fac', { available: [[at(0, '09:00'), at(0, '11:00')]] })],
      venues: [video, hub],
      sessions: [session('c1/prep', ['fac'], ['hub', 'video'])],
    });
    expect(suggest(instance, 'c1/prep', 3)).toEqual([
      { start: at(0, '09:00'), venue: 'hub' },
      { start: at(0, '09:00'), venue: 'video' },
      { start: at(0, '09:15'), venue: 'hub' },
    ]);
  });

  it('treats fixed sessions as booked and the others as not booked', () => {
    const instance = makeInstance({
      people: [person('fac', { available: [[at(0, '09:00'), at(0, '12:00')]] })],
      venues: [hub],
      sessions: [
        session('c1/prep', ['fac'], ['hub']),
        session('c2/prep', ['fac'], ['hub'], { fixed: { start: at(0, '09:00'), venue: 'hub' } }),
        session('c3/prep', ['fac'], ['hub']),
      ],
    });
    expect(suggest(instance, 'c1/prep', 1)).toEqual([{ start: at(0, '10:00'), venue: 'hub' }]);
  });

  it('follows with near misses that one named attendee stands in the way of', () => {
    const both: [string, string][] = [
      [at(0, '09:00'), at(0, '10:00')],
      [at(0, '13:00'), at(0, '14:00')],
    ];
    const instance = makeInstance({
      people: [
        person('fac', { available: both }),
        person('vic', { available: both }),
        person('om-3', { available: [[at(0, '09:00'), at(0, '10:00')]] }),
      ],
      venues: [hub],
      sessions: [session('c1/conference', ['fac', 'vic', 'om-3'], ['hub'])],
    });
    expect(suggest(instance, 'c1/conference', 3)).toEqual([
      { start: at(0, '09:00'), venue: 'hub' },
      { start: at(0, '13:00'), venue: 'hub', nearMiss: { attendee: 'om-3', reason: 'om-3 is not available then' } },
    ]);
  });

  it('names a booking as the near miss when the attendee is busy rather than away', () => {
    const instance = makeInstance({
      people: [
        person('fac', { available: [[at(0, '09:00'), at(0, '10:00')]] }),
        person('om-3', { available: [[at(0, '09:00'), at(0, '10:00')]] }),
      ],
      venues: [hub, video],
      sessions: [
        session('c1/conference', ['fac', 'om-3'], ['hub']),
        session('c2/prep', ['om-3'], ['video'], { fixed: { start: at(0, '09:00'), venue: 'video' } }),
      ],
    });
    expect(suggest(instance, 'c1/conference', 1)).toEqual([
      { start: at(0, '09:00'), venue: 'hub', nearMiss: { attendee: 'om-3', reason: 'om-3 is booked for c2/prep' } },
    ]);
  });
});
