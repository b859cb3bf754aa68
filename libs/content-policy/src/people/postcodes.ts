import { allMatches } from '../text/matches';

/** UK postcodes ("ME14 2AB", "me142ab"), normalised to capitals without the space. */
const POSTCODE_RE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s?(\d[A-Z]{2})\b/gi;

export function findPostcodes(text: string): string[] {
  return allMatches(POSTCODE_RE, text).map((m) => `${m[1]}${m[2]}`.toUpperCase());
}
