/** A set of instants as sorted, disjoint, non-adjacent half-open intervals [start, end) in ms. */
export class IntervalSet {
  private constructor(
    private readonly starts: number[],
    private readonly ends: number[],
  ) {}

  /** The union of the given intervals; overlapping and adjacent ones join. */
  static union(intervals: Iterable<readonly [number, number]>): IntervalSet {
    const sorted = [...intervals].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const [start, end] of sorted) {
      const last = ends.length - 1;
      if (last >= 0 && start <= ends[last]) ends[last] = Math.max(ends[last], end);
      else {
        starts.push(start);
        ends.push(end);
      }
    }
    return new IntervalSet(starts, ends);
  }

  get intervals(): Array<[number, number]> {
    return this.starts.map((start, i) => [start, this.ends[i]]);
  }

  /** Whether [start, end) lies inside one interval of the set. */
  contains(start: number, end: number): boolean {
    const i = this.lastStartingAtOrBefore(start);
    return i >= 0 && end <= this.ends[i];
  }

  intersect(other: IntervalSet): IntervalSet {
    const starts: number[] = [];
    const ends: number[] = [];
    let i = 0;
    let j = 0;
    while (i < this.starts.length && j < other.starts.length) {
      const start = Math.max(this.starts[i], other.starts[j]);
      const end = Math.min(this.ends[i], other.ends[j]);
      if (start < end) {
        starts.push(start);
        ends.push(end);
      }
      if (this.ends[i] < other.ends[j]) i++;
      else j++;
    }
    return new IntervalSet(starts, ends);
  }

  /** Index of the last interval starting at or before t, or -1. */
  private lastStartingAtOrBefore(t: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
