import { DateTime, IANAZone } from 'luxon';
import { PolicyConfig } from '../config';
import { CasePeople } from '../people/case-people';
import { otherFormsOf } from '../people/nicknames';
import { normalisePhone } from '../people/phone-numbers';
import { foldText } from '../text/fold';
import { Venue, VenuePart, venueText } from './venues';

export type Language = 'en' | 'cy';

/**
 * What a template slot may hold. There is no free-text slot: every value is either rendered by us
 * (a date, a numbered list of dates, a small number), looked up (a venue), or checked against the
 * case (a name, a phone number, a link).
 */
export type SlotType =
  | { type: 'datetime' }
  | { type: 'datetime-list' }
  | { type: 'number' }
  | { type: 'venue'; part: VenuePart }
  | { type: 'recipient-first-name' }
  | { type: 'facilitator-name' }
  | { type: 'facilitator-phone' }
  | { type: 'service-phone' }
  | { type: 'link' };

export type SlotValue = string | number | { instant: string; timeZone: string } | { instants: string[]; timeZone: string };

export interface SlotContext {
  language: Language;
  people: CasePeople;
  venues: ReadonlyMap<string, Venue>;
  config: PolicyConfig;
}

/** The rendered text of a slot, or the reason its value is refused. */
export type SlotResult = { ok: true; text: string } | { ok: false; problem: string };

const DATE_FORMATS: Record<Language, string> = {
  en: "cccc d LLLL yyyy 'at' HH:mm",
  cy: "cccc d LLLL yyyy 'am' HH:mm",
};

/** A list's short form, the same in both languages (weekday and month abbreviated by locale): "Tue 17 Mar 10:30". */
const LIST_DATE_FORMAT = 'ccc d LLL HH:mm';

/** The largest number a number slot takes: a count or a position, never long enough to be a phone number or an id. */
const MAX_NUMBER = 999;

const refuse = (problem: string): SlotResult => ({ ok: false, problem });
const fold = (s: string) => foldText(s).trim().toLowerCase();

/** An instant in a zone, in a format and language; or why not. */
function formatInstant(instant: string, timeZone: string, language: Language, format: string): SlotResult {
  const at = DateTime.fromISO(instant, { setZone: true });
  if (!at.isValid || !/(?:Z|[+-]\d\d:?\d\d)$/.test(instant)) return refuse('instant must be an ISO 8601 date-time with an offset');
  return { ok: true, text: at.setZone(timeZone).setLocale(language).toFormat(format) };
}

// One zone kept per name, its validity found once (isValidZone builds an Intl formatter on every call).
const knownZone = (timeZone: string) => IANAZone.create(timeZone).isValid;

function renderDate(value: SlotValue, language: Language): SlotResult {
  if (typeof value !== 'object' || !('instant' in value) || typeof value.instant !== 'string' || typeof value.timeZone !== 'string') {
    return refuse('must be { instant, timeZone }');
  }
  if (!knownZone(value.timeZone)) return refuse(`unknown time zone ${value.timeZone}`);
  return formatInstant(value.instant, value.timeZone, language, DATE_FORMATS[language]);
}

/** Times numbered from 1 in the order given, one a line ("1) Tue 17 Mar 10:30"): short enough for an SMS. */
function renderDateList(value: SlotValue, language: Language): SlotResult {
  if (typeof value !== 'object' || !('instants' in value) || !Array.isArray(value.instants) || !value.instants.every((i) => typeof i === 'string') || typeof value.timeZone !== 'string') {
    return refuse('must be { instants, timeZone }');
  }
  if (value.instants.length === 0) return refuse('must list at least one time');
  if (!knownZone(value.timeZone)) return refuse(`unknown time zone ${value.timeZone}`);
  const lines: string[] = [];
  for (const [index, instant] of value.instants.entries()) {
    const line = formatInstant(instant, value.timeZone, language, LIST_DATE_FORMAT);
    if (!line.ok) return line;
    lines.push(`${index + 1}) ${line.text}`);
  }
  return { ok: true, text: lines.join('\n') };
}

function renderNumber(value: SlotValue): SlotResult {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_NUMBER
    ? { ok: true, text: String(value) }
    : refuse(`must be a whole number from 0 to ${MAX_NUMBER}`);
}

function ownPeople(context: SlotContext) {
  return context.people.persons.filter((p) => p.own && p.id !== context.people.recipient?.id);
}

function renderText(type: SlotType, value: SlotValue, context: SlotContext): SlotResult {
  if (typeof value !== 'string') return refuse('must be a string');
  switch (type.type) {
    case 'venue': {
      const venue = context.venues.get(value);
      if (!venue) return refuse(`no venue ${value} in the registry`);
      const text = venueText(venue, type.part);
      return text ? { ok: true, text } : refuse(`venue ${value} has no ${type.part}`);
    }
    case 'recipient-first-name': {
      const given = context.people.recipient?.names.given[0];
      const allowed = given ? [given, ...otherFormsOf(given)] : [];
      return allowed.includes(fold(value)) ? { ok: true, text: value.trim() } : refuse("must be the recipient's own first name");
    }
    case 'facilitator-name': {
      const names = ownPeople(context).flatMap((p) => [p.names.given[0], [...p.names.given, p.names.surname[0]].join(' ')]);
      return names.includes(fold(value).replace(/\s+/g, ' ')) ? { ok: true, text: value.trim() } : refuse("must be the name of one of the recipient's own facilitators");
    }
    case 'facilitator-phone': {
      const phone = normalisePhone(value);
      return phone && ownPeople(context).some((p) => p.phone === phone) ? { ok: true, text: value.trim() } : refuse("must be the phone number of one of the recipient's own facilitators");
    }
    case 'service-phone': {
      const phone = normalisePhone(value);
      return phone && context.config.servicePhones.some((s) => normalisePhone(s) === phone) ? { ok: true, text: value.trim() } : refuse("must be one of the service's configured numbers");
    }
    case 'link':
      return checkLink(value, context.config);
    default:
      return refuse('is not a text slot');
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

function checkLink(value: string, config: PolicyConfig): SlotResult {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse('must be a URL');
  }
  if (url.username || url.password) return refuse('must be an https link without credentials');
  if (isUnder(url, config.publicBaseUrl)) {
    // The deployment's own link: https, or plain http on a local run (never in production).
    const localHttp = url.protocol === 'http:' && config.localHttpLinks === true && LOCAL_HOSTS.has(url.hostname);
    return url.protocol === 'https:' || localHttp ? { ok: true, text: url.toString() } : refuse('must be an https link without credentials (plain http only to localhost or 127.0.0.1 outside production)');
  }
  if (url.protocol !== 'https:') return refuse('must be an https link without credentials');
  const host = url.hostname.toLowerCase();
  const ours = config.linkDomains.some((d) => host === d.toLowerCase() || host.endsWith(`.${d.toLowerCase()}`));
  return ours ? { ok: true, text: url.toString() } : refuse(`host ${host} is not one of the service's link domains`);
}

/** Whether a link is under the deployment's public base URL: same scheme, host and port, and within its path. */
function isUnder(url: URL, base: string | undefined): boolean {
  if (!base) return false;
  const root = new URL(base);
  const path = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
  return url.origin === root.origin && (url.pathname === root.pathname || url.pathname.startsWith(path));
}

/** Renders one slot's value, or says why the value is refused. */
export function renderSlot(type: SlotType, value: SlotValue | undefined, context: SlotContext): SlotResult {
  if (value === undefined) return refuse('is missing');
  switch (type.type) {
    case 'datetime':
      return renderDate(value, context.language);
    case 'datetime-list':
      return renderDateList(value, context.language);
    case 'number':
      return renderNumber(value);
    default:
      return renderText(type, value, context);
  }
}
