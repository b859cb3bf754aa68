import { AuthConfig, type Role, ROLES, TokenService } from '#auth';
import { ConfigError, loadConfig, withDevSecrets } from '#platform';
import { type Command, EXIT_BAD_INPUT } from './io';

const USAGE = 'usage: token issue --role ROLE[,ROLE] --org ORG [--sub USER] [--partnership ID] [--ttl 8h]';

/**
 * `token issue`: a bearer token for local use, signed with the same settings the services use
 * (JWT_* from the environment, or the local development secrets in .data/).
 */
export const tokenCommand: Command = async (args, io) => {
  const [verb, ...rest] = args;
  const fail = (message: string) => {
    io.stderr.write(`${message}\n${USAGE}\n`);
    return EXIT_BAD_INPUT;
  };
  if (verb !== 'issue') return fail(`unknown token command: ${verb ?? '(none)'}`);

  const flags = parseFlags(rest);
  if (typeof flags === 'string') return fail(flags);
  const roles = (flags.role ?? '').split(',').filter(Boolean);
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (roles.length === 0 || unknown.length > 0) return fail(`--role must be one or more of ${ROLES.join(', ')}`);
  if (!flags.org) return fail('--org is required');
  const ttl = parseTtl(flags.ttl ?? '8h');
  if (ttl === null) return fail('--ttl must be a number followed by s, m, h or d, such as 8h');

  let tokens: TokenService;
  try {
    tokens = new TokenService(loadConfig(AuthConfig, withDevSecrets(process.env)));
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const token = tokens.issue(
    { userId: flags.sub ?? `local-${roles[0]}`, roles: roles as Role[], organisationId: flags.org, partnershipId: flags.partnership ?? null },
    ttl,
  );
  io.stdout.write(`${token}\n`);
  return 0;
};

function parseFlags(args: string[]): Record<string, string> | string {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i]!, args[i + 1]];
    if (!/^--(role|org|sub|partnership|ttl)$/.test(name)) return `unknown option ${name}`;
    if (value === undefined || value.startsWith('--')) return `${name} needs a value`;
    flags[name.slice(2)] = value;
  }
  return flags;
}

function parseTtl(text: string): number | null {
  const match = /^(\d+)([smhd])$/.exec(text);
  if (!match) return null;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
