import { CliIo, Command, EXIT_BAD_INPUT } from './io';

/**
 * `npm run -s cli -- <group> <command> ...`. Each group loads only its own engine, so
 * `schedule solve` does not pay for Nest or the policy rules at start-up.
 */
const groups: Record<string, { usage: string; load: () => Command }> = {
  schedule: {
    usage: 'schedule solve INSTANCE.json [--time-limit-ms N] | schedule check INSTANCE.json PLAN.json',
    load: () => (require('./schedule.command') as typeof import('./schedule.command')).scheduleCommand,
  },
  policy: {
    usage: 'policy screen < MESSAGES.jsonl > VERDICTS.jsonl',
    load: () => (require('./policy.command') as typeof import('./policy.command')).policyCommand,
  },
  token: {
    usage: 'token issue --role ROLE --org ORG [--sub ID] [--partnership ID] [--ttl 8h]',
    load: () => (require('./token.command') as typeof import('./token.command')).tokenCommand,
  },
};

async function main(argv: string[], io: CliIo): Promise<number> {
  const [group, ...rest] = argv;
  const entry = group ? groups[group] : undefined;
  if (!entry) {
    io.stderr.write(
      `usage: npm run -s cli -- <command>\n${Object.values(groups)
        .map((g) => `  ${g.usage}`)
        .join('\n')}\n`,
    );
    return EXIT_BAD_INPUT;
  }
  const command = entry.load();
  return command(rest, io);
}

main(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not bad input: say so in one line; the stack helps only with DEBUG set.
    process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    process.exitCode = 1;
  },
);
