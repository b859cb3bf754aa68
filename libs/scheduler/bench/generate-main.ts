import { generateInstance } from './generate';

/**
 * `node dist/libs/scheduler/bench/generate-main.js --cases 200 --seed 1 [--scarce] > instance.json`:
 * writes a generated instance (see generate.ts) on stdout.
 */
function main(args: string[]): number {
  const options = { cases: 30, seed: 1, scarce: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--scarce') options.scarce = true;
    else if (arg === '--cases' || arg === '--seed') {
      const value = args[++i];
      if (value === undefined || !/^\d+$/.test(value) || (arg === '--cases' && Number(value) < 1)) {
        process.stderr.write(`${arg}: expected a whole number${arg === '--cases' ? ' of at least 1' : ''}, got ${JSON.stringify(value ?? '')}\n`);
        return 2;
      }
      options[arg === '--cases' ? 'cases' : 'seed'] = Number(value);
    } else {
      process.stderr.write(`unknown argument ${JSON.stringify(arg)}; usage: generate-main.js --cases N --seed S [--scarce]\n`);
      return 2;
    }
  }
  process.stdout.write(`${JSON.stringify(generateInstance(options).instance)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
