import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { Instance, Plan } from '#scheduler';

const GRACE_MS = 5_000;

/**
 * Runs `solve` in a worker thread within a time budget; the solver returns its best plan when
 * the budget runs out, and the thread is ended if it overruns by more than a grace period.
 */
export function solveInThread(instance: Instance, timeLimitMs: number, onTick: (fraction: number) => void): Promise<Plan> {
  const file = join(__dirname, `solve-thread${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
  // From source (specs), the thread loads TypeScript through tsx, with the workspace's source imports.
  const worker = file.endsWith('.ts')
    ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, execArgv: ['--conditions=source'], workerData: { instance, timeLimitMs } })
    : new Worker(file, { workerData: { instance, timeLimitMs } });
  const started = Date.now();
  return new Promise<Plan>((resolve, reject) => {
    const ticker = setInterval(() => onTick(Math.min(1, (Date.now() - started) / timeLimitMs)), 250);
    const overrun = setTimeout(() => void worker.terminate().then(() => reject(new Error(`the solver overran its ${timeLimitMs} ms budget`))), timeLimitMs + GRACE_MS);
    const done = () => {
      clearInterval(ticker);
      clearTimeout(overrun);
    };
    worker.once('message', (plan: Plan) => {
      done();
      void worker.terminate();
      resolve(plan);
    });
    worker.once('error', (error) => {
      done();
      reject(error);
    });
  });
}
