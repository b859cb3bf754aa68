import { SENTENCE_BREAK, Token } from './tokenise';

/**
 * Names of places and organisations ("Hoo Village Hall", "St Mary's Church", "Castle Hill Community
 * Room", "East Kent Restorative Practice"): a run of capitalised words, unbroken by punctuation,
 * ending in a word that names a kind of place or body. A surname or a word of the rules inside one
 * ("Hall", "Hill", "Victim Support") is part of the name, not a person or a topic.
 */
const PLACE_WORDS = new Set([
  'road', 'street', 'lane', 'avenue', 'close', 'drive', 'way', 'crescent', 'gardens', 'place', 'terrace', 'grove',
  'mews', 'row', 'walk', 'rise', 'parade', 'square', 'hill', 'green', 'park', 'court', 'courts', 'hall', 'halls',
  'guildhall', 'centre', 'center', 'church', 'chapel', 'cathedral', 'abbey', 'priory', 'house', 'library', 'hub',
  'room', 'rooms', 'annexe', 'annex', 'building', 'buildings', 'offices', 'office', 'school', 'college', 'academy',
  'university', 'station', 'museum', 'theatre', 'pavilion', 'institute', 'club', 'inn', 'hotel', 'lodge', 'manor',
  'farm', 'mill', 'quay', 'wharf', 'yard', 'estate', 'arcade', 'plaza', 'tower', 'works', 'studio', 'studios',
  'campus', 'clinic', 'surgery', 'market', 'suite', 'lounge', 'gallery', 'cafe', 'library', 'barn', 'bridge',
  'institute', 'exchange', 'chambers', 'forum', 'arena', 'stadium', 'gate', 'common', 'wood', 'fields', 'meadow',
  'service', 'services', 'practice', 'partnership', 'trust', 'council', 'team', 'project', 'foundation', 'charity',
  'network', 'agency', 'unit', 'support', 'group', 'association', 'society', 'alliance', 'ltd', 'limited', 'cic',
]);
// A court with one of these in its name is a court of law, which the rules must see.
const LAW_COURT_WORDS = new Set(['crown', 'magistrates', 'magistrate', 'county', 'youth', 'family', 'combined', 'law', 'sheriff', 'appeal', 'appeals', 'high', 'supreme', 'tribunal']);
const CONNECTORS = new Set(['of', 'and', 'the', 'upon', 'de', 'la', 'le']);
/** "Mrs Green", "Dr Hall": a title makes the next word a surname. */
export const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'lady', 'lord']);

function continuesName(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.word === SENTENCE_BREAK) return false;
  if (t.capitalised) return true;
  // "St Mary's": the possessive ending belongs to the name
  if (t.bound && t.word === 's') return true;
  return CONNECTORS.has(t.word) && i > 0 && tokens[i - 1].capitalised && !t.afterPunctuation;
}

// A town written before what is in it, in lower case: "Chester bus station", "Leeds city centre".
const TOWN_FOLLOWERS: ReadonlyMap<string, ReadonlySet<string> | null> = new Map([
  ['bus', new Set(['station'])],
  ['train', new Set(['station'])],
  ['railway', new Set(['station'])],
  ['coach', new Set(['station'])],
  ['town', new Set(['centre', 'center', 'hall'])],
  ['city', new Set(['centre', 'center', 'hall'])],
  ['station', null],
  ['library', null],
  ['cathedral', null],
]);

function townBefore(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!tokens[i].capitalised || tokens[i].sentenceStart || !next || next.capitalised || next.afterPunctuation) return false;
  const second = TOWN_FOLLOWERS.get(next.word);
  if (second === undefined) return false;
  return second === null || second.has(tokens[i + 2]?.word ?? '');
}

/** For each token, whether it is part of the name of a place or an organisation. */
export function properNounMask(tokens: readonly Token[]): boolean[] {
  const mask = new Array<boolean>(tokens.length).fill(false);
  for (let end = 0; end < tokens.length; end++) {
    const last = tokens[end];
    if (townBefore(tokens, end)) mask[end] = true;
    if (!last.capitalised || !PLACE_WORDS.has(last.word)) continue;
    let start = end;
    while (start > 0 && !tokens[start].afterPunctuation && continuesName(tokens, start - 1)) start--;
    while (start < end && !tokens[start].capitalised) start++;
    if (start === end || TITLES.has(tokens[end - 1].word)) continue;
    const words = tokens.slice(start, end + 1).map((t) => t.word);
    if ((last.word === 'court' || last.word === 'courts') && words.some((w) => LAW_COURT_WORDS.has(w))) continue;
    for (let k = start; k <= end; k++) mask[k] = true;
  }
  return mask;
}
