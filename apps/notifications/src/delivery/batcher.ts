export interface BatcherOptions {
  /** A batch goes as soon as it has this many items... */
  maxSize: number;
  /** ...or this long after its first item came, whichever is first. */
  maxWaitMs: number;
  /** Batches running at once; items that come meanwhile gather into the next batch. */
  maxInFlight: number;
}

/**
 * Group commit: callers hand over one item each and get their own answer, while the work is
 * done for many items at once (one statement, one transaction, one request instead of one
 * each). `run` answers each item by its position: a value, or an Error for that item alone.
 * A batch that throws as a whole is run again item by item, so one bad item fails alone.
 */
export class Batcher<I, O> {
  private pending: { item: I; at: number; resolve: (value: O) => void; reject: (error: Error) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** The oldest item waiting has waited maxWaitMs: the next batch goes as soon as one may run. */
  private overdue = false;
  private inFlight = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<(O | Error)[]>,
    private readonly options: BatcherOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, at: Date.now(), resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    while (this.pending.length > 0 && this.inFlight < this.options.maxInFlight && (this.overdue || this.pending.length >= this.options.maxSize)) {
      const batch = this.pending.splice(0, this.options.maxSize);
      this.overdue = false;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.inFlight += 1;
      void this.settle(batch).finally(() => {
        this.inFlight -= 1;
        this.flush();
      });
    }
    if (this.pending.length > 0 && !this.timer && !this.overdue) {
      const waited = Date.now() - this.pending[0]!.at;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.overdue = true;
        this.flush();
      }, Math.max(0, this.options.maxWaitMs - waited));
    }
  }

  private async settle(batch: Batcher<I, O>['pending']): Promise<void> {
    let results: (O | Error)[];
    try {
      results = await this.run(batch.map((entry) => entry.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} was answered with ${results.length} results`);
    } catch (error) {
      if (batch.length > 1) {
        await Promise.all(batch.map((entry) => this.settle([entry])));
        return;
      }
      batch[0]!.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    batch.forEach((entry, i) => {
      const result = results[i]!;
      if (result instanceof Error) entry.reject(result);
      else entry.resolve(result);
    });
  }
}
