/** A place sessions are held, as the venue registry knows it. */
export interface Venue {
  id: string;
  name: string;
  address: string;
  directions?: string;
  access?: string;
}

export type VenuePart = 'name' | 'address' | 'name-and-address' | 'directions' | 'access';

/** The text of one part of a venue, or undefined when the venue does not have it. */
export function venueText(venue: Venue, part: VenuePart): string | undefined {
  switch (part) {
    case 'name':
      return venue.name;
    case 'address':
      return venue.address;
    case 'name-and-address':
      return `${venue.name}, ${venue.address}`;
    case 'directions':
      return venue.directions;
    case 'access':
      return venue.access;
  }
}
