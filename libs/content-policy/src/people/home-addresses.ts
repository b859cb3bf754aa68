import { foldText } from '../text/fold';
import { findPostcodes } from './postcodes';

/** A participant's address, in the pieces a message could give away. */
export interface HomeAddress {
  houseNumber?: string;
  /** Street words in normal form, e.g. ["maxton", "road"]. */
  street?: string[];
  /** Each town or district line, in words. */
  towns: string[][];
  postcode?: string;
  /** A prison's address: the person is in custody there. */
  prison: boolean;
  /**
   * An organisation's address given as theirs ("Ipswich Allotment Society, Gippeswyk Avenue"): a
   * community member's or a professional's place of work, public, not where anyone lives.
   */
  organisation: boolean;
}

const STREET_ABBREVIATIONS: Record<string, string> = {
  rd: 'road', st: 'street', str: 'street', ave: 'avenue', av: 'avenue', ln: 'lane', cl: 'close', dr: 'drive',
  cres: 'crescent', cr: 'crescent', gdns: 'gardens', pl: 'place', sq: 'square', ter: 'terrace', terr: 'terrace',
  gr: 'grove', pde: 'parade', wy: 'way', ct: 'court', hl: 'hill', grn: 'green', pk: 'park', mws: 'mews',
};
const STREET_TYPES = new Set([
  'road', 'street', 'lane', 'avenue', 'close', 'drive', 'way', 'crescent', 'gardens', 'place', 'square', 'terrace',
  'grove', 'parade', 'court', 'hill', 'green', 'park', 'mews', 'row', 'walk', 'rise', 'view', 'gate', 'end', 'vale',
  'wharf', 'quay', 'circus', 'boulevard', 'broadway', 'hollow', 'croft', 'fields', 'meadow', 'meadows', 'heights',
]);
// Streets found in every town: naming one says nothing about where a person lives without the number.
const EVERY_TOWN = new Set([
  'high street', 'station road', 'church road', 'church street', 'church lane', 'main street', 'main road',
  'park road', 'london road', 'victoria road', 'green lane', 'manor road', 'mill lane', 'school lane', 'new road',
  'north street', 'south street', 'east street', 'west street', 'queens road', 'kings road', 'the street',
  'albert road', 'alexandra road', 'york road', 'market place', 'market street', 'bridge street', 'the green',
]);

const ORGANISATION_WORDS = new Set([
  'society', 'centre', 'center', 'hall', 'church', 'chapel', 'club', 'trust', 'association', 'school', 'college',
  'library', 'ltd', 'limited', 'cic', 'charity', 'council', 'allotment', 'allotments', 'hub', 'offices', 'surgery',
  'mosque', 'temple', 'synagogue', 'gurdwara', 'foundation', 'project', 'services', 'partnership', 'university',
]);

export function streetWord(word: string): string {
  return STREET_ABBREVIATIONS[word] ?? word;
}

export function isStreetType(word: string): boolean {
  return STREET_TYPES.has(word);
}

function words(segment: string): string[] {
  return segment.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

export function parseHomeAddress(written: string): HomeAddress {
  const folded = foldText(written);
  const postcode = findPostcodes(folded)[0];
  const prison = /\b(?:hmp|hmyoi|yoi|prison)\b/i.test(folded);
  // every field set from the start: addresses of one shape keep their reads fast
  const address: HomeAddress = { houseNumber: undefined, street: undefined, towns: [], postcode, prison, organisation: false };
  for (const segment of folded.split(/[,\n]/)) {
    const parts = words(segment.replace(/\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/gi, ''));
    if (parts.length === 0 || /^(?:flat|apartment|unit|room)$/.test(parts[0])) continue;
    // a line before the street that names a body, and no number in it
    if (!address.street && !prison && parts.some((w) => ORGANISATION_WORDS.has(w)) && !parts.some((w) => /\d/.test(w))) address.organisation = true;
    const typed = parts.map(streetWord);
    const typeAt = typed.findIndex((w, i) => i > 0 && isStreetType(w));
    if (!address.street && typeAt > 0) {
      const numbers = typed.filter((w) => /^\d+[a-z]?$/.test(w));
      address.houseNumber = numbers[0];
      address.street = typed.filter((w) => !/^\d+[a-z]?$/.test(w));
      continue;
    }
    if (address.street) address.towns.push(parts.filter((w) => !/^\d+$/.test(w)));
  }
  return address;
}

export function isEveryTownStreet(street: readonly string[]): boolean {
  return EVERY_TOWN.has(street.join(' '));
}
