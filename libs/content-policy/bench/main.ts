import { readFileSync } from 'node:fs';
import { ContentPolicy } from '../src';
import { evaluate, readLabelled } from './evaluate';

/**
 * `npm run bench:policy -- FILE.jsonl`: quality on a labelled file (recall on block lines per
 * category, allow lines blocked, accuracy), then throughput on one core after warm-up, and peak
 * memory.
 */
const MIN_SECONDS = 3;
const MIN_PASSES = 5;

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

  // Throughput: a fresh policy (cold caches), warm-up passes, then whole passes until stable.
  const messages = labelled.map((l) => l.message);
  const timed = new ContentPolicy();
  for (let i = 0; i < 3; i++) for (const m of messages) timed.screen(m);
  let screened = 0;
  let passes = 0;
  const started = process.hrtime.bigint();
  let seconds = 0;
  while (seconds < MIN_SECONDS || passes < MIN_PASSES) {
    for (const m of messages) timed.screen(m);
    screened += messages.length;
    passes++;
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  console.log(`throughput: ${Math.round(screened / seconds)} messages/s (${screened} screened in ${seconds.toFixed(2)} s, ${passes} passes, one core)`);
  console.log(`peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (maxRSS)`);
  return 0;
}

process.exitCode = main(process.argv[2]);
