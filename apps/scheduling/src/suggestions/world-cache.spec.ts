import { type Computed, WorldCache, type WorldChangeSource } from './world-cache';
import type { WorldChangeListener } from './world-changes';

/** A change source the test drives: what Postgres would notify, and the connection's state. */
class Changes implements WorldChangeSource {
  listening = true;
  epoch = 1;
  listens = 0;
  private listener: WorldChangeListener | null = null;

  subscribe(listener: WorldChangeListener): void {
    if (this.listener) throw new Error('subscribed twice');
    this.listener = listener;
  }

  async listen(): Promise<void> {
    this.listens += 1;
  }

  /** Committed, not yet heard: Postgres sends these before it answers the catching-up query. */
  queued: string[][] = [];

  async caughtUp(): Promise<void> {
    for (const keys of this.queued.splice(0)) this.notify(keys);
  }

  notify(keys: string[] | null): void {
    this.listener!(keys);
  }
}

describe('answers kept until what they read changes', () => {
  let changes: Changes;
  let now: number;
  let cache: WorldCache<string>;
  let computed: number;

  beforeEach(() => {
    changes = new Changes();
    now = 1_000;
    cache = new WorldCache(changes, 3, () => now);
    computed = 0;
  });

  /** Lets a request catch up and start computing. */
  const started = () => new Promise((resolve) => setImmediate(resolve));

  const answer = (value: string, dependsOn: string[] = ['person:a'], validUntil = Infinity) => async (): Promise<Computed<string>> => {
    computed += 1;
    return { value, dependsOn, validUntil };
  };

  it('answers again from memory while nothing it read changed, with the same stamp', async () => {
    expect(await cache.get('s1', 'v1', answer('first'))).toBe('first');
    expect(await cache.get('s1', 'v1', answer('second'))).toBe('first');
    expect(computed).toBe(1);
    // The session's own row or the quarter hour moved: another question.
    expect(await cache.get('s1', 'v2', answer('third'))).toBe('third');
  });

  it('forgets exactly the answers that read a key a committed change names', async () => {
    await cache.get('s1', 'v', answer('one', ['person:a', 'case:c']));
    await cache.get('s2', 'v', answer('two', ['person:b']));
    changes.notify(['case:c', 'venue:x']);
    expect(await cache.get('s1', 'v', answer('one again'))).toBe('one again');
    expect(await cache.get('s2', 'v', answer('two again'))).toBe('two');
  });

  it('hears every change committed before a request came before answering it', async () => {
    await cache.get('s1', 'v', answer('before the booking'));
    changes.queued.push(['person:a']);
    expect(await cache.get('s1', 'v', answer('after the booking'))).toBe('after the booking');
  });

  it('keeps no answer computed while a change it read was committed', async () => {
    let finish!: (c: Computed<string>) => void;
    const pending = cache.get('s1', 'v', () => new Promise((resolve) => (finish = resolve)));
    await started();
    changes.notify(['person:a']);
    finish({ value: 'stale', dependsOn: ['person:a'], validUntil: Infinity });
    expect(await pending).toBe('stale');
    expect(await cache.get('s1', 'v', answer('fresh'))).toBe('fresh');
  });

  it('shares one computation among requests that arrive while it runs, unless something changed meanwhile', async () => {
    let finish!: (c: Computed<string>) => void;
    const first = cache.get('s1', 'v', () => new Promise((resolve) => (finish = resolve)));
    await started();
    const outcomes: string[] = [];
    const second = cache.get('s1', 'v', answer('never'), (o) => outcomes.push(o));
    await started();
    changes.notify(['person:z']);
    const third = cache.get('s1', 'v', answer('recomputed'), (o) => outcomes.push(o));
    await started();
    finish({ value: 'shared', dependsOn: ['person:a'], validUntil: Infinity });
    expect([await first, await second, await third]).toEqual(['shared', 'shared', 'recomputed']);
    expect(outcomes).toEqual(['shared', 'miss']);
  });

  it('forgets everything when the connection drops, and keeps nothing until it listens again', async () => {
    await cache.get('s1', 'v', answer('one'));
    changes.listening = false;
    changes.notify(null);
    const outcomes: string[] = [];
    expect(await cache.get('s1', 'v', answer('two'), (o) => outcomes.push(o))).toBe('two');
    expect(await cache.get('s1', 'v', answer('three'), (o) => outcomes.push(o))).toBe('three');
    expect(outcomes).toEqual(['uncached', 'uncached']);
    expect(changes.listens).toBe(2);
    changes.listening = true;
    changes.epoch = 2;
    await cache.get('s1', 'v', answer('four'));
    expect(await cache.get('s1', 'v', answer('five'))).toBe('four');
  });

  it('keeps no answer computed across a reconnection, which may have missed a change', async () => {
    let finish!: (c: Computed<string>) => void;
    const pending = cache.get('s1', 'v', () => new Promise((resolve) => (finish = resolve)));
    await started();
    changes.epoch = 2;
    finish({ value: 'unsure', dependsOn: ['person:a'], validUntil: Infinity });
    await pending;
    expect(await cache.get('s1', 'v', answer('sure'))).toBe('sure');
  });

  it('lets an answer go when a hold it counted on lapses', async () => {
    await cache.get('s1', 'v', answer('with the hold', ['person:a'], 2_000));
    now = 1_999;
    expect(await cache.get('s1', 'v', answer('x'))).toBe('with the hold');
    now = 2_000;
    expect(await cache.get('s1', 'v', answer('hold lapsed'))).toBe('hold lapsed');
  });

  it('holds at most its capacity, the oldest going first', async () => {
    for (const key of ['s1', 's2', 's3', 's4']) await cache.get(key, 'v', answer(key, [`person:${key}`]));
    expect(cache.size).toBe(3);
    // The evicted answer's key no longer points at anything; the others' still do.
    changes.notify(['person:s1']);
    expect(cache.size).toBe(3);
    changes.notify(['person:s2']);
    expect(cache.size).toBe(2);
    expect(await cache.get('s4', 'v', answer('never'))).toBe('s4');
    expect(await cache.get('s1', 'v', answer('s1 again'))).toBe('s1 again');
  });

  it('keeps no failure', async () => {
    await expect(cache.get('s1', 'v', () => Promise.reject(new Error('unplaceable')))).rejects.toThrow('unplaceable');
    expect(await cache.get('s1', 'v', answer('placed'))).toBe('placed');
  });
});
