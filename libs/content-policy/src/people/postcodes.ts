import { allMatches } from '../text/matches';

/** UK postcodes ("ME14 2AB", "me142ab"), normalised to capitals without the space. */
const POSTCODE_RE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s?(\d[A-Z]{2})\b/gi;

export function findPostcodes(text: string): string[] {
  return allMatches(POSTCODE_RE, text).map((m) => `${m[1]}${m[2]}`.toUpperCase());
}

// The first half alone, of two letters ("the CA2 end of town"): one letter and a digit is as often a road ("M1", "A5").
const OUTWARD_ALONE_RE = /\b([A-Z]{2}\d[A-Z\d]?)\b(?!\s?\d[A-Z]{2}\b)/gi;

/** Districts named without the rest of a postcode ("CA2"), in capitals. */
export function findPostcodeDistricts(text: string): string[] {
  return allMatches(OUTWARD_ALONE_RE, text).map((m) => m[1].toUpperCase());
}
