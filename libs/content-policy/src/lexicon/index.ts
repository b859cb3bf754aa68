import { Finding } from '../model';
import { allMatches } from '../text/matches';
import { SENTENCE_BREAK } from '../text/tokenise';
import { ADVICE_OR_PRESSURE } from './advice-or-pressure';
import { CASE_SUBSTANCE } from './case-substance';
import { OTHER_PARTY_VOICE } from './other-party-voice';
import { OUTCOME } from './outcome';
import { CategoryRules, CompiledRule, compileRules, ruleWords } from './pattern';
import { SENSITIVE_DATA } from './sensitive-data';
import { PRISONS, WHEREABOUTS } from './whereabouts';
import { WELSH } from './welsh';

// Sensitive data first: "you were assaulted" is the recipient's own status before it is substance.
const ALL: readonly CategoryRules[] = [SENSITIVE_DATA, OTHER_PARTY_VOICE, OUTCOME, ADVICE_OR_PRESSURE, CASE_SUBSTANCE, WHEREABOUTS, ...WELSH];

/** Every word the rules are written in. */
export const RULE_WORDS: ReadonlySet<string> = ruleWords([...ALL, PRISONS]);

/** The compiled rules, and for each word the rules that need it (see anchors.ts). */
class RuleBook {
  readonly rules: readonly CompiledRule[];
  private readonly byWord = new Map<string, number[]>();
  private readonly always: number[] = [];

  constructor(rules: readonly CompiledRule[]) {
    this.rules = rules;
    this.takenBy = new Uint32Array(rules.length);
    rules.forEach((rule, i) => {
      if (!rule.anchors) this.always.push(i);
      else for (const word of rule.anchors) this.byWord.set(word, [...(this.byWord.get(word) ?? []), i]);
    });
  }

  // Which call last took each rule: a rule is listed once per call without a fresh set each time.
  private readonly takenBy: Uint32Array;
  private call = 0;

  /** Indexes of the rules that could match a text made of these words, in rule order. */
  candidates(words: readonly string[], from: number, to: number): number[] {
    const call = ++this.call;
    const out = this.always.slice();
    for (let w = from; w < to; w++) {
      const rules = this.byWord.get(words[w]);
      if (rules === undefined) continue;
      for (const i of rules) {
        if (this.takenBy[i] === call) continue;
        this.takenBy[i] = call;
        out.push(i);
      }
    }
    // insertion sort: a few rules, mostly in order already
    for (let k = 1; k < out.length; k++) {
      const rule = out[k];
      let j = k - 1;
      for (; j >= 0 && out[j] > rule; j--) out[j + 1] = out[j];
      out[j + 1] = rule;
    }
    return out;
  }
}

/** Every rule but the prison ones, in the order they are searched. */
export const MAIN_RULES: readonly CompiledRule[] = ALL.flatMap(compileRules);
const MAIN = new RuleBook(MAIN_RULES);
const PRISON_RULES = new RuleBook(compileRules(PRISONS));

const MAX_MATCHES_PER_CATEGORY = 3;

const PLACEHOLDER_NAMES: Record<string, string> = {
  zzother: '<other participant>',
  zzown: '<own contact>',
  zzplace: '<place>',
  zzphone: '<phone>',
  zzemail: '<email>',
  zzlink: '<link>',
};

/** A match as a reviewer reads it: placeholders named, never the personal data they stand for. */
function shown(match: string): string {
  return `'${match.replace(/zz[a-z]+/g, (p) => PLACEHOLDER_NAMES[p] ?? p)}'`;
}

/** Each sentence against the rules it has the anchor words of: no rule matches across a sentence break. */
function search(book: RuleBook, words: readonly string[], findings: Finding[]): void {
  const perCategory = new Map<string, number>();
  // Each sentence is a slice of the whole text, with the spaces either side of it.
  let whole: string | undefined;
  let at = 0;
  for (let from = 0; from < words.length; from++) {
    let to = from;
    let length = 0;
    while (to < words.length && words[to] !== SENTENCE_BREAK) length += words[to++].length + 1;
    const candidates = to > from ? book.candidates(words, from, to) : [];
    if (candidates.length > 0) {
      whole ??= ` ${words.join(' ')} `;
      const text = whole.slice(at, at + length + 1);
      for (const i of candidates) {
        const rule = book.rules[i];
        for (const m of allMatches(rule.regex, text)) {
          const count = perCategory.get(rule.category) ?? 0;
          const detail = shown(m[0].slice(1));
          if (count >= MAX_MATCHES_PER_CATEGORY || findings.some((f) => f.detail === detail)) continue;
          perCategory.set(rule.category, count + 1);
          findings.push({ category: rule.category, detail });
        }
      }
    }
    at += length + (to < words.length ? 2 : 0);
    from = to;
  }
}

/**
 * The words of the message (lower-case words, "|" between sentences, placeholders for names,
 * places and contact details) against the rules of every category. A passage is reported once,
 * under the first category that claims it.
 */
export function screenWords(words: readonly string[], prisonIsVenue: boolean): Finding[] {
  const findings: Finding[] = [];
  search(MAIN, words, findings);
  if (!prisonIsVenue) search(PRISON_RULES, words, findings);
  return findings;
}
