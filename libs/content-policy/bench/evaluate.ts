import { ContentPolicy, Message, parseMessageLine, Verdict } from '../src';

/** A message of a labelled file (`expect`: allow or block; `category`: the rule it tests). */
export interface LabelledMessage {
  message: Message;
  expect: 'allow' | 'block';
  category: string;
}

/** Reads a labelled JSONL file; a line without a readable message or label is an error here. */
export function readLabelled(text: string): LabelledMessage[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = parseMessageLine(line);
      const label = JSON.parse(line) as { expect?: unknown; category?: unknown };
      if (!parsed.ok) throw new Error(`line ${i + 1}: ${parsed.problem}`);
      if (label.expect !== 'allow' && label.expect !== 'block') throw new Error(`line ${i + 1}: expect must be "allow" or "block"`);
      return { message: parsed.message, expect: label.expect, category: typeof label.category === 'string' ? label.category : 'unlabelled' };
    });
}

export interface CategoryRecall {
  category: string;
  blocked: number;
  total: number;
  /** Ids of block lines that were allowed. */
  missed: string[];
}

export interface Evaluation {
  recall: CategoryRecall[];
  allowTotal: number;
  /** Ids of allow lines that were blocked (false positives), with their reasons. */
  allowBlocked: { id: string; reasons: string[] }[];
  accuracy: number;
}

export function evaluate(policy: ContentPolicy, labelled: readonly LabelledMessage[]): Evaluation {
  const recall = new Map<string, CategoryRecall>();
  const allowBlocked: Evaluation['allowBlocked'] = [];
  let correct = 0;
  let allowTotal = 0;
  for (const { message, expect, category } of labelled) {
    const verdict: Verdict = policy.screen(message);
    if (verdict.verdict === expect) correct++;
    if (expect === 'allow') {
      allowTotal++;
      if (verdict.verdict === 'block') allowBlocked.push({ id: message.id, reasons: verdict.reasons });
      continue;
    }
    const row = recall.get(category) ?? { category, blocked: 0, total: 0, missed: [] };
    row.total++;
    if (verdict.verdict === 'block') row.blocked++;
    else row.missed.push(message.id);
    recall.set(category, row);
  }
  return {
    recall: [...recall.values()].sort((a, b) => a.category.localeCompare(b.category)),
    allowTotal,
    allowBlocked,
    accuracy: labelled.length ? correct / labelled.length : 1,
  };
}
