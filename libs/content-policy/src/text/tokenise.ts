import { isEnglishWord } from './english-words';
import { Vocabulary, WordReading } from './vocabulary';

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

// A full stop after these does not end the sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'no', 'tel', 'approx', 'mx', 'prof', 'rd', 'ave', 'nr', 'opp']);
const ALNUM_ONLY_RE = /^[a-z0-9@$]+$/;

/** Every token is made here, so that all have one shape (the hot loops read them by the million). */
function token(word: string, forms: readonly string[], known: boolean, capitalised: boolean, sentenceStart: boolean, bound: boolean, afterPunctuation: boolean): Token {
  return { word, forms, known, capitalised, sentenceStart, bound, afterPunctuation };
}

const BREAK_FORMS: readonly string[] = [SENTENCE_BREAK];
const OUTWARD_CODE_RE = /^[a-z]{1,2}\d[a-z\d]?$/;
const INWARD_CODE_RE = /^\d[a-z]{2}$/;

function hasPunctuation(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // anything but whitespace and apostrophes
    if (c > 32 && c !== 39) return true;
  }
  return false;
}

const isUpper = (c: number) => c >= 65 && c <= 90;

/** "Sarah", "St", "I" at text[from, to): a capital first letter, and not a word in capitals ("STOP", "HMP"). */
function isCapitalised(text: string, from: number, to: number): boolean {
  if (!isUpper(text.charCodeAt(from))) return false;
  for (let i = from + 1; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isUpper(c) && !(c >= 48 && c <= 57)) return true;
  }
  return to - from === 1;
}

/** A word as written, before it is read: what spaced-out letters are joined from. */
interface Written {
  lower: string;
  parts: readonly WordReading[];
  capitalised: boolean;
  sentenceStart: boolean;
  afterPunctuation: boolean;
}

/** Splits folded, masked text into the tokens the rules read. */
export function tokenise(text: string, vocabulary: Vocabulary): Token[] {
  const tokens: Token[] = [];
  const written = scan(text, vocabulary);
  const words = written.longestSingles >= 3 ? joinSpacedLetters(written.words, vocabulary) : written.words;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w === SENTENCE_BREAK) {
      tokens.push(token(SENTENCE_BREAK, BREAK_FORMS, true, false, false, false, true));
      continue;
    }
    const next = words[k + 1];
    if (next !== undefined && next !== SENTENCE_BREAK && next.lower.length === 3 && INWARD_CODE_RE.test(next.lower) && OUTWARD_CODE_RE.test(w.lower)) {
      // the first half of a postcode ("YO1 7QA"), not leetspeak
      tokens.push(token(w.lower, [w.lower], false, w.capitalised, w.sentenceStart, false, w.afterPunctuation));
      continue;
    }
    const parts = w.parts;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const first = i === 0;
      tokens.push(token(part.word, part.forms, part.known, first && w.capitalised, first && w.sentenceStart, !first, first && w.afterPunctuation));
    }
  }
  return mergeSplitWords(tokens, vocabulary);
}

// Character classes of the scanner, by code unit: a letter or digit of a word (A-Z a-z 0-9 @ $),
// what joins two pieces of one word (' | !), what ends a sentence (. ! ? ;).
const WORD_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@$') WORD_CHAR[c.charCodeAt(0)] = 1;
const isWordChar = (c: number) => c < 128 && WORD_CHAR[c] === 1;
const isJoiner = (c: number) => c === 39 || c === 124 || c === 33;
const isStop = (c: number) => c === 46 || c === 33 || c === 63 || c === 59;
const WHITESPACE_RE = /\s/;
/** What may follow the stops that end a sentence: white space, a closing quote or bracket, or the end. */
function endsSentence(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  if (c === 32 || (c >= 9 && c <= 13) || c === 34 || c === 39 || c === 41 || c === 93) return true;
  return c > 127 && WHITESPACE_RE.test(text[at]);
}

/**
 * Words and sentence breaks, left to right. A word is a run of word characters, pieces joined by
 * an apostrophe, "|" or "!" ("don't", "r!ch"); a sentence ends at a run of stops followed by white
 * space, a closing quote or bracket, or the end, and at a line break.
 */
function scan(text: string, vocabulary: Vocabulary): { words: (Written | typeof SENTENCE_BREAK)[]; longestSingles: number } {
  const out: (Written | typeof SENTENCE_BREAK)[] = [];
  // the longest run of one-character words: spaced-out letters need three
  let singles = 0;
  let longestSingles = 0;
  let atStart = true;
  let lastEnd = 0;
  const source = text.includes('£') ? text.replace(/£\s?(?=\d)/g, ' gbp ') : text;
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isWordChar(c)) {
      let end = i + 1;
      for (;;) {
        while (end < n && isWordChar(source.charCodeAt(end))) end++;
        if (end + 1 < n && isJoiner(source.charCodeAt(end)) && isWordChar(source.charCodeAt(end + 1))) end += 2;
        else break;
      }
      const word = vocabulary.readAt(source, i, end);
      singles = end === i + 1 ? singles + 1 : 0;
      if (singles > longestSingles) longestSingles = singles;
      out.push({ lower: word.lower, parts: word.parts, capitalised: isCapitalised(source, i, end), sentenceStart: atStart, afterPunctuation: hasPunctuation(source, lastEnd, i) });
      atStart = false;
      lastEnd = end;
      i = end;
      continue;
    }
    let end = -1;
    if (c === 10) end = i + 1;
    else if (isStop(c)) {
      let stops = i + 1;
      while (stops < n && isStop(source.charCodeAt(stops))) stops++;
      if (endsSentence(source, stops)) end = stops;
      // no shorter run can end a sentence either: a stop follows it
      else i = stops - 1;
    }
    if (end < 0) {
      i++;
      continue;
    }
    const previous = out[out.length - 1];
    const single = c === 46 && end === i + 1;
    lastEnd = end;
    i = end;
    if (!previous || previous === SENTENCE_BREAK) continue;
    if (single && ABBREVIATIONS.has(previous.lower)) continue;
    singles = 0;
    out.push(SENTENCE_BREAK);
    atStart = true;
  }
  return { words: out, longestSingles };
}

const isSingleCharacter = (w: Written | typeof SENTENCE_BREAK): w is Written => w !== SENTENCE_BREAK && w.lower.length === 1 && ALNUM_ONLY_RE.test(w.lower);

/** "s a r a h", "r.o.b.b.e.r.y": three or more single characters in a row, two of them letters, are one word. */
function joinSpacedLetters(words: (Written | typeof SENTENCE_BREAK)[], vocabulary: Vocabulary): (Written | typeof SENTENCE_BREAK)[] {
  const out: (Written | typeof SENTENCE_BREAK)[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j < words.length && isSingleCharacter(words[j])) j++;
    const run = (j - i >= 3 ? words.slice(i, j) : []) as Written[];
    if (run.filter((w) => /[a-z]/.test(w.lower)).length >= 2) {
      const lower = run.map((w) => w.lower).join('');
      out.push({ ...run[0], lower, parts: vocabulary.read(lower) });
      i = j;
    } else {
      out.push(words[i]);
      i++;
    }
  }
  return out;
}

/** "rob bery", "as sault": two pieces that make a keyword, when they are not both real words. Works in place. */
function mergeSplitWords(tokens: Token[], vocabulary: Vocabulary): Token[] {
  let kept = 0;
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    // Each piece has two letters at least: "Hi V" is a greeting, not "hiv".
    if (b !== undefined && !(a.known && b.known) && !a.bound && !b.bound && a.word !== SENTENCE_BREAK && b.word !== SENTENCE_BREAK && a.forms[0].length > 1 && b.forms[0].length > 1 && vocabulary.startsWord(a.forms[0])) {
      const joined = a.forms[0] + b.forms[0];
      if (vocabulary.has(joined) && !(isEnglishWord(a.forms[0]) && isEnglishWord(b.forms[0]))) {
        const [reading] = vocabulary.read(joined);
        tokens[kept++] = token(reading.word, reading.forms, reading.known, a.capitalised, a.sentenceStart, false, a.afterPunctuation);
        i++;
        continue;
      }
    }
    tokens[kept++] = a;
  }
  tokens.length = kept;
  return tokens;
}
