/**
 * Which words a rule cannot match without. Each rule's expression is parsed (the subset of regular
 * expression syntax the rules use) and a set of words is chosen such that every possible match
 * contains at least one of them as a whole token. A message that has none of a rule's anchor words
 * is not searched with that rule: most messages are logistics and wake only a few rules.
 * Where no such set can be proved, the answer is `undefined` and the rule always runs.
 */
type Node = Alternation;
interface Alternation {
  branches: Item[][];
}
type Item =
  | { kind: 'char'; char: string; min: number }
  | { kind: 'group'; alt: Alternation; min: number; zeroWidth: boolean }
  | { kind: 'other'; min: number };

class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.src.length) throw new Error(`unexpected '${this.src[this.at]}' at ${this.at} in rule`);
    return node;
  }

  private alternation(): Alternation {
    const branches: Item[][] = [this.sequence()];
    while (this.src[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    return { branches };
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    while (this.at < this.src.length && this.src[this.at] !== '|' && this.src[this.at] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return items;
  }

  private atom(): Item {
    const c = this.src[this.at];
    if (c === '(') {
      this.at++;
      let zeroWidth = false;
      if (this.src.startsWith('?:', this.at)) this.at += 2;
      else if (/^\?<?[=!]/.test(this.src.slice(this.at, this.at + 3))) {
        zeroWidth = true;
        this.at += this.src[this.at + 1] === '<' ? 3 : 2;
      }
      const alt = this.alternation();
      if (this.src[this.at] !== ')') throw new Error('unclosed group in rule');
      this.at++;
      return { kind: 'group', alt, min: 1, zeroWidth };
    }
    if (c === '[') {
      const end = this.src.indexOf(']', this.at + 1);
      this.at = end + 1;
      return { kind: 'other', min: 1 };
    }
    if (c === '\\') {
      this.at += 2;
      return { kind: 'other', min: 1 };
    }
    if (c === '.' || c === '^' || c === '$') {
      this.at++;
      return { kind: 'other', min: 1 };
    }
    this.at++;
    return { kind: 'char', char: c, min: 1 };
  }

  private quantified(item: Item): Item {
    const rest = this.src.slice(this.at);
    const m = /^(?:\?|\*|\+|\{(\d+)(?:,\d*)?\})\??/.exec(rest);
    if (!m) return item;
    this.at += m[0].length;
    const min = m[0][0] === '?' || m[0][0] === '*' ? 0 : m[0][0] === '+' ? 1 : Number(m[1]);
    // a repeated character is no fixed word
    return item.kind === 'char' ? { kind: 'other', min } : { ...item, min };
  }
}

/** Frequent words make poor anchors: a rule anchored on "you" would run on every message. */
const WEAK = new Set(['the', 'you', 'your', 'he', 'she', 'they', 'them', 'him', 'his', 'her', 'their', 'to', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'for', 'is', 's', 'be', 'we', 'i', 'it', 'will', 'are', 'was', 'not', 'have', 'has', 'with', 'can', 'do', 'me', 'us', 'this', 'that', 'all', 'or', 'if', 'so', 'by', 'would', 'd', 'll', 've', 're', 'as', 'from', 'our', 'my', 'what', 'get', 'go']);

function cost(words: Set<string>): number {
  let weak = 0;
  for (const w of words) if (WEAK.has(w)) weak++;
  return weak * 1000 + words.size;
}

const isLetter = (item: Item) => item.kind === 'char' && /[a-z0-9]/.test(item.char);

/** Does every string the item matches start (or, with `last`, end) with a space? */
function edgeIsSpace(item: Item, last: boolean): boolean {
  if (item.kind === 'char') return item.char === ' ';
  if (item.kind !== 'group') return false;
  return item.alt.branches.every((branch) => {
    const consuming = branch.filter((i) => !(i.kind === 'group' && i.zeroWidth));
    const edge = consuming[last ? consuming.length - 1 : 0];
    return edge !== undefined && edge.min >= 1 && edgeIsSpace(edge, last);
  });
}

/**
 * Is there a word boundary at position `k` (looking forward or back) whatever the optional items
 * there do: the end of the sequence or a space; an optional item must give a space when present
 * and leave a boundary when absent.
 */
function boundary(items: readonly Item[], k: number, step: 1 | -1): boolean {
  for (let j = k; j >= 0 && j < items.length; j += step) {
    if (!edgeIsSpace(items[j], step === -1)) return false;
    if (items[j].min !== 0) return true;
  }
  return true;
}

/** Words any match of a sequence must contain, with its two ends known to be word boundaries. */
function sequenceAnchors(items: Item[]): Set<string> | undefined {
  const consuming = items.filter((i) => !(i.kind === 'group' && i.zeroWidth));
  const candidates: Set<string>[] = [];
  for (let k = 0; k < consuming.length; k++) {
    const item = consuming[k];
    const boundaryBefore = boundary(consuming, k - 1, -1);
    if (item.kind === 'group' && item.min >= 1 && boundaryBefore && boundary(consuming, k + 1, 1)) {
      const inner = alternationAnchors(item.alt);
      if (inner) candidates.push(inner);
    }
    if (isLetter(item) && boundaryBefore) {
      let end = k;
      while (end < consuming.length && isLetter(consuming[end])) end++;
      if (boundary(consuming, end, 1)) {
        candidates.push(new Set([consuming.slice(k, end).map((i) => (i as { char: string }).char).join('')]));
      }
      k = end - 1;
    }
  }
  return candidates.sort((a, b) => cost(a) - cost(b))[0];
}

function alternationAnchors(alt: Alternation): Set<string> | undefined {
  const out = new Set<string>();
  for (const branch of alt.branches) {
    const words = sequenceAnchors(branch);
    if (!words) return undefined;
    for (const w of words) out.add(w);
  }
  return out;
}

/** The top-level alternatives of a rule, each as source text. */
export function splitAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** Anchor words of a rule that is matched between spaces, or undefined when none can be proved. */
export function anchorWords(source: string): Set<string> | undefined {
  return alternationAnchors(new Parser(source).parse());
}
