import { PolicyConfig } from '../config';
import { Message, Participant } from '../model';
import { foldText } from '../text/fold';
import { withinOneEdit } from '../text/edit-distance';
import { isEnglishWord } from '../text/english-words';
import { memoise } from '../text/memoise';
import { HomeAddress, parseHomeAddress } from './home-addresses';
import { otherFormsOf } from './nicknames';
import { normalisePhone } from './phone-numbers';

/** One participant as the rules see them. */
export interface CasePerson {
  id: string;
  role: string;
  /** The recipient, or one of the recipient's own facilitators or coordinators. */
  own: boolean;
  given: string[];
  surname: string[];
  phone?: string;
  email?: string;
  home?: HomeAddress;
}

export type NameKind = 'given' | 'short' | 'surname';

export interface NameEntry {
  person: CasePerson;
  kind: NameKind;
  /** The name is also an English word ("Will", "Grace", "Hall"): it counts only where written as a name. */
  commonWord: boolean;
}

const OWN_ROLE_RE = /facilitator|coordinator/i;
/** Shortest name matched with one edit of tolerance. */
const FUZZY_MIN_NAME = 5;

function nameWords(name: string): string[] {
  return foldText(name).toLowerCase().replace(/'/g, '').split(/[^a-z0-9]+/).filter(Boolean);
}

// Particles of surnames ("de la Cruz", "van Dijk") are not names on their own.
const PARTICLES = new Set(['de', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'del', 'bin', 'ibn', 'al', 'el']);

/** "Samir O'Sullivan" → given ["samir"], surname ["osullivan", "sullivan"]; "Ana Smith-Jones" → ["smith", "jones", "smithjones"]. */
const splitName = memoise((name: string): { given: string[]; surname: string[] } => {
  const written = name.trim().split(/\s+/).filter(Boolean);
  if (written.length < 2) return { given: written.flatMap(nameWords), surname: [] };
  const last = written[written.length - 1];
  const surname = new Set(nameWords(last));
  surname.add(nameWords(last).join(''));
  for (const part of foldText(last).toLowerCase().split(/[^a-z]+/)) if (part.length >= 3) surname.add(part);
  const given = written.slice(0, -1).flatMap(nameWords).filter((w) => !PARTICLES.has(w));
  return { given, surname: [...surname] };
});
const homeAddress = memoise(parseHomeAddress);

function person(p: Participant, recipientId: string): CasePerson {
  return {
    id: p.id,
    role: p.role,
    own: p.id === recipientId || OWN_ROLE_RE.test(p.role),
    ...splitName(p.name ?? ''),
    phone: p.phone ? normalisePhone(p.phone) : undefined,
    email: p.email?.trim().toLowerCase(),
    home: p.address ? homeAddress(p.address) : undefined,
  };
}

/** Everything about a case's people that the rules consult, built once per recipient and case. */
export class CasePeople {
  readonly persons: CasePerson[];
  readonly recipient?: CasePerson;
  readonly names = new Map<string, NameEntry[]>();
  private namesByLength?: Map<number, string[]>;
  readonly ownPhones = new Set<string>();
  readonly otherPhones = new Map<string, CasePerson>();
  readonly ownEmails = new Set<string>();
  readonly otherEmails = new Map<string, CasePerson>();
  readonly serviceEmailDomains: Set<string>;
  /** The recipient arranges sessions inside prisons (see PolicyConfig.prisonProfessionalRoles). */
  readonly recipientWorksWithPrisons: boolean;

  constructor(message: Pick<Message, 'recipient' | 'participants'>, config: PolicyConfig) {
    this.persons = message.participants.map((p) => person(p, message.recipient.id));
    this.recipient = this.persons.find((p) => p.id === message.recipient.id);
    const role = this.recipient?.role ?? message.recipient.role ?? '';
    this.recipientWorksWithPrisons = config.prisonProfessionalRoles.includes(role);
    this.serviceEmailDomains = new Set(config.serviceEmailDomains.map((d) => d.toLowerCase()));
    for (const phone of config.servicePhones) {
      const e164 = normalisePhone(phone);
      if (e164) this.ownPhones.add(e164);
    }
    // Own people first, so that a name shared with the recipient or a facilitator reads as theirs.
    const ordered = [...this.persons.filter((p) => p.own), ...this.persons.filter((p) => !p.own)];
    for (const p of ordered) this.index(p);
  }

  private index(p: CasePerson): void {
    if (p.phone) {
      if (p.own) this.ownPhones.add(p.phone);
      else if (!this.ownPhones.has(p.phone)) this.otherPhones.set(p.phone, p);
    }
    if (p.email) {
      if (p.own) this.ownEmails.add(p.email);
      else if (!this.ownEmails.has(p.email)) this.otherEmails.set(p.email, p);
      // A facilitator's mail domain is the service's: its other mailboxes are the service's too.
      if (p.own && p.id !== this.recipient?.id) this.serviceEmailDomains.add(p.email.split('@')[1] ?? '');
    }
    for (const given of p.given) {
      this.add(given, p, 'given');
      for (const form of otherFormsOf(given)) this.add(form, p, 'short');
    }
    for (const surname of p.surname) this.add(surname, p, 'surname');
  }

  private add(key: string, p: CasePerson, kind: NameKind): void {
    const entries = this.names.get(key) ?? [];
    if (entries.some((e) => e.person === p)) return;
    entries.push({ person: p, kind, commonWord: isEnglishWord(key) });
    this.names.set(key, entries);
  }

  /** Names within one edit of `word` ("Sarrah", "Lucas" for "Lukas"). */
  nearbyNames(word: string): string[] {
    const byLength = (this.namesByLength ??= this.groupNamesByLength());
    const out: string[] = [];
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      for (const name of byLength.get(length) ?? []) if (withinOneEdit(word, name)) out.push(name);
    }
    return out;
  }

  // Built on first use: most messages have no unknown word long enough to need it.
  private groupNamesByLength(): Map<number, string[]> {
    const byLength = new Map<number, string[]>();
    for (const name of this.names.keys()) {
      if (name.length < FUZZY_MIN_NAME || isEnglishWord(name)) continue;
      byLength.set(name.length, [...(byLength.get(name.length) ?? []), name]);
    }
    return byLength;
  }

  others(): CasePerson[] {
    return this.persons.filter((p) => !p.own);
  }
}

export function describe(p: CasePerson): string {
  return `${p.id} (${p.role})`;
}
