/** The sessions booked for one person or venue, sorted by start slot. */
export class Agenda {
  readonly items: number[] = [];

  constructor(private readonly startOf: Int32Array) {}

  /** Index of the first booked session starting at or after slot t. */
  from(t: number): number {
    const items = this.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.startOf[items[mid]] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(session: number): void {
    this.items.splice(this.from(this.startOf[session]), 0, session);
  }

  remove(session: number): void {
    const at = this.items.indexOf(session, this.from(this.startOf[session]));
    if (at >= 0) this.items.splice(at, 1);
  }
}
