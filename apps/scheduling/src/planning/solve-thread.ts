import { parentPort, workerData } from 'node:worker_threads';
import { type Instance, solve } from '#scheduler';

/** The solver in its own thread, so a long search never stalls the worker's event loop. */
const { instance, timeLimitMs } = workerData as { instance: Instance; timeLimitMs: number };
parentPort!.postMessage(solve(instance, { timeLimitMs }));
