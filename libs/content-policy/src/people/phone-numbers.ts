import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { allMatches } from '../text/matches';
import { memoise } from '../text/memoise';

/**
 * Phone numbers in running text, in any layout: "+44 7700 900095", "(07700) 900-095",
 * "07700.900.095", "0 7 7 0 0 9 0 0 0 9 5". The scan is ours (cheap, and tolerant of any separator);
 * libphonenumber-js decides whether the digits make a possible number and gives its E.164 form.
 */
export interface FoundNumber {
  start: number;
  end: number;
  e164: string;
}


// A UK number in national or +44 form, with nine or ten digits after the trunk 0 or the 44.
const PLAIN_UK_RE = /^(?:\+44|0044|0)(\d{9,10})$/;

/**
 * E.164 form of a number written for GB (or with its country code), or undefined. Plain UK
 * numbers, most of the traffic, take a fast path (libphonenumber-js needs 25-45 µs a number,
 * a budget the policy cannot spend several times a message); a spec checks that the two agree.
 */
export function normalisePhone(written: string): string | undefined {
  const key = written.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  const plain = PLAIN_UK_RE.exec(key);
  return plain ? `+44${plain[1]}` : libphonenumberE164(key);
}

/** What libphonenumber-js makes of the digits: the reference for the fast path. */
export const libphonenumberE164 = memoise((digits: string): string | undefined => {
  const parsed = digits.length >= 9 ? parsePhoneNumberFromString(digits, 'GB') : undefined;
  return parsed && parsed.isPossible() ? parsed.number : undefined;
});

/** Is this an individual's mobile rather than an office line? */
export function isMobile(e164: string): boolean {
  if (e164.startsWith('+44')) return /^\+447[1-57-9]/.test(e164);
  return parsePhoneNumberFromString(e164)?.getType() === 'MOBILE';
}

// A digit, then at least eight more, each after at most two separators and optionally in brackets.
const RUN_RE = /\+?\(?\d(?:[ .\/\-]{0,2}\(?\d\)?){8,}/g;
const GROUP_RE = /\+?[\d()]+/g;

// A phone number is written with its trunk 0, a + or a country code; digits without one are a
// meeting ID, a PIN or a reference ("conference ID 774 130 295").
const DIALLED_RE = /^\(?(?:\+|0|44)/;
const dialled = (digits: string) => DIALLED_RE.test(digits) && normalisePhone(digits);

export function findPhoneNumbers(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const m of allMatches(RUN_RE, text)) {
    const start = m.index;
    const whole = dialled(m[0]);
    if (whole) {
      found.push({ start, end: start + m[0].length, e164: whole });
      continue;
    }
    found.push(...numbersWithinRun(m[0], start));
  }
  return found;
}

/** A run that is not one number may be a number followed by a date or a code: try its groups. */
function numbersWithinRun(run: string, offset: number): FoundNumber[] {
  const groups = allMatches(GROUP_RE, run).map((g) => ({ start: g.index, end: g.index + g[0].length, digits: g[0].replace(/\D/g, '').length }));
  const found: FoundNumber[] = [];
  let i = 0;
  while (i < groups.length) {
    let digits = 0;
    let matched = -1;
    for (let j = i; j < groups.length && digits < 13; j++) {
      digits += groups[j].digits;
      if (digits >= 10 && dialled(run.slice(groups[i].start, groups[j].end))) matched = j;
    }
    if (matched < 0) {
      i++;
      continue;
    }
    const text = run.slice(groups[i].start, groups[matched].end);
    found.push({ start: offset + groups[i].start, end: offset + groups[matched].end, e164: normalisePhone(text)! });
    i = matched + 1;
  }
  return found;
}
