import { Finding } from '../model';
import { allMatches } from '../text/matches';
import { ADVICE_OR_PRESSURE } from './advice-or-pressure';
import { CASE_SUBSTANCE } from './case-substance';
import { OTHER_PARTY_VOICE } from './other-party-voice';
import { OUTCOME } from './outcome';
import { CategoryRules, CompiledRule, compileRules, ruleWords } from './pattern';
import { SENSITIVE_DATA } from './sensitive-data';
import { PRISONS, WHEREABOUTS } from './whereabouts';

// Sensitive data first: "you were assaulted" is the recipient's own status before it is substance.
const ALL: readonly CategoryRules[] = [SENSITIVE_DATA, OTHER_PARTY_VOICE, OUTCOME, ADVICE_OR_PRESSURE, CASE_SUBSTANCE, WHEREABOUTS];

/** Every word the rules are written in. */
export const RULE_WORDS: ReadonlySet<string> = ruleWords([...ALL, PRISONS]);

/** The compiled rules, and for each word the rules that need it (see anchors.ts). */
class RuleBook {
  readonly rules: readonly CompiledRule[];
  private readonly byWord = new Map<string, number[]>();
  private readonly always: number[] = [];

  constructor(rules: readonly CompiledRule[]) {
    this.rules = rules;
    rules.forEach((rule, i) => {
      if (!rule.anchors) this.always.push(i);
      else for (const word of rule.anchors) this.byWord.set(word, [...(this.byWord.get(word) ?? []), i]);
    });
  }

  /** Indexes of the rules that could match a text made of these words, in rule order. */
  candidates(words: readonly string[]): number[] {
    const out = new Set<number>(this.always);
    for (const word of words) {
      const rules = this.byWord.get(word);
      if (rules) for (const i of rules) out.add(i);
    }
    return [...out].sort((a, b) => a - b);
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
  return `'${match.replace(/zz[a-z]+/g, (p) => PLACEHOLDER_NAMES[p] ?? p).replace(/ \| /g, ' / ')}'`;
}

function search(book: RuleBook, words: readonly string[], text: string, findings: Finding[]): void {
  const seen = new Set<string>();
  const perCategory = new Map<string, number>();
  for (const i of book.candidates(words)) {
    const rule = book.rules[i];
    for (const m of allMatches(rule.regex, text)) {
      const count = perCategory.get(rule.category) ?? 0;
      const detail = shown(m[0].slice(1));
      if (count >= MAX_MATCHES_PER_CATEGORY || seen.has(detail)) continue;
      seen.add(detail);
      perCategory.set(rule.category, count + 1);
      findings.push({ category: rule.category, detail });
    }
  }
}

/**
 * The words of the message (the rule text: lower-case words, "|" between sentences, placeholders
 * for names and contact details) against the rules of every category. A passage is reported once,
 * under the first category that claims it.
 */
export function screenWords(words: readonly string[], prisonIsVenue: boolean): Finding[] {
  const text = ` ${words.join(' ')} `;
  const findings: Finding[] = [];
  search(MAIN, words, text, findings);
  if (!prisonIsVenue) search(PRISON_RULES, words, text, findings);
  return findings.filter((f, i) => findings.findIndex((g) => g.detail === f.detail) === i);
}
