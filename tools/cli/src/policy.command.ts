import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { ContentPolicy, malformedVerdict, parseMessageLine, verdictLine } from '#content-policy';
import { CliIo, Command, EXIT_BAD_INPUT } from './io';

const USAGE = 'usage: npm run -s cli -- policy screen < MESSAGES.jsonl > VERDICTS.jsonl';
// Verdicts are written in chunks of about this many characters: one write per line is slow.
const CHUNK = 64 * 1024;

async function write(io: CliIo, text: string): Promise<void> {
  if (!io.stdout.write(text)) await once(io.stdout, 'drain');
}

/**
 * `policy screen`: one verdict line per message line, in input order, streamed. A line that cannot
 * be read gets a `malformed` block verdict and the run goes on; blank lines are skipped.
 */
async function screen(io: CliIo): Promise<number> {
  const policy = new ContentPolicy();
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let out = '';
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const parsed = parseMessageLine(line);
    out += parsed.ok ? verdictLine(parsed.id, policy.screen(parsed.message)) : verdictLine(parsed.id, malformedVerdict(parsed.problem));
    out += '\n';
    if (out.length >= CHUNK) {
      await write(io, out);
      out = '';
    }
  }
  if (out) await write(io, out);
  return 0;
}

export const policyCommand: Command = async (args, io) => {
  const [command, ...rest] = args;
  if (command !== 'screen' || rest.length > 0) {
    io.stderr.write(`${command === undefined ? 'missing command' : `unknown arguments: ${args.join(' ')}`}; ${USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  return screen(io);
};
