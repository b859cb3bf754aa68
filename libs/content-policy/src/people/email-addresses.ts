import { allMatches } from '../text/matches';

/**
 * Email addresses in running text, written plainly or spelt out to slip past a filter:
 * "jane.doe@example.com", "jane dot doe at example dot com", "yrahman41 AT example DOT org",
 * "jane(at)example[.]com".
 */
export interface FoundEmail {
  start: number;
  end: number;
  address: string;
}

// The domain of a plain address, matched where an "@" stands (sticky). The part before the "@" is
// found by walking back from it: a pattern that starts with the local part tries every position of
// the text, and long messages paid for that more than for the rest of the contact details.
const DOMAIN_RE = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;
const LOCAL_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-') LOCAL_CHAR[c.charCodeAt(0)] = 1;

const AT = String.raw`(?:\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+at\s+|\s*@\s*)`;
const DOT = String.raw`(?:\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+|\.)`;
const TLD = '(?:com|org|net|uk|gov|ac|co|io|info|biz|me|edu|nhs|police|cymru|wales|scot|eu|ie|de|fr|pl|ro|lt|lv|in|ng|za|us|ca|au|nz|app|dev|email|online|xyz)';
const SPELT_RE = new RegExp(
  String.raw`\b([a-z0-9_%+-]+(?:${DOT}[a-z0-9_%+-]+)*)${AT}([a-z0-9-]+(?:${DOT}[a-z0-9-]+)*${DOT}${TLD})\b`,
  'gi',
);
// Most messages have neither an "at" nor a "dot" that could make an address: skip the big pattern.
const SPELT_HINT_RE = /\bdot\b|[\[({<]\s*(?:at|@)\s*[\])}>]|\bat\s+[a-z0-9-]+\.[a-z]|@/i;
const DOT_RE = new RegExp(DOT, 'gi');

function canonical(written: string): string {
  return written.replace(DOT_RE, '.').replace(/\s+/g, '').toLowerCase();
}

export function findEmailAddresses(text: string): FoundEmail[] {
  const found: FoundEmail[] = [];
  let rest = text;
  if (text.includes('@')) {
    found.push(...plainAddresses(text));
    // blank out what was found (same length, so positions hold) before looking for spelt-out ones
    for (const f of found) rest = rest.slice(0, f.start) + ' '.repeat(f.end - f.start) + rest.slice(f.end);
  }
  if (!SPELT_HINT_RE.test(rest)) return found;
  for (const m of allMatches(SPELT_RE, rest)) found.push({ start: m.index, end: m.index + m[0].length, address: `${canonical(m[1])}@${canonical(m[2])}` });
  return found;
}

/** "name@domain.tld": local characters before an "@", and a dotted domain after it. */
function plainAddresses(text: string): FoundEmail[] {
  const found: FoundEmail[] = [];
  let searched = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > searched && text.charCodeAt(start - 1) < 128 && LOCAL_CHAR[text.charCodeAt(start - 1)] === 1) start--;
    if (start === at) continue;
    DOMAIN_RE.lastIndex = at + 1;
    const domain = DOMAIN_RE.exec(text);
    if (!domain) continue;
    const end = DOMAIN_RE.lastIndex;
    found.push({ start, end, address: text.slice(start, end).toLowerCase().replace(/\.+$/, '') });
    searched = end;
    at = end - 1;
  }
  return found;
}

/** Mailboxes that belong to an organisation rather than a person. */
const ROLE_MAILBOXES = new Set([
  'info', 'enquiries', 'enquiry', 'admin', 'office', 'reception', 'bookings', 'booking', 'hello', 'contact',
  'referrals', 'team', 'rj', 'support', 'noreply', 'no-reply', 'donotreply', 'helpdesk', 'general', 'mail',
]);

export function isRoleMailbox(address: string): boolean {
  const local = address.split('@')[0];
  return ROLE_MAILBOXES.has(local) || ROLE_MAILBOXES.has(local.split(/[._-]/)[0]);
}
