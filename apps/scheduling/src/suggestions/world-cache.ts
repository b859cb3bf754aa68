import type { WorldChangeListener } from './world-changes';

/** Where a cache hears of changes: `WorldChanges`, or a stand-in in a unit spec. */
export interface WorldChangeSource {
  readonly listening: boolean;
  readonly epoch: number;
  subscribe(listener: WorldChangeListener): void;
  listen(): Promise<void>;
  /** Resolves once every change committed before the call has been heard. */
  caughtUp(): Promise<void>;
}

/** An answer, the world keys it read, and until when it holds whatever happens (a hold it counted on lapses). */
export interface Computed<T> {
  value: T;
  dependsOn: readonly string[];
  validUntil: number;
}

export type CacheOutcome = 'hit' | 'miss' | 'shared' | 'uncached';

interface Entry<T> {
  stamp: string;
  value: T;
  dependsOn: readonly string[];
  validUntil: number;
}

/** A computation under way, and what changed while it ran. */
interface Running<T> {
  stamp: string;
  promise: Promise<T>;
  epoch: number;
  touched: Set<string>;
  /** Everything may have changed (the connection dropped). */
  lost: boolean;
}

/**
 * Answers computed from the world (suggestions), kept in this process until something they
 * read changes. Every process hears every committed change (`WorldChanges`), and a request
 * first catches up with every change committed before it came, so an answer from memory is
 * never older than one computed afresh would be; one computed while a change it read was
 * committing is never kept. Answers are advice all the same: a booking checks everything
 * again under its locks, and the database refuses any overlap.
 *
 * `stamp` is what the caller can check cheaply on every request (the session's own row, the
 * quarter hour): an entry with another stamp is stale. Nothing is kept while the process is
 * not listening.
 */
export class WorldCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly dependents = new Map<string, Set<string>>();
  private readonly running = new Map<string, Running<T>>();

  constructor(
    private readonly changes: WorldChangeSource,
    private readonly capacity: number,
    private readonly clock: () => number = Date.now,
  ) {
    changes.subscribe((keys) => this.forget(keys));
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string, stamp: string, compute: () => Promise<Computed<T>>, outcome: (o: CacheOutcome) => void = () => undefined): Promise<T> {
    await this.changes.caughtUp();
    const entry = this.entries.get(key);
    if (entry && entry.stamp === stamp && entry.validUntil > this.clock() && this.changes.listening) {
      outcome('hit');
      return entry.value;
    }
    const under = this.running.get(key);
    if (under && under.stamp === stamp && !under.lost && under.touched.size === 0) {
      outcome('shared');
      return under.promise;
    }
    if (!this.changes.listening) {
      void this.changes.listen();
      outcome('uncached');
      return (await compute()).value;
    }
    outcome('miss');
    const running: Running<T> = { stamp, epoch: this.changes.epoch, touched: new Set(), lost: false, promise: undefined as never };
    running.promise = compute().then(
      (computed) => {
        if (this.running.get(key) === running) this.running.delete(key);
        if (this.keepable(running, computed)) this.keep(key, stamp, computed);
        return computed.value;
      },
      (error: unknown) => {
        if (this.running.get(key) === running) this.running.delete(key);
        throw error;
      },
    );
    this.running.set(key, running);
    return running.promise;
  }

  private keepable(running: Running<T>, computed: Computed<T>): boolean {
    return (
      !running.lost &&
      this.changes.listening &&
      this.changes.epoch === running.epoch &&
      computed.validUntil > this.clock() &&
      !computed.dependsOn.some((k) => running.touched.has(k))
    );
  }

  private keep(key: string, stamp: string, computed: Computed<T>): void {
    this.drop(key);
    if (this.entries.size >= this.capacity) this.drop(this.entries.keys().next().value!);
    this.entries.set(key, { stamp, value: computed.value, dependsOn: computed.dependsOn, validUntil: computed.validUntil });
    for (const dependency of computed.dependsOn) {
      let keys = this.dependents.get(dependency);
      if (!keys) this.dependents.set(dependency, (keys = new Set()));
      keys.add(key);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const dependency of entry.dependsOn) {
      const keys = this.dependents.get(dependency);
      keys?.delete(key);
      if (keys?.size === 0) this.dependents.delete(dependency);
    }
  }

  private forget(changed: readonly string[] | null): void {
    if (changed === null) {
      this.entries.clear();
      this.dependents.clear();
      for (const running of this.running.values()) running.lost = true;
      return;
    }
    for (const dependency of changed) {
      for (const key of this.dependents.get(dependency) ?? []) this.drop(key);
    }
    for (const running of this.running.values()) for (const dependency of changed) running.touched.add(dependency);
  }
}
