import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, readLabelled } from '../bench/evaluate';
import { ContentPolicy } from '../src';
import { MAIN_RULES } from '../src/lexicon';
import { foldText } from '../src/text/fold';
import { tokenise } from '../src/text/tokenise';
import { Vocabulary } from '../src/text/vocabulary';
import { RULE_WORDS } from '../src/lexicon';

/**
 * The labelled sets: the shared sample and Convene's own (fixtures/: composed by compose.mjs from
 * fragments written for it, and hand-written traps and obfuscations). Thresholds: every block line
 * blocked; at most 2 allow lines blocked on the sample (the bar) and at most 2% on ours.
 */
const SETS = {
  sample: { file: join(__dirname, '../../../../shared/samples/content-policy/sample.jsonl'), maxAllowBlocked: (n: number) => Math.min(2, n) },
  composed: { file: join(__dirname, 'fixtures/composed.jsonl'), maxAllowBlocked: (n: number) => Math.floor(n * 0.02) },
  handwritten: { file: join(__dirname, 'fixtures/handwritten.jsonl'), maxAllowBlocked: (n: number) => Math.floor(n * 0.02) },
};

describe.each(Object.entries(SETS))('labelled set %s', (_, set) => {
  const labelled = readLabelled(readFileSync(set.file, 'utf8'));
  const result = evaluate(new ContentPolicy(), labelled);

  it('blocks every block line, in every category', () => {
    expect(result.recall.filter((r) => r.missed.length > 0)).toEqual([]);
  });

  it('blocks few allow lines', () => {
    expect(result.allowBlocked.length).toBeLessThanOrEqual(set.maxAllowBlocked(result.allowTotal));
  });

  it('skips no rule that could have matched (the anchor words are sound on real text)', () => {
    const vocabulary = new Vocabulary(RULE_WORDS);
    for (const { message } of labelled) {
      const words = tokenise(foldText(`${message.subject ?? ''}\n${message.body}`), vocabulary).map((t) => t.word);
      const text = ` ${words.join(' ')} `;
      const present = new Set(words);
      for (const rule of MAIN_RULES) {
        rule.regex.lastIndex = 0;
        if (rule.anchors && rule.regex.test(text)) expect([...rule.anchors].some((a) => present.has(a))).toBe(true);
      }
    }
  });
});

it('the sets hold at least 400 messages of our own, in both channels and every category', () => {
  const ours = [...readLabelled(readFileSync(SETS.composed.file, 'utf8')), ...readLabelled(readFileSync(SETS.handwritten.file, 'utf8'))];
  expect(ours.length).toBeGreaterThanOrEqual(400);
  expect(new Set(ours.map((l) => l.message.channel))).toEqual(new Set(['sms', 'email']));
  expect(new Set(ours.filter((l) => l.expect === 'block').map((l) => l.category)).size).toBe(6);
});

/**
 * The blind set (fixtures/blind/README.md), written by someone who had not seen the rules. Its
 * holdout half is never tuned on: these floors guard against regressions, at the figures it gave
 * when first measured (87.3% of block lines, 1.0% of allow lines blocked), less a small margin.
 */
describe.each([
  ['tune', 0.98],
  ['holdout', 0.85],
  ['round2', 0.98],
  ['round3', 0.94],
  ['round4', 0.92],
])('blind set %s', (half, minRecall) => {
  const result = evaluate(new ContentPolicy(), readLabelled(readFileSync(join(__dirname, `fixtures/blind/${half}.jsonl`), 'utf8')));
  const blocked = result.recall.reduce((sum, row) => sum + row.blocked, 0);
  const total = result.recall.reduce((sum, row) => sum + row.total, 0);

  it(`blocks at least ${minRecall * 100}% of its block lines`, () => {
    expect(blocked / total).toBeGreaterThanOrEqual(minRecall);
  });

  it('blocks at most 2% of its allow lines', () => {
    expect(result.allowBlocked.length).toBeLessThanOrEqual(Math.floor(result.allowTotal * 0.02));
  });
});
