import type { DeliveryType } from '#contracts';
import type { PersonRole } from '#scheduler';
import type { PersonEntity } from '../people/person.entity';
import type { VenueEntity } from '../venues/venue.entity';

/** Why a session cannot be placed at all as it stands, for the coordinator to put right. */
export class UnplaceableSession extends Error {}

/**
 * Who attends: the participants asked for, plus the case's interpreters when any of them
 * needs one. A session where someone needs an interpreter and the case has none cannot be held.
 */
export function withInterpreters(participantIds: readonly string[], casePeople: readonly PersonEntity[]): string[] {
  const attending = casePeople.filter((p) => participantIds.includes(p.id));
  const needing = attending.filter((p) => p.interpreterLanguage !== null);
  if (needing.length === 0) return [...participantIds];
  const interpreters = casePeople.filter((p) => p.role === 'interpreter' && p.active);
  if (interpreters.length === 0) {
    const languages = [...new Set(needing.map((p) => p.interpreterLanguage))].join(', ');
    throw new UnplaceableSession(`${needing.map((p) => `${p.role} ${p.id}`).join(', ')} need an interpreter (${languages}) and the case has none`);
  }
  return [...new Set([...participantIds, ...interpreters.map((p) => p.id)])];
}

const IN_PERSON: readonly (DeliveryType | null)[] = ['face-to-face-conference', 'circle'];

/**
 * The venues a session may use, in order of preference. A person in custody can be met only
 * at their establishment, in its visiting slots; a video conference is on video; an in-person
 * meeting never is; otherwise community venues first, video after.
 */
export function allowedVenues(delivery: DeliveryType | null, attendees: readonly PersonEntity[], venues: readonly VenueEntity[]): VenueEntity[] {
  const establishments = [...new Set(attendees.filter((p) => p.inCustody).map((p) => p.establishment!))];
  if (establishments.length > 1) throw new UnplaceableSession(`attendees are held at different establishments: ${establishments.join(', ')}`);
  if (establishments.length === 1) {
    const prisons = venues.filter((v) => v.kind === 'prison' && v.establishment === establishments[0]);
    if (prisons.length === 0) throw new UnplaceableSession(`no venue is recorded for establishment ${establishments[0]}, where an attendee is held`);
    return prisons;
  }
  const allowed =
    delivery === 'video-conference'
      ? venues.filter((v) => v.kind === 'video')
      : [...venues.filter((v) => v.kind === 'community'), ...(IN_PERSON.includes(delivery) ? [] : venues.filter((v) => v.kind === 'video'))];
  if (allowed.length === 0) throw new UnplaceableSession(`the organisation has no venue for a ${delivery ?? 'session'} of this kind`);
  return allowed;
}

const ROLES: Record<PersonEntity['role'], PersonRole> = {
  facilitator: 'facilitator',
  'person-harmed': 'victim',
  'person-responsible': 'offender',
  supporter: 'supporter',
  'offender-manager': 'offender-manager',
  'victim-liaison-officer': 'other',
  interpreter: 'interpreter',
  'community-member': 'community-member',
};

export function schedulerRole(person: PersonEntity): PersonRole {
  return ROLES[person.role];
}

/** The two sides of a case who must not meet by chance (spec rule 7). */
export function separatedPairs(casePeople: readonly PersonEntity[]): [string, string][] {
  const harmed = casePeople.filter((p) => p.role === 'person-harmed');
  const responsible = casePeople.filter((p) => p.role === 'person-responsible');
  return harmed.flatMap((h) => responsible.map((r): [string, string] => [h.id, r.id]));
}
