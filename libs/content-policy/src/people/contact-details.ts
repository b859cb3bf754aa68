import { Finding } from '../model';
import { allMatches } from '../text/matches';
import { spelledDigitsToNumbers } from '../text/number-words';
import { SENTENCE_BREAK, Token } from '../text/tokenise';
import { CasePeople, CasePerson, describe } from './case-people';
import { findEmailAddresses, isRoleMailbox } from './email-addresses';
import { isEveryTownStreet, streetWord } from './home-addresses';
import { findPhoneNumbers, isMobile } from './phone-numbers';
import { findPostcodeDistricts, findPostcodes } from './postcodes';

/** Where a detail was found: the text it stood in is replaced by a placeholder word for the rules. */
interface Span {
  start: number;
  end: number;
  placeholder: string;
}

// "the number ending 900273", "last four digits 0261": part of a number is enough to find its owner.
const PHONE_ENDING_RE = /\b(?:ending|ends|last (?:three|four|five|six|[3-6]) digits)(?: in| with| are| is)?:? ((?:\d[ \-]?){3,8})(?!\d)/gi;

const MOBILE_WITHOUT_TRUNK_RE = /(?<![\d+])(7\d{9})(?!\d)/g;

const LINK_RE = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;

export const PLACEHOLDERS = { link: 'zzlink', email: 'zzemail', phone: 'zzphone' } as const;

function replaceSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  const pieces: string[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    pieces.push(text.slice(at, span.start), span.placeholder);
    at = span.end;
  }
  pieces.push(text.slice(at));
  // joined in one piece: the tokeniser reads it a character at a time
  return pieces.join(' ');
}

function pii(detail: string): Finding {
  return { category: 'other-party-pii', detail };
}

/** An organisation's address is public; a prison's is venue logistics for the professionals who arrange visits there. */
function addressIsShareable(p: CasePerson, people: CasePeople): boolean {
  return !!p.home?.organisation || (!!p.home?.prison && people.recipientWorksWithPrisons);
}

/**
 * Links, email addresses and phone numbers: each judged against the case (another participant's
 * is blocked, the recipient's own people's and the service's pass), then masked so that the words
 * inside them ("sarah.jones@...") are not read again as prose. Postcodes are judged in place.
 */
export function screenContactDetails(text: string, people: CasePeople): { masked: string; findings: Finding[] } {
  const findings: Finding[] = [];
  const spans: Span[] = [];
  for (const m of allMatches(LINK_RE, text)) spans.push({ start: m.index, end: m.index + m[0].length, placeholder: PLACEHOLDERS.link });
  const unlinked = replaceSpans(text, spans);

  const emailSpans: Span[] = [];
  for (const email of findEmailAddresses(unlinked)) {
    emailSpans.push({ start: email.start, end: email.end, placeholder: PLACEHOLDERS.email });
    const owner = people.emailOwner(email.address);
    if (owner) findings.push(pii(`email address of ${describe(owner)}`));
    else if (!people.isOwnEmail(email.address) && !isRoleMailbox(email.address)) {
      findings.push(pii('email address of no one in the case but the recipient\'s own people'));
    }
  }
  const unmailed = spelledDigitsToNumbers(replaceSpans(unlinked, emailSpans));

  const phoneSpans: Span[] = [];
  for (const phone of findPhoneNumbers(unmailed)) {
    phoneSpans.push({ start: phone.start, end: phone.end, placeholder: PLACEHOLDERS.phone });
    const owner = people.phoneOwner(phone.e164);
    if (owner) findings.push(pii(`phone number of ${describe(owner)}`));
    else if (!people.isOwnPhone(phone.e164) && isMobile(phone.e164)) findings.push(pii('mobile number that is not the service\'s or a facilitator\'s'));
  }
  const masked = replaceSpans(unmailed, phoneSpans);
  // A mobile written without its 0: only another participant's exact number counts.
  for (const m of allMatches(MOBILE_WITHOUT_TRUNK_RE, masked)) {
    const owner = people.phoneOwner(`+44${m[1]}`);
    if (owner) findings.push(pii(`phone number of ${describe(owner)}`));
  }
  for (const m of allMatches(PHONE_ENDING_RE, masked)) {
    const owner = people.phoneEndingOwner(m[1].replace(/\D/g, ''));
    if (owner) findings.push(pii(`end of the phone number of ${describe(owner)}`));
  }

  const homes = people.others.filter((p) => p.home?.postcode);
  const postcodes = new Set(homes.length > 0 ? findPostcodes(masked) : []);
  for (const p of homes) {
    if (p.home?.postcode && postcodes.has(p.home.postcode) && !addressIsShareable(p, people) && p.home.postcode !== people.recipient?.home?.postcode) {
      findings.push(pii(`postcode of ${describe(p)}`));
    }
  }
  const districts = new Set(homes.length > 0 ? findPostcodeDistricts(masked) : []);
  for (const p of homes) {
    const district = p.home!.postcode!.slice(0, -3);
    if (districts.has(district) && !addressIsShareable(p, people) && !people.recipient?.home?.postcode?.startsWith(district)) {
      findings.push(pii(`postcode district of ${describe(p)}`));
    }
  }
  return { masked, findings };
}

function matchesAt(words: readonly string[], i: number, wanted: readonly string[]): boolean {
  for (let k = 0; k < wanted.length; k++) if (words[i + k] !== wanted[k]) return false;
  return true;
}

const POSTCODE_OUTWARD_RE = /^[a-z]{1,2}\d[a-z\d]?$/;

/**
 * What follows a street: their postcode or town (a home address), another postcode (a venue
 * elsewhere on a street of the same name, or further along theirs), or nothing.
 */
function placeAfter(words: readonly string[], from: number, p: CasePerson): 'theirs' | 'elsewhere' | 'unsaid' {
  const end = Math.min(words.length, from + 8);
  let town = false;
  for (let i = from; i < end && words[i] !== SENTENCE_BREAK; i++) {
    if (POSTCODE_OUTWARD_RE.test(words[i]) && /^\d[a-z]{2}$/.test(words[i + 1] ?? '')) {
      return `${words[i]}${words[i + 1]}`.toUpperCase() === p.home!.postcode ? 'theirs' : 'elsewhere';
    }
    town ||= p.home!.towns.some((t) => t.length > 0 && matchesAt(words, i, t));
  }
  return town ? 'theirs' : 'unsaid';
}

/**
 * Another participant's street: always with their house number or town; alone, unless it is
 * plainly a venue elsewhere (another postcode follows), part of a venue's name ("Stone Street
 * Community Centre") or a street every town has.
 */
export function findHomeStreets(tokens: readonly Token[], people: CasePeople, properNouns: readonly boolean[]): Finding[] {
  const findings: Finding[] = [];
  const ownStreet = people.recipient?.home?.street?.join(' ');
  const streets = people.others.filter((p) => p.home?.street && p.home.street.length >= 2 && p.home.street.join(' ') !== ownStreet && !addressIsShareable(p, people));
  if (streets.length === 0) return findings;
  const starts = new Set(streets.map((p) => p.home!.street![0]));
  if (!tokens.some((t) => starts.has(t.forms[0]))) return findings;
  const words = tokens.map((t) => streetWord(t.forms[0]));
  for (const p of streets) {
    const street = p.home!.street!;
    for (let i = words.indexOf(street[0]); i >= 0; i = words.indexOf(street[0], i + 1)) {
      if (!matchesAt(words, i, street)) continue;
      const inVenueName = properNouns[i + street.length] === true && properNouns[i];
      const withNumber = !!p.home!.houseNumber && words[i - 1] === p.home!.houseNumber;
      const after = placeAfter(words, i + street.length, p);
      if (withNumber || after === 'theirs' || (after === 'unsaid' && !inVenueName && !isEveryTownStreet(street))) {
        findings.push(pii(`${withNumber ? 'home address' : 'street'} of ${describe(p)}`));
        break;
      }
    }
  }
  return findings;
}
