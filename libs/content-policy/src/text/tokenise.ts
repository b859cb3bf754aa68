import { isEnglishWord } from './english-words';
import { allMatches } from './matches';
import { Vocabulary } from './vocabulary';

export interface Token {
  /** What the rules read: lower case, contractions expanded, text-speak and misspelt keywords resolved. */
  word: string;
  /** Lower case as written, then its leetspeak readings: what names are matched against. */
  forms: readonly string[];
  /** Written as a common English word, a word of the rules or a number: never a misspelt name. */
  known: boolean;
  /** Written with a capital first letter (and not in all capitals). */
  capitalised: boolean;
  sentenceStart: boolean;
  /** Came from a contraction ("'s", "not"): part of the word before it, never a spaced-out letter. */
  bound: boolean;
  /** Punctuation (a comma, a bracket, a colon) stands between this token and the one before. */
  afterPunctuation: boolean;
}

/** The token that stands between sentences; rules never match across it. */
export const SENTENCE_BREAK = '|';

const SCAN_RE = /([A-Za-z0-9@$]+(?:['|!][A-Za-z0-9@$]+)*)|([.!?;]+(?=[\s"')\]]|$)|\n)/g;
// A full stop after these does not end the sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'no', 'tel', 'approx', 'mx', 'prof', 'rd', 'ave', 'nr', 'opp']);
const ALNUM_ONLY_RE = /^[a-z0-9@$]+$/;

function breakToken(): Token {
  return { word: SENTENCE_BREAK, forms: [SENTENCE_BREAK], known: true, capitalised: false, sentenceStart: false, bound: false, afterPunctuation: true };
}

function hasPunctuation(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // anything but whitespace and apostrophes
    if (c > 32 && c !== 39) return true;
  }
  return false;
}

const isUpper = (c: number) => c >= 65 && c <= 90;

/** "Sarah", "St", "I": a capital first letter, and not a word in capitals ("STOP", "HMP"). */
function isCapitalised(raw: string): boolean {
  if (!isUpper(raw.charCodeAt(0))) return false;
  for (let i = 1; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!isUpper(c) && !(c >= 48 && c <= 57)) return true;
  }
  return raw.length === 1;
}

/** Splits folded, masked text into the tokens the rules read. */
export function tokenise(text: string, vocabulary: Vocabulary): Token[] {
  const tokens: Token[] = [];
  let atStart = true;
  let lastEnd = 0;
  const source = text.includes('£') ? text.replace(/£\s?(?=\d)/g, ' gbp ') : text;
  for (const m of allMatches(SCAN_RE, source)) {
    const afterPunctuation = hasPunctuation(source, lastEnd, m.index);
    lastEnd = m.index + m[0].length;
    if (m[2] !== undefined) {
      const previous = tokens[tokens.length - 1];
      if (!previous || previous.word === SENTENCE_BREAK) continue;
      if (m[2] === '.' && ABBREVIATIONS.has(previous.forms[0])) continue;
      tokens.push(breakToken());
      atStart = true;
      continue;
    }
    const raw = m[1];
    const parts = vocabulary.read(raw.toLowerCase());
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      tokens.push({
        word: part.word,
        forms: part.forms,
        known: part.known,
        capitalised: i === 0 && isCapitalised(raw),
        sentenceStart: i === 0 && atStart,
        bound: i > 0,
        afterPunctuation: i === 0 && afterPunctuation,
      });
    }
    atStart = false;
  }
  return mergeSplitWords(joinSpacedLetters(tokens, vocabulary), vocabulary);
}

function merged(first: Token, written: string, vocabulary: Vocabulary): Token {
  const [reading] = vocabulary.read(written);
  return { ...first, word: reading.word, forms: reading.forms, known: reading.known, bound: false };
}

function isSingleCharacter(token: Token): boolean {
  return token.forms[0].length === 1 && !token.bound && ALNUM_ONLY_RE.test(token.forms[0]);
}

/** "s a r a h", "r.o.b.b.e.r.y": three or more single characters in a row are one word. */
function joinSpacedLetters(tokens: Token[], vocabulary: Vocabulary): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && isSingleCharacter(tokens[j])) j++;
    const run = j - i >= 3 ? tokens.slice(i, j) : [];
    if (run.filter((t) => /[a-z]/.test(t.forms[0])).length >= 2) {
      out.push(merged(run[0], run.map((t) => t.forms[0]).join(''), vocabulary));
      i = j;
    } else {
      out.push(tokens[i]);
      i++;
    }
  }
  return out;
}

/** "rob bery", "as sault": two pieces that make a keyword, when they are not both real words. */
function mergeSplitWords(tokens: Token[], vocabulary: Vocabulary): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (b && !(a.known && b.known) && !a.bound && !b.bound && a.word !== SENTENCE_BREAK && b.word !== SENTENCE_BREAK) {
      const joined = a.forms[0] + b.forms[0];
      if (vocabulary.has(joined) && !(isEnglishWord(a.forms[0]) && isEnglishWord(b.forms[0]))) {
        out.push(merged(a, joined, vocabulary));
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
