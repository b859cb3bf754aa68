import { deletions, withinOneEdit } from './edit-distance';
import { isEnglishWord } from './english-words';
import { memoise } from './memoise';
import { expandContraction, TEXTING } from './texting';

/** One word as read: see Token. */
export interface WordReading {
  word: string;
  forms: readonly string[];
  known: boolean;
}

/** A word cut from a text, in lower case, and as read (see Vocabulary.read). */
export interface WrittenWord {
  lower: string;
  parts: readonly WordReading[];
}

const WORD_SLOTS = 1 << 15;
const isUpper = (c: number) => c >= 65 && c <= 90;
// Only ASCII reaches the table (see the tokeniser's word characters): lower case is one bit.
const lowerCode = (c: number) => (isUpper(c) ? c | 32 : c);

/** Does `text` at `from` spell the lower-case `word`, whatever its case? */
function spells(word: string, text: string, from: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== lowerCode(text.charCodeAt(from + k))) return false;
  return true;
}

/** Shortest keyword matched with one edit of tolerance: shorter ones are too close to ordinary words. */
const FUZZY_MIN_KEYWORD = 6;
const FUZZY_MIN_TOKEN = 5;

// Leetspeak: one reading per character, with 1 and | read as either i or l.
const LEET: Record<string, string[]> = {
  '0': ['o'], '1': ['i', 'l'], '3': ['e'], '4': ['a'], '5': ['s'], '7': ['t'], '8': ['b'], '9': ['g'],
  '@': ['a'], $: ['s'], '|': ['l', 'i'], '!': ['i'],
};
const LEET_RE = /[01345789@$|!]/;
// Postcode halves ("7ag", "me13"), times and ordinals ("6pm", "12th") are not leetspeak.
const CODE_RE = /^(?:\d[a-z]{2}|[a-z]{1,2}\d{2}[a-z]?|\d+(?:am|pm|st|nd|rd|th|h|hr|hrs|min|mins|k|m|km|mph)?)$/;
const LETTER_RE = /[a-z]/;
const PLACEHOLDER_RE = /^zz(?:phone|email|link)$/;

/**
 * The words the rules are written in. A token written with leetspeak, repeated letters or one
 * typing slip is read as the keyword it stands for, unless it is itself a common English word.
 */
export class Vocabulary {
  private readonly words: ReadonlySet<string>;
  /** Every proper prefix of a word: what a keyword cut in two can start with. */
  private readonly prefixes = new Set<string>();
  private readonly nearMisses = new Map<string, string[]>();
  /** The keyword a lower-case token stands for, or the token itself. */
  readonly resolve = memoise((token: string) => this.lookUp(token), 50_000);
  /**
   * A lower-case token as the rules read it: text-speak and contractions spelt out (so one token
   * may be several words), each word resolved to the keyword it stands for.
   */
  readonly read = memoise((token: string) => this.readWords(token), 50_000);
  /** Words read before, by the hash of their lower-case characters (open addressing). */
  private readonly written: (WrittenWord | undefined)[] = new Array<WrittenWord | undefined>(WORD_SLOTS).fill(undefined);
  private writtenCount = 0;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const word of this.words) {
      for (let i = 1; i < word.length; i++) this.prefixes.add(word.slice(0, i));
      if (word.length < FUZZY_MIN_KEYWORD) continue;
      for (const key of [word, ...deletions(word)]) {
        const list = this.nearMisses.get(key);
        if (list) list.push(word);
        else this.nearMisses.set(key, [word]);
      }
    }
  }

  /**
   * The ASCII word at text[from, to), as read. A word met before is found from its characters
   * without cutting out, lower-casing and hashing a new string; forgotten all at once when half full.
   */
  readAt(text: string, from: number, to: number): WrittenWord {
    let hash = 0;
    for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + lowerCode(text.charCodeAt(i))) | 0;
    let slot = hash & (WORD_SLOTS - 1);
    for (let known = this.written[slot]; known !== undefined; known = this.written[slot]) {
      if (known.lower.length === to - from && spells(known.lower, text, from)) return known;
      slot = (slot + 1) & (WORD_SLOTS - 1);
    }
    if (this.writtenCount >= WORD_SLOTS / 2) {
      this.written.fill(undefined);
      this.writtenCount = 0;
      slot = hash & (WORD_SLOTS - 1);
    }
    const lower = text.slice(from, to).toLowerCase();
    const word: WrittenWord = { lower, parts: this.read(lower) };
    this.written[slot] = word;
    this.writtenCount++;
    return word;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /** Could `piece`, with something after it, be one of the words? */
  startsWord(piece: string): boolean {
    return this.prefixes.has(piece);
  }

  private readWords(token: string): WordReading[] {
    const spelled = TEXTING[token] ?? (token.includes("'") ? expandContraction(token) : token);
    return spelled.split(' ').map((part) => ({
      word: this.resolve(part),
      forms: readings(part),
      // placeholders of masked details (zzphone...) are no one's misspelt name either
      known: /^\d+$/.test(part) || this.words.has(part) || isEnglishWord(part) || PLACEHOLDER_RE.test(part),
    }));
  }

  private lookUp(token: string): string {
    if (this.words.has(token) || !LETTER_RE.test(token)) return token;
    for (const reading of readings(token)) {
      if (this.words.has(reading)) return reading;
      const squeezed = reading.replace(/(.)\1\1+/g, '$1$1');
      if (this.words.has(squeezed)) return squeezed;
      const near = this.nearest(squeezed);
      if (near) return near;
    }
    return token;
  }

  private nearest(token: string): string | undefined {
    if (token.length < FUZZY_MIN_TOKEN || !/^[a-z]+$/.test(token) || isEnglishWord(token)) return undefined;
    for (const key of [token, ...deletions(token)]) {
      for (const word of this.nearMisses.get(key) ?? []) if (withinOneEdit(token, word)) return word;
    }
    return undefined;
  }
}

/** The token as written, then its leetspeak readings (at most eight). */
export function readings(token: string): string[] {
  if (!LEET_RE.test(token) || CODE_RE.test(token)) return [token];
  let out = [''];
  for (const ch of token) {
    const options = LEET[ch] ?? [ch];
    out = out.length * options.length > 8 ? out.map((s) => s + options[0]) : out.flatMap((s) => options.map((o) => s + o));
  }
  return [token, ...out];
}
