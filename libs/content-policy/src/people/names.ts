import { TITLES } from '../text/proper-nouns';
import { SENTENCE_BREAK, Token } from '../text/tokenise';
import { CasePeople, CasePerson, NameEntry } from './case-people';

/** Whose name a token is: one of the recipient's own people, another participant, or nobody's. */
export type NameLabel = 'own' | 'other' | undefined;

export interface NameScan {
  labels: NameLabel[];
  /** Other participants named, in order of first mention. */
  named: CasePerson[];
}

// After a sentence-initial "Will", "Grace" or "Mark", these make it a person rather than a word.
const PERSON_FOLLOWERS = new Set([
  'said', 'says', 'told', 'asked', 'asks', 'wants', 'wanted', 'feels', 'felt', 'has', 'had', 'is', 'was', 'would',
  's', 'and', 'agreed', 'apologised', 'apologized', 'replied', 'wrote', 'thinks', 'hopes', 'lives', 'will', 'might',
  'says', 'accepted', 'declined', 'refused', 'sends', 'sent', 'knows', 'does', 'did', 'isn', 'wasn', 'can',
]);
const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
const FUZZY_MIN_NAME = 5;
const PRISON_TITLES = new Set(['hmp', 'hmyoi', 'yoi']);

function isWrittenAsName(tokens: readonly Token[], i: number, entry: NameEntry): boolean {
  const t = tokens[i];
  const previous = tokens[i - 1];
  if (previous && TITLES.has(previous.word)) return true;
  // A month or a day is a date, whoever is called June
  if (CALENDAR.has(t.forms[0])) return false;
  if (!entry.commonWord) return true;
  if (!t.capitalised) return false;
  return !t.sentenceStart || PERSON_FOLLOWERS.has(tokens[i + 1]?.word ?? '');
}

// Most words name no one: one empty list for all of them.
const NO_ENTRIES: readonly NameEntry[] = [];

function entriesFor(token: Token, people: CasePeople): readonly NameEntry[] {
  for (const form of token.forms) {
    const entries = people.namesFor(form);
    if (entries) return entries;
  }
  const resolved = token.word === token.forms[0] ? undefined : people.namesFor(token.word);
  if (resolved) return resolved;
  const written = token.forms[0];
  // a family by its surname: "the Halls", "the Nwosus"
  const plural = token.capitalised && written.length > 3 && written.endsWith('s') ? people.namesFor(written.slice(0, -1))?.filter((e) => e.kind === 'surname') : undefined;
  if (plural?.length) return plural;
  if (token.known || written.length < FUZZY_MIN_NAME || !/^[a-z]+$/.test(written)) return NO_ENTRIES;
  const near = people.nearbyNames(written);
  return near.length === 0 ? NO_ENTRIES : near.flatMap((name) => people.namesFor(name) ?? []);
}

/** The surname of `person` at token `i`, or right after a middle initial there. */
function surnameAt(tokens: readonly Token[], i: number, person: CasePerson, people: CasePeople): number {
  for (const k of [i, i + 1]) {
    const t = tokens[k];
    if (!t || t.word === SENTENCE_BREAK) return -1;
    if (people.namesFor(t.forms[0])?.some((e) => e.person === person && e.kind === 'surname')) return k;
    if (t.forms[0].length > 1) return -1;
  }
  return -1;
}

export function findNames(tokens: readonly Token[], people: CasePeople, properNouns: readonly boolean[]): NameScan {
  const labels: NameLabel[] = new Array(tokens.length).fill(undefined);
  const named: CasePerson[] = [];
  const mark = (from: number, to: number, person: CasePerson) => {
    for (let k = from; k <= to; k++) labels[k] = person.own ? 'own' : 'other';
    if (!person.own && !named.includes(person)) named.push(person);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (labels[i] || tokens[i].word === SENTENCE_BREAK) continue;
    let entries: readonly NameEntry[] = entriesFor(tokens[i], people);
    let width = 1;
    const next = tokens[i + 1];
    if (entries.length === 0 && next && !(tokens[i].known && next.known) && !next.bound && next.word !== SENTENCE_BREAK && tokens[i].forms[0].length + next.forms[0].length >= FUZZY_MIN_NAME) {
      // a name cut in two: "Sa rah"
      const split = people.mayName(tokens[i].forms[0], next.forms[0].length) ? people.namesFor(tokens[i].forms[0] + next.forms[0]) : undefined;
      if (split) {
        entries = split;
        width = 2;
      }
    }
    if (entries.length === 0) continue;
    // A full name counts wherever it stands, even inside a place name.
    const full = entries.find((e) => e.kind !== 'surname' && surnameAt(tokens, i + width, e.person, people) >= 0);
    if (full) {
      mark(i, surnameAt(tokens, i + width, full.person, people), full.person);
      continue;
    }
    if (properNouns[i] && !TITLES.has(tokens[i - 1]?.word ?? '')) continue;
    // "HMP Berwyn": a prison named after a place, whoever shares its name
    if (PRISON_TITLES.has(tokens[i - 1]?.word ?? '')) continue;
    const usable = entries.filter((e) => isWrittenAsName(tokens, i, e));
    if (usable.length === 0) continue;
    mark(i, i + width - 1, usable.find((e) => e.person.own)?.person ?? usable[0].person);
  }
  return { labels, named };
}
