import { Category } from '../model';
import { anchorWords, splitAlternatives } from './anchors';

/**
 * Rules are regular expressions over the normalised token text: lower-case words separated by
 * single spaces, "|" between sentences, and placeholder words for what was recognised before
 * (zzother: another participant's name; zzown: the recipient's or their facilitator's; zzplace: a
 * place or organisation name; zzphone, zzemail, zzlink). `{MACRO}` stands for a shared piece.
 */
export interface CategoryRules {
  category: Category;
  patterns: readonly string[];
}

/** A third person, or another participant by name. */
const PERSON = String.raw`(?:he|she|him|her|zzother(?: zzother)*|(?:mr|mrs|ms|miss|mx) [a-z])`;
const DESCRIBED = String.raw`(?:(?:both|the two) (?:boys|girls|lads|of them)|(?:mr|mrs) [a-z] s (?:mum|mother|dad|father|parents|family|son|daughter|sister|brother|wife|husband|partner)|the (?:other (?:party|person|side|participant|participants|family|people)|person (?:harmed|responsible|who \w+)|people (?:involved|responsible)|young (?:people|person)|(?:owner|owners|store manager|shop owner|shopkeeper|pupil|pupils)|(?:girl|boy|lad|man|woman|lady|gentleman|young man|young woman) s (?:mum|mother|dad|father|parents|family|son|daughter|sister|brother|wife|husband|partner)|(?:young |older |elderly |other )?(?:gentleman|gent|gents|lady|man|woman|lad|girl|boy|boys|lads|girls|guy|guys|fella|bloke|chap|men|women|youth|youths|teenager|teenagers|kids|children|youngsters|neighbour|neighbours|driver|tenant|landlord)|victim|victims|offender|offenders|perpetrator|harmed party|responsible party|family|culprit)(?: involved| concerned| in question)?(?: you (?:met|saw|spoke to|wrote to|know|mentioned))?|(?:his|her|their|zzother s) (?:family|mum|mother|dad|father|parents|partner|wife|husband|son|daughter|brother|sister|friend|friends|supporter|carer|girlfriend|boyfriend|nan|gran|grandmother|grandfather|uncle|aunt|auntie|cousin|kids|children))`;

const MACROS: Record<string, string> = {
  /** One token. */
  W: '[^ |]+',
  /** Up to N tokens in the same sentence. */
  G1: '(?:[^ |]+ ){0,1}',
  G2: '(?:[^ |]+ ){0,2}',
  G3: '(?:[^ |]+ ){0,3}',
  G4: '(?:[^ |]+ ){0,4}',
  G6: '(?:[^ |]+ ){0,6}',
  PERSON,
  /** Someone else in the case: a pronoun, a description, or a name. */
  REF: `(?:${PERSON}|they|them|${DESCRIBED})`,
  /** The same, without "they" (which is often the venue's staff). */
  REFP: `(?:${PERSON}|${DESCRIBED})`,
  /** Auxiliaries and adverbs between a subject and its verb. */
  AUX: '(?:(?:has|have|had|s|is|are|was|were|be|been|being|did|does|do|would|d|will|ll|also|now|just|really|finally|already|definitely|still|actually|even|both|all|since|recently|then|apparently|kindly|not|never|ve|re) )*',
};

function expand(source: string): string {
  return source.replace(/\{([A-Z0-9]+)\}/g, (_, name: string) => {
    const macro = MACROS[name];
    if (macro === undefined) throw new Error(`unknown rule macro {${name}}`);
    return macro;
  });
}

export interface CompiledRule {
  category: Category;
  regex: RegExp;
  /** The rule cannot match a text without one of these words (undefined: it may match any text). */
  anchors?: ReadonlySet<string>;
}

/** One compiled rule for each alternative of each pattern, so that each can be skipped on its own. */
export function compileRules(rules: CategoryRules): CompiledRule[] {
  return rules.patterns
    .flatMap((p) => splitAlternatives(expand(p)))
    .map((source) => ({
      category: rules.category,
      // Whole words only: the text starts and ends with a space, and a match starts after one and
      // ends before one (the leading space is part of the match; the trailing one is left for the next).
      regex: new RegExp(` (?:${source})(?= )`, 'g'),
      anchors: anchorWords(source),
    }));
}

/** The literal words the rules are written in: what misspellings and leetspeak are read back to. */
export function ruleWords(rules: readonly CategoryRules[]): Set<string> {
  const words = new Set<string>();
  for (const r of rules) {
    for (const p of r.patterns) {
      const literal = expand(p)
        .replace(/\\[a-zA-Z]/g, ' ')
        .replace(/\[[^\]]*\]/g, ' ')
        .replace(/\(\?<?[:=!]/g, ' ');
      for (const w of literal.match(/[a-z]{2,}/g) ?? []) if (!w.startsWith('zz')) words.add(w);
    }
  }
  return words;
}
