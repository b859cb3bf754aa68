import { readFile } from 'node:fs/promises';
import {
  InstanceError,
  PlanError,
  checkPlan,
  formatViolation,
  parseInstance,
  parsePlan,
  scorePlan,
  solve,
} from '#scheduler';
import { CliIo, Command, EXIT_BAD_INPUT } from './io';

const USAGE = 'usage: schedule solve INSTANCE.json [--time-limit-ms N] | schedule check INSTANCE.json PLAN.json';

/** Bad input of any kind: its message is the one line the user sees. */
class BadInput extends Error {}

/**
 * `schedule solve INSTANCE.json [--time-limit-ms N]`: the plan as JSON on stdout, exit 0 even
 * with unscheduled sessions. `schedule check INSTANCE.json PLAN.json`: exit 0 and a summary on
 * stdout when the plan breaks no hard rule, else exit 1 with one violation a line on stderr.
 * Unreadable or malformed input, or bad arguments: exit 2 with one line on stderr.
 */
export const scheduleCommand: Command = async (args, io) => {
  try {
    const [command, ...rest] = args;
    if (command === 'solve') return await solveCommand(rest, io);
    if (command === 'check') return await checkCommand(rest, io);
    throw new BadInput(command === undefined ? USAGE : `unknown command ${JSON.stringify(command)}; ${USAGE}`);
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
};

async function solveCommand(args: string[], io: CliIo): Promise<number> {
  const { positional, timeLimitMs } = readSolveArgs(args);
  if (positional.length !== 1) throw new BadInput(USAGE);
  const instance = await readInstanceFile(positional[0]);
  const plan = solve(instance, timeLimitMs === undefined ? {} : { timeLimitMs });
  io.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  return 0;
}

async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const flag = args.find((arg) => arg.startsWith('-'));
  if (flag !== undefined) throw new BadInput(`unknown option ${flag}; ${USAGE}`);
  if (args.length !== 2) throw new BadInput(USAGE);
  const [instancePath, planPath] = args;
  const instance = await readInstanceFile(instancePath);
  const plan = await readParsed(planPath, parsePlan, PlanError);
  const violations = checkPlan(instance, plan);
  if (violations.length > 0) {
    io.stderr.write(violations.map((v) => `${formatViolation(v)}\n`).join(''));
    return 1;
  }
  const score = scorePlan(instance, plan);
  io.stdout.write(
    `valid: ${score.placed} of ${score.sessions} sessions placed, placed weight ${score.placedWeight} of ${score.totalWeight}, delay hours ${score.delayHours}\n`,
  );
  return 0;
}

function readSolveArgs(args: string[]): { positional: string[]; timeLimitMs?: number } {
  const positional: string[] = [];
  let timeLimitMs: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (name !== '--time-limit-ms') throw new BadInput(`unknown option ${name}; ${USAGE}`);
    const value = inline ?? args[++i];
    if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) {
      throw new BadInput(`--time-limit-ms: expected a whole number of milliseconds of at least 1, got ${JSON.stringify(value ?? '')}`);
    }
    timeLimitMs = Number(value);
  }
  return { positional, ...(timeLimitMs !== undefined && { timeLimitMs }) };
}

function readInstanceFile(path: string) {
  return readParsed(path, parseInstance, InstanceError);
}

/** Reads a JSON file and parses it; any failure becomes one line naming the file, then the field. */
async function readParsed<T>(path: string, parse: (json: unknown) => T, FormatError: new (message: string) => Error): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BadInput(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BadInput(`${path}: not valid JSON (${oneLine((error as Error).message)})`);
  }
  try {
    return parse(json);
  } catch (error) {
    if (error instanceof FormatError) throw new BadInput(`${path}: ${oneLine(error.message)}`);
    throw error;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
