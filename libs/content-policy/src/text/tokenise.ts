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

/** A word as written, before it is read: what spaced-out letters are joined from. */
interface Written {
  lower: string;
  capitalised: boolean;
  sentenceStart: boolean;
  afterPunctuation: boolean;
}

/** Splits folded, masked text into the tokens the rules read. */
export function tokenise(text: string, vocabulary: Vocabulary): Token[] {
  const tokens: Token[] = [];
  for (const w of joinSpacedLetters(scan(text))) {
    if (w === SENTENCE_BREAK) {
      tokens.push(breakToken());
      continue;
    }
    const parts = vocabulary.read(w.lower);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      tokens.push({
        word: part.word,
        forms: part.forms,
        known: part.known,
        capitalised: i === 0 && w.capitalised,
        sentenceStart: i === 0 && w.sentenceStart,
        bound: i > 0,
        afterPunctuation: i === 0 && w.afterPunctuation,
      });
    }
  }
  return mergeSplitWords(tokens, vocabulary);
}

function scan(text: string): (Written | typeof SENTENCE_BREAK)[] {
  const out: (Written | typeof SENTENCE_BREAK)[] = [];
  let atStart = true;
  let lastEnd = 0;
  const source = text.includes('£') ? text.replace(/£\s?(?=\d)/g, ' gbp ') : text;
  for (const m of allMatches(SCAN_RE, source)) {
    const afterPunctuation = hasPunctuation(source, lastEnd, m.index);
    lastEnd = m.index + m[0].length;
    if (m[2] !== undefined) {
      const previous = out[out.length - 1];
      if (!previous || previous === SENTENCE_BREAK) continue;
      if (m[2] === '.' && ABBREVIATIONS.has(previous.lower)) continue;
      out.push(SENTENCE_BREAK);
      atStart = true;
      continue;
    }
    out.push({ lower: m[1].toLowerCase(), capitalised: isCapitalised(m[1]), sentenceStart: atStart, afterPunctuation });
    atStart = false;
  }
  return out;
}

const isSingleCharacter = (w: Written | typeof SENTENCE_BREAK): w is Written => w !== SENTENCE_BREAK && w.lower.length === 1 && ALNUM_ONLY_RE.test(w.lower);

/** "s a r a h", "r.o.b.b.e.r.y": three or more single characters in a row, two of them letters, are one word. */
function joinSpacedLetters(words: (Written | typeof SENTENCE_BREAK)[]): (Written | typeof SENTENCE_BREAK)[] {
  const out: (Written | typeof SENTENCE_BREAK)[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j < words.length && isSingleCharacter(words[j])) j++;
    const run = (j - i >= 3 ? words.slice(i, j) : []) as Written[];
    if (run.filter((w) => /[a-z]/.test(w.lower)).length >= 2) {
      out.push({ ...run[0], lower: run.map((w) => w.lower).join('') });
      i = j;
    } else {
      out.push(words[i]);
      i++;
    }
  }
  return out;
}

function merged(first: Token, written: string, vocabulary: Vocabulary): Token {
  const [reading] = vocabulary.read(written);
  return { ...first, word: reading.word, forms: reading.forms, known: reading.known, bound: false };
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
