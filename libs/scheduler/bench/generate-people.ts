import { Random } from './random';
import { SATURDAY, Span, WEEKDAYS, dayOf, weekly } from './generate-calendar';

/**
 * When each kind of person and venue is available, modelled on the samples: facilitators work
 * weekdays with a late shift and days off; victims keep a few weekdays; offenders in the
 * community work days or evenings; supporters are free evenings and Saturdays; hubs open
 * weekdays (some Saturdays); prisons admit visits in two sessions on a few weekdays.
 */

export function facilitatorHours(random: Random): Span[] {
  const hours = random.pick<[string, string]>([['09:00', '17:00'], ['09:30', '17:30'], ['08:30', '16:30']]);
  const lateDay = random.chance(0.6) ? random.int(0, 4) : -1;
  const workdays = WEEKDAYS.filter((d) => d !== lateDay);
  const leaveWeek = random.chance(0.15) ? random.int(0, 3) : -1;
  const spans = [...weekly(random, workdays, [hours], 0.08), ...weekly(random, [lateDay], [['12:00', '20:00']], 0.08)];
  return spans.filter(([start]) => Math.floor(dayOf(start) / 7) !== leaveWeek);
}

export function offenderManagerHours(random: Random): Span[] {
  return weekly(random, WEEKDAYS, [random.pick<[string, string]>([['09:00', '17:00'], ['08:30', '16:30']])], 0.08);
}

export function interpreterHours(random: Random): Span[] {
  return weekly(random, random.sample(WEEKDAYS, random.int(2, 4)), [['09:00', '17:00']], 0.1);
}

export function victimHours(random: Random): Span[] {
  const from = random.pick(['09:00', '09:30', '10:00']);
  const to = random.pick(['15:00', '16:00', '16:30']);
  return weekly(random, random.sample(WEEKDAYS, random.int(3, 5)), [[from, to]], 0.05);
}

export function communityOffenderHours(random: Random): Span[] {
  const days = random.sample(WEEKDAYS, random.int(3, 5));
  switch (random.int(0, 2)) {
    case 0:
      return weekly(random, days, [['09:00', '17:00']], 0.05);
    case 1:
      return [...weekly(random, days, [['17:00', '20:30']], 0.05), ...weekly(random, [random.pick(WEEKDAYS)], [['12:00', '15:30']], 0.3)];
    default:
      return weekly(random, days, [['09:00', '12:00'], ['13:30', '16:30']], 0.05);
  }
}

/** A person in custody can be seen in the prison's visiting sessions, not every one of them. */
export function prisonerHours(random: Random, prisonHours: Span[]): Span[] {
  const missedDays = new Set(prisonHours.map(([start]) => dayOf(start)).filter(() => random.chance(0.1)));
  return prisonHours.filter(([start]) => !missedDays.has(dayOf(start)));
}

export function supporterHours(random: Random): Span[] {
  return [
    ...weekly(random, random.sample(WEEKDAYS, 2), [['18:00', '21:00']], 0.1),
    ...weekly(random, [SATURDAY], [['10:00', '14:00']], 0.3),
    ...weekly(random, [random.pick(WEEKDAYS)], [['08:45', '14:30']], 0.7),
  ];
}

export function hubHours(random: Random): Span[] {
  const closed = random.chance(0.3) ? random.int(0, 4) : -1;
  const hours = random.pick<[string, string]>([['08:00', '20:00'], ['09:00', '17:00'], ['09:00', '21:00']]);
  const saturday = random.pick<[string, string] | undefined>([['09:00', '13:00'], ['10:00', '16:00'], undefined, undefined]);
  return [
    ...weekly(random, WEEKDAYS.filter((d) => d !== closed), [hours], 0.03),
    ...(saturday ? weekly(random, [SATURDAY], [saturday], 0.1) : []),
  ];
}

export const VISITING_SESSIONS: Array<[string, string]> = [['09:00', '12:00'], ['13:30', '16:30']];

/** Visits in two sessions a day on three or four weekdays. */
export function prisonHours(random: Random): Span[] {
  return weekly(random, random.sample(WEEKDAYS, random.int(3, 4)), VISITING_SESSIONS, 0.02);
}
