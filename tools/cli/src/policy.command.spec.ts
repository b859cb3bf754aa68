import { PassThrough, Readable } from 'node:stream';
import { policyCommand } from './policy.command';

async function run(args: string[], input: string | Buffer): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await policyCommand(args, { stdin: Readable.from([input]), stdout, stderr });
  return { code, out, err };
}

const message = (id: string, body: string) =>
  JSON.stringify({ id, channel: 'sms', recipient: { id: 'p2', role: 'offender' }, case: { participants: [{ id: 'p1', role: 'victim', name: 'Sarah Jones' }, { id: 'p2', role: 'offender', name: 'Mark Smith' }] }, body, expect: 'allow' });

describe('policy screen', () => {
  it('prints one verdict per message, in input order, ignoring labels', async () => {
    const input = [message('m1', 'Reminder: Tue 5 Jan at 10:00. Reply C to confirm.'), message('m2', 'Sarah says sorry.'), message('m3', 'See you at 10.')].join('\n');
    const { code, out } = await run(['screen'], input);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.verdict])).toEqual([['m1', 'allow'], ['m2', 'block'], ['m3', 'allow']]);
    expect(lines[1].reasons).toContain('other-party-pii: names p1 (victim)');
  });

  it('blocks a malformed line with the reason and goes on', async () => {
    const input = ['{oops', JSON.stringify({ id: 'm9', channel: 'sms' }), message('m10', 'See you at 10.')].join('\r\n');
    const { code, out } = await run(['screen'], input);
    expect(code).toBe(0);
    expect(out.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { id: null, verdict: 'block', reasons: ['malformed: not valid JSON'] },
      { id: 'm9', verdict: 'block', reasons: ['malformed: missing body'] },
      { id: 'm10', verdict: 'allow', reasons: [] },
    ]);
  });

  it('prints nothing for empty input and survives binary garbage', async () => {
    expect(await run(['screen'], '')).toEqual({ code: 0, out: '', err: '' });
    const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x0a, 0x7b, 0xc3, 0x28, 0x0a]);
    const { code, out } = await run(['screen'], garbage);
    expect(code).toBe(0);
    expect(out.trim().split('\n').map((l) => JSON.parse(l).reasons[0])).toEqual(['malformed: not valid JSON', 'malformed: not valid JSON']);
  });

  it('refuses unknown commands with one line on stderr and exit 2', async () => {
    const { code, out, err } = await run(['judge'], '');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/usage: npm run -s cli -- policy screen/);
  });
});
