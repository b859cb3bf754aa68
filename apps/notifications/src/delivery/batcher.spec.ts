import { Batcher } from './batcher';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the batcher (group commit)', () => {
  it('runs what comes together as one batch and answers each caller with its own result', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(async (items) => {
      batches.push(items);
      return items.map((n) => n * 10);
    }, { maxSize: 100, maxWaitMs: 5, maxInFlight: 1 });
    expect(await Promise.all([1, 2, 3].map((n) => batcher.submit(n)))).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('sends a full batch at once, and gathers what comes while batches run into the next one', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const batcher = new Batcher<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await first;
      return items;
    }, { maxSize: 2, maxWaitMs: 200, maxInFlight: 1 });
    const answers = [1, 2].map((n) => batcher.submit(n));
    expect(batches).toEqual([[1, 2]]);
    const later = [3, 4, 5].map((n) => batcher.submit(n));
    await tick(60);
    expect(batches).toHaveLength(1);
    release();
    await Promise.all([...answers, ...later.slice(0, 2)]);
    expect(batches.slice(0, 2)).toEqual([[1, 2], [3, 4]]);
    // The last one goes once its own wait is over, counted from when it came.
    const started = Date.now();
    await expect(later[2]).resolves.toBe(5);
    expect(Date.now() - started).toBeLessThan(180);
  });

  it('fails only the item its batch answered with an error', async () => {
    const batcher = new Batcher<number, number>(async (items) => items.map((n) => (n === 2 ? new Error('two is refused') : n)), { maxSize: 10, maxWaitMs: 1, maxInFlight: 1 });
    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('two is refused'));
  });

  it('runs a batch that throws again item by item, so one bad item fails alone', async () => {
    const runs: number[][] = [];
    const batcher = new Batcher<number, number>(async (items) => {
      runs.push(items);
      if (items.includes(2)) throw new Error('a constraint refused 2');
      return items;
    }, { maxSize: 10, maxWaitMs: 1, maxInFlight: 1 });
    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(runs).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('keeps no more batches running than allowed', async () => {
    let running = 0;
    let most = 0;
    const batcher = new Batcher<number, number>(async (items) => {
      running += 1;
      most = Math.max(most, running);
      await tick(2);
      running -= 1;
      return items;
    }, { maxSize: 3, maxWaitMs: 1, maxInFlight: 2 });
    const all = await Promise.all(Array.from({ length: 30 }, (_, i) => batcher.submit(i)));
    expect(all).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(most).toBe(2);
  });
});
