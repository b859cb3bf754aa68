import { PassThrough } from 'node:stream';
import { AuthConfig, TokenService } from '#auth';
import { TEST_ENCRYPTION_KEY, TEST_JWT_SECRET } from '#testing';
import { tokenCommand } from './token.command';

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const code = await tokenCommand(args, { stdin: new PassThrough(), stdout, stderr });
  return { code, out: String(stdout.read() ?? ''), err: String(stderr.read() ?? '') };
}

describe('token issue', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, { JWT_SECRET: TEST_JWT_SECRET, ENCRYPTION_KEYS: `test1:${TEST_ENCRYPTION_KEY}`, ENCRYPTION_KEY_ID: 'test1' });
  });
  afterAll(() => {
    process.env = saved;
  });

  it('issues a token the services accept, with the roles, organisation and subject asked for', async () => {
    const { code, out } = await run(['issue', '--role', 'facilitator,manager', '--org', 'org-x', '--sub', 'fac-9', '--partnership', 'kent', '--ttl', '2h']);
    expect(code).toBe(0);
    const verifier = new TokenService(Object.assign(new AuthConfig(), { JWT_SECRET: TEST_JWT_SECRET }));
    expect(verifier.verify(out.trim())).toEqual({ userId: 'fac-9', roles: ['facilitator', 'manager'], organisationId: 'org-x', partnershipId: 'kent' });
  });

  it.each([
    [['issue', '--org', 'o'], '--role must be one or more of'],
    [['issue', '--role', 'wizard', '--org', 'o'], '--role must be one or more of'],
    [['issue', '--role', 'ops'], '--org is required'],
    [['issue', '--role', 'ops', '--org', 'o', '--ttl', 'forever'], '--ttl must be a number followed by s, m, h or d'],
    [['issue', '--role', 'ops', '--org'], '--org needs a value'],
    [['issue', '--colour', 'red'], 'unknown option --colour'],
    [['mint'], 'unknown token command: mint'],
  ])('refuses %j with exit 2 and says why', async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')[0]).toContain(message);
  });
});
