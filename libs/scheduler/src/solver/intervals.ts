/**
 * Sets of slots as sorted, disjoint, non-adjacent half-open intervals, flattened:
 * [a0, b0, a1, b1, ...] holds every slot u with a_i <= u < b_i.
 */
export type SlotSet = number[];

/** Sorts, clips to [lo, hi) and joins overlapping or adjacent intervals. */
export function normalise(pairs: Array<[number, number]>, lo: number, hi: number): SlotSet {
  const sorted = pairs
    .map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)] as [number, number])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: SlotSet = [];
  for (const [a, b] of sorted) {
    const last = out.length - 1;
    if (last > 0 && a <= out[last]) out[last] = Math.max(out[last], b);
    else out.push(a, b);
  }
  return out;
}

export function intersect(x: SlotSet, y: SlotSet): SlotSet {
  const out: SlotSet = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = Math.max(x[i], y[j]);
    const b = Math.min(x[i + 1], y[j + 1]);
    if (a < b) out.push(a, b);
    if (x[i + 1] < y[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}

/** Whether [a, b) lies inside one interval of the set. */
export function covers(set: SlotSet, a: number, b: number): boolean {
  let lo = 0;
  let hi = set.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (set[2 * mid + 1] <= a) lo = mid + 1;
    else if (set[2 * mid] > a) hi = mid - 1;
    else return b <= set[2 * mid + 1];
  }
  return false;
}

/** The slots at which something of `duration` slots can start and stay inside the set. */
export function startsFitting(set: SlotSet, duration: number): SlotSet {
  const out: SlotSet = [];
  for (let i = 0; i < set.length; i += 2) {
    const last = set[i + 1] - duration;
    if (last >= set[i]) out.push(set[i], last + 1);
  }
  return out;
}
