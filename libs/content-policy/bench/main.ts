import { readFileSync } from 'node:fs';
import { ContentPolicy, Message } from '../src';
import { evaluate, readLabelled } from './evaluate';

/**
 * `npm run bench:policy -- FILE.jsonl`: quality on a labelled file (recall on block lines per
 * category, allow lines blocked, accuracy), then throughput on one core after warm-up, and peak
 * memory.
 */
const MIN_SECONDS = 3;
const MIN_PASSES = 5;
const WARM_UP_SECONDS = 1;

interface Run {
  screened: number;
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds of the process (user and system): what the run cost when other work shares the cores. */
  cpuSeconds: number;
}

/** Whole passes over the messages until both bounds are met. */
function passes(messages: readonly Message[], policyFor: () => ContentPolicy, minSeconds: number, minPasses: number): Run {
  let screened = 0;
  let done = 0;
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  let seconds = 0;
  while (seconds < minSeconds || done < minPasses) {
    const policy = policyFor();
    for (const m of messages) policy.screen(m);
    screened += messages.length;
    done++;
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  const cpu = process.cpuUsage(cpuStarted);
  return { screened, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function percent(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

function main(file: string | undefined): number {
  if (!file) {
    process.stderr.write('usage: npm run bench:policy -- FILE.jsonl\n');
    return 2;
  }
  let labelled;
  try {
    labelled = readLabelled(readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const policy = new ContentPolicy();
  const result = evaluate(policy, labelled);

  console.log(`${file}: ${labelled.length} messages`);
  console.log('recall on block lines, by category:');
  let blocked = 0;
  let total = 0;
  for (const row of result.recall) {
    blocked += row.blocked;
    total += row.total;
    console.log(`  ${row.category.padEnd(20)} ${String(row.blocked).padStart(4)}/${String(row.total).padEnd(4)} ${percent(row.blocked, row.total).padStart(6)}${row.missed.length ? `  missed: ${row.missed.join(' ')}` : ''}`);
  }
  console.log(`  ${'all'.padEnd(20)} ${String(blocked).padStart(4)}/${String(total).padEnd(4)} ${percent(blocked, total).padStart(6)}`);
  console.log(`allow lines blocked: ${result.allowBlocked.length}/${result.allowTotal} (${percent(result.allowBlocked.length, result.allowTotal)})`);
  for (const fp of result.allowBlocked) console.log(`  ${fp.id}: ${fp.reasons.join('; ')}`);
  console.log(`accuracy: ${percent(result.accuracy * labelled.length, labelled.length)}`);

  // Throughput on one thread, after warming the compiled code and rules: with the case index warm
  // (a service screening reminders of cases it has seen), and with a fresh policy for each pass so
  // that every case is indexed on first sight (the CLI meeting a file of unrelated cases).
  const messages = labelled.map((l) => l.message);
  passes(messages, () => policy, WARM_UP_SECONDS, 3);
  const warm = new ContentPolicy();
  const steady = passes(messages, () => warm, MIN_SECONDS, MIN_PASSES);
  const cold = passes(messages, () => new ContentPolicy(), MIN_SECONDS, MIN_PASSES);
  const rate = (r: Run) =>
    `${Math.round(r.screened / r.seconds)} messages/s (${r.screened} in ${r.seconds.toFixed(2)} s); per CPU second ${Math.round(r.screened / r.cpuSeconds)} messages/s, ${((1e6 * r.cpuSeconds) / r.screened).toFixed(1)} µs CPU a message`;
  console.log(`throughput, cases already indexed: ${rate(steady)}`);
  console.log(`throughput, each case seen for the first time: ${rate(cold)}`);
  console.log(`peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (maxRSS)`);
  return 0;
}

process.exitCode = main(process.argv[2]);
