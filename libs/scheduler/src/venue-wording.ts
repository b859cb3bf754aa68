/**
 * What a caller's users call its venues, by venue id: the name, and what the venue's
 * `available` times are to them ("visiting slots" for a prison, "opening hours"). The
 * exchange format carries ids only; without a name a message names the venue by its id.
 */
export type VenueNames = Record<string, { name: string; times: string }>;

/*
 * One wording for each reason a venue cannot take a session, the same in checkPlan's
 * violations and in the solver's conflicts and explanations.
 */

export function venueName(venue: string, names: VenueNames = {}): string {
  return names[venue]?.name ?? venue;
}

/** Rule 3: the venue is open for only part of the session, or not at all. */
export function outsideVenueTimes(venue: string, names: VenueNames = {}): string {
  return `outside ${venueName(venue, names)}'s ${names[venue]?.times ?? 'available times'}`;
}

export function notOneOfItsVenues(venue: string, allowed: string[], names: VenueNames = {}): string {
  return `${venueName(venue, names)} is not one of its venues (${allowed.map((v) => venueName(v, names)).join(', ')})`;
}

export function venueTooSmall(venue: string, capacity: number, attendees: number, names: VenueNames = {}): string {
  return `${venueName(venue, names)} holds ${capacity}, not ${attendees}`;
}

export function venueNotAccessible(venue: string, names: VenueNames = {}): string {
  return `${venueName(venue, names)} is not accessible`;
}
