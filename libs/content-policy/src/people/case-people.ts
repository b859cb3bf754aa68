import { PolicyConfig } from '../config';
import { Message, Participant } from '../model';
import { foldText } from '../text/fold';
import { withinOneEdit } from '../text/edit-distance';
import { isEnglishWord } from '../text/english-words';
import { memoise } from '../text/memoise';
import { HomeAddress, parseHomeAddress } from './home-addresses';
import { hasOtherForms, otherFormsOf } from './nicknames';
import { normalisePhone } from './phone-numbers';

/** One participant as the rules see them. */
export interface CasePerson {
  id: string;
  role: string;
  /** The recipient, or one of the recipient's own facilitators or coordinators. */
  own: boolean;
  names: NameFacts;
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
function splitName(name: string): { given: string[]; surname: string[] } {
  const written = name.trim().split(/\s+/).filter(Boolean);
  if (written.length < 2) return { given: written.flatMap(nameWords), surname: [] };
  const last = written[written.length - 1];
  const surname = new Set(nameWords(last));
  surname.add(nameWords(last).join(''));
  for (const part of foldText(last).toLowerCase().split(/[^a-z]+/)) if (part.length >= 3) surname.add(part);
  const given = written.slice(0, -1).flatMap(nameWords).filter((w) => !PARTICLES.has(w));
  return { given, surname: [...surname] };
}


/** What a written name gives the index, worked out once per name: most cases recur in a stream. */
export interface NameFacts {
  given: string[];
  surname: string[];
  /** Each given name and surname is also an English word. */
  givenCommon: boolean[];
  surnameCommon: boolean[];
  /** For every given name, short form and surname, its first letter (0 for a) and a bit for its length. */
  shapes: number[];
  /** Given names, their short forms and surnames that one typing slip may reach: long, and no English word. */
  misspellable: readonly string[];
}

const nameFacts = memoise((name: string): NameFacts => {
  const { given, surname } = splitName(name);
  const names = new Set<string>();
  for (const g of given) {
    names.add(g);
    for (const form of otherFormsOf(g)) names.add(form);
  }
  for (const s of surname) names.add(s);
  const shapes: number[] = [];
  for (const n of names) {
    const letter = n.charCodeAt(0) - 97;
    if (letter >= 0 && letter < 26 && n.length < 32) shapes.push(letter, 1 << n.length);
  }
  return {
    given,
    surname,
    givenCommon: given.map(isEnglishWord),
    surnameCommon: surname.map(isEnglishWord),
    shapes,
    misspellable: [...names].filter((n) => n.length >= FUZZY_MIN_NAME && !isEnglishWord(n)),
  };
});
const homeAddress = memoise(parseHomeAddress);
const phoneNumber = memoise(normalisePhone);

function person(p: Participant, recipientId: string): CasePerson {
  const names = nameFacts(p.name ?? '');
  return {
    id: p.id,
    role: p.role,
    own: p.id === recipientId || OWN_ROLE_RE.test(p.role),
    names,
    phone: p.phone ? phoneNumber(p.phone) : undefined,
    email: p.email?.trim().toLowerCase(),
    home: p.address ? homeAddress(p.address) : undefined,
  };
}

/** Two other participants with one number or address: the number is the later one's. */
function replaceOrAdd(list: CasePerson[], p: CasePerson, same: (q: CasePerson) => boolean): void {
  const at = list.findIndex(same);
  if (at >= 0) list[at] = p;
  else list.push(p);
}

/** Whose numbers and addresses are whose: needed only when a message carries one. */
interface ContactOwners {
  ownPhones: string[];
  otherPhones: CasePerson[];
  ownEmails: string[];
  otherEmails: CasePerson[];
  /** Mail domains of the service: an address there is the service's, whoever's name is on it. */
  serviceEmailDomains: string[];
}

/**
 * Everything about a case's people that the rules consult, built for each message: building it
 * costs less than a cache key for it would, and an index that outlives its message is copied by
 * the garbage collector until it is old. Short forms of given names are looked up in the shared
 * table when a word asks for them; numbers and addresses are indexed when a message has one.
 */
export class CasePeople {
  readonly persons: CasePerson[];
  readonly recipient?: CasePerson;
  /** Everyone but the recipient and their own facilitators. */
  readonly others: CasePerson[];
  /** The recipient arranges sessions inside prisons (see PolicyConfig.prisonProfessionalRoles). */
  readonly recipientWorksWithPrisons: boolean;
  /** Own people first, so that a name shared with the recipient or a facilitator reads as theirs. */
  private readonly ordered: CasePerson[];
  /** Given names and surnames (not short forms), each with the people who bear it. */
  private readonly names = new Map<string, NameEntry[]>();
  /** Entries of words that are short forms or family of a given name, as found on first lookup. */
  // Built on first use, but declared here: an object whose fields arrive in any order takes many
  // shapes, and every property read on it then goes through a slow lookup.
  private withShortForms?: Map<string, readonly NameEntry[]> = undefined;
  private misspellable?: string[] = undefined;
  private owners?: ContactOwners = undefined;
  /**
   * For each first letter a to z, a bit for each length (1 to 31) of a name or short form of the
   * case's people: most words of a message are ruled out by one lookup in it.
   */
  private readonly shapes: number[] = new Array<number>(26).fill(0);

  constructor(
    message: Pick<Message, 'recipient' | 'participants'>,
    private readonly config: PolicyConfig,
  ) {
    this.persons = message.participants.map((p) => person(p, message.recipient.id));
    this.recipient = this.persons.find((p) => p.id === message.recipient.id);
    this.others = this.persons.filter((p) => !p.own);
    const role = this.recipient?.role ?? message.recipient.role ?? '';
    this.recipientWorksWithPrisons = config.prisonProfessionalRoles.includes(role);
    this.ordered = [...this.persons.filter((p) => p.own), ...this.others];
    for (const p of this.ordered) {
      const facts = p.names;
      for (let k = 0; k < facts.shapes.length; k += 2) this.shapes[facts.shapes[k]] |= facts.shapes[k + 1];
      for (let k = 0; k < facts.given.length; k++) this.add(facts.given[k], p, 'given', facts.givenCommon[k]);
      for (let k = 0; k < facts.surname.length; k++) this.add(facts.surname[k], p, 'surname', facts.surnameCommon[k]);
    }
  }

  /**
   * Could `word` (lower case), or `word` with `more` characters after it, be a name or short form
   * of someone in the case? No means no.
   */
  mayName(word: string, more = 0): boolean {
    const letter = word.charCodeAt(0) - 97;
    const length = word.length + more;
    if (letter < 0 || letter >= 26 || length >= 32) return true;
    return (this.shapes[letter] & (1 << length)) !== 0;
  }

  private contactOwners(): ContactOwners {
    if (this.owners) return this.owners;
    const owners: ContactOwners = { ownPhones: [], otherPhones: [], ownEmails: [], otherEmails: [], serviceEmailDomains: this.config.serviceEmailDomains.map((d) => d.toLowerCase()) };
    for (const phone of this.config.servicePhones) {
      const e164 = phoneNumber(phone);
      if (e164) owners.ownPhones.push(e164);
    }
    for (const p of this.ordered) {
      if (p.phone) {
        if (p.own) owners.ownPhones.push(p.phone);
        else if (!owners.ownPhones.includes(p.phone)) replaceOrAdd(owners.otherPhones, p, (q) => q.phone === p.phone);
      }
      if (p.email) {
        if (p.own) owners.ownEmails.push(p.email);
        else if (!owners.ownEmails.includes(p.email)) replaceOrAdd(owners.otherEmails, p, (q) => q.email === p.email);
        // A facilitator's mail domain is the service's: its other mailboxes are the service's too.
        if (p.own && p.id !== this.recipient?.id) owners.serviceEmailDomains.push(p.email.split('@')[1] ?? '');
      }
    }
    return (this.owners = owners);
  }

  private add(key: string, p: CasePerson, kind: NameKind, commonWord: boolean): void {
    const entries = this.names.get(key);
    if (!entries) this.names.set(key, [{ person: p, kind, commonWord }]);
    else if (!entries.some((e) => e.person === p)) entries.push({ person: p, kind, commonWord });
  }

  /** Who bears `word` (lower case) as a given name, a short form of one, or a surname. */
  namesFor(word: string): readonly NameEntry[] | undefined {
    if (!this.mayName(word)) return undefined;
    // Only a word of the short-form table can stand for a given name it does not spell.
    if (!hasOtherForms(word)) return this.names.get(word);
    const known = this.withShortForms?.get(word);
    if (known) return known.length > 0 ? known : undefined;
    const entries = this.entriesWithShortForms(word);
    (this.withShortForms ??= new Map()).set(word, entries);
    return entries.length > 0 ? entries : undefined;
  }

  /** Each person once, in index order, under the first way `word` names them (given, short, surname). */
  private entriesWithShortForms(word: string): NameEntry[] {
    const entries: NameEntry[] = [];
    const commonWord = isEnglishWord(word);
    for (const p of this.ordered) {
      let kind: NameKind | undefined;
      for (const given of p.names.given) {
        if (given === word) kind = 'given';
        else if (otherFormsOf(given).includes(word)) kind = 'short';
        if (kind) break;
      }
      if (!kind && p.names.surname.includes(word)) kind = 'surname';
      if (kind) entries.push({ person: p, kind, commonWord });
    }
    return entries;
  }

  /** Names within one edit of `word` ("Sarrah", "Lucas" for "Lukas"). */
  nearbyNames(word: string): string[] {
    const names = (this.misspellable ??= this.misspellableNames());
    const out: string[] = [];
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      for (const name of names) if (name.length === length && withinOneEdit(word, name)) out.push(name);
    }
    return out;
  }

  // Built on first use: most messages have no unknown word long enough to need it.
  private misspellableNames(): string[] {
    const names: string[] = [];
    for (const p of this.ordered) for (const name of p.names.misspellable) if (!names.includes(name)) names.push(name);
    return names;
  }

  /** Another participant whose phone this is (E.164), if any. */
  phoneOwner(e164: string): CasePerson | undefined {
    return this.contactOwners().otherPhones.find((p) => p.phone === e164);
  }

  /** Another participant whose number ends with these digits, unless one of the recipient's own does too. */
  phoneEndingOwner(digits: string): CasePerson | undefined {
    const owners = this.contactOwners();
    if (owners.ownPhones.some((own) => own.endsWith(digits))) return undefined;
    return owners.otherPhones.find((p) => p.phone!.endsWith(digits));
  }

  /** The recipient's, their own people's or the service's number. */
  isOwnPhone(e164: string): boolean {
    return this.contactOwners().ownPhones.includes(e164);
  }

  /** Another participant whose address this is (lower case), if any. */
  emailOwner(address: string): CasePerson | undefined {
    return this.contactOwners().otherEmails.find((p) => p.email === address);
  }

  /** The recipient's, their own people's, or at the service's mail domain. */
  isOwnEmail(address: string): boolean {
    const owners = this.contactOwners();
    return owners.ownEmails.includes(address) || owners.serviceEmailDomains.includes(address.split('@')[1]);
  }
}

export function describe(p: CasePerson): string {
  return `${p.id} (${p.role})`;
}
