import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { checkPlan, parseInstance, Plan } from '#scheduler';
import { scheduleCommand } from './schedule.command';

const TINY = join(__dirname, '../../../../shared/samples/scheduling/tiny.json');
const dir = mkdtempSync(join(tmpdir(), 'schedule-command-'));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await scheduleCommand(args, { stdin: Readable.from([]), stdout, stderr });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const tiny = parseInstance(JSON.parse(readFileSync(TINY, 'utf8')));
/** tiny's one fixed session (c2/prep-victim-1, priority 2, Mon 4 Jan 13:15) placed, every other session unscheduled. */
const fixedOnly = {
  assignments: [{ session: 'c2/prep-victim-1', start: '2027-01-04T13:15:00Z', venue: 'hub-maidstone' }],
  unscheduled: tiny.sessions.filter((s) => !s.fixed).map((s) => ({ session: s.id, reason: 'left for later' })),
  conflicts: [],
};

describe('schedule solve', () => {
  it('prints a plan that lists every session once and keeps every hard rule, exit 0', async () => {
    const { code, stdout, stderr } = await run('solve', TINY, '--time-limit-ms', '300');
    const plan = JSON.parse(stdout) as Plan;
    expect([code, stderr]).toEqual([0, '']);
    expect(plan.assignments.length + plan.unscheduled.length).toBe(tiny.sessions.length);
    expect(checkPlan(tiny, plan)).toEqual([]);
  });

  it.each([
    [['solve'], /^usage: schedule solve/],
    [['solve', TINY, '--time-limit-ms', 'soon'], /^--time-limit-ms: expected a whole number of milliseconds of at least 1, got "soon"$/],
    [['solve', TINY, '--time-limit-ms=0'], /^--time-limit-ms: expected a whole number/],
    [['solve', TINY, '--fast'], /^unknown option --fast; usage:/],
    [['plan', TINY], /^unknown command "plan"; usage:/],
  ])('refuses bad arguments %j with one line, exit 2', async (args, message) => {
    const { code, stdout, stderr } = await run(...args);
    expect([code, stdout, stderr.split('\n').length]).toEqual([2, '', 2]);
    expect(stderr.trimEnd()).toMatch(message);
  });

  it('refuses a malformed instance with one line naming the file and the field, exit 2', async () => {
    const json = JSON.parse(readFileSync(TINY, 'utf8'));
    json.sessions[3].durationMinutes = 50;
    const path = file('bad-duration.json', json);
    expect(await run('solve', path)).toEqual({
      code: 2,
      stdout: '',
      stderr: `${path}: sessions[3].durationMinutes: 50 is not a multiple of slotMinutes (15)\n`,
    });
  });

  it('refuses a missing file and a file that is not JSON, exit 2', async () => {
    const missing = join(dir, 'nowhere.json');
    const broken = file('broken.json', '{"version": 1,');
    const results = [await run('solve', missing), await run('solve', broken)];
    expect(results.map((r) => r.code)).toEqual([2, 2]);
    expect(results[0].stderr).toBe(`${missing}: cannot read (ENOENT)\n`);
    expect(results[1].stderr).toMatch(new RegExp(`^${broken}: not valid JSON \\(.+\\)\\n$`));
  });
});

describe('schedule check', () => {
  it('accepts a plan that breaks no rule and sums it up, exit 0', async () => {
    // One session of weight 2 placed 13.25 hours after horizon.start: delay hours 26.5.
    expect(await run('check', TINY, file('fixed-only.json', fixedOnly))).toEqual({
      code: 0,
      stdout: 'valid: 1 of 11 sessions placed, placed weight 2 of 22, delay hours 26.5\n',
      stderr: '',
    });
  });

  it('prints each broken rule on its own line, exit 1', async () => {
    // fac-2 is not available on Sunday 10 January, and c1/prep-victim-2 needs c1/prep-victim-1 before it.
    const plan = {
      ...fixedOnly,
      assignments: [...fixedOnly.assignments, { session: 'c1/prep-victim-2', start: '2027-01-10T10:00:00Z', venue: 'video' }],
      unscheduled: fixedOnly.unscheduled.filter((u) => u.session !== 'c1/prep-victim-2'),
    };
    const { code, stdout, stderr } = await run('check', TINY, file('broken-plan.json', plan));
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr.trimEnd().split('\n')).toEqual([
      'rule 2 (c1/prep-victim-2): fac-2 is not available for all of 2027-01-10T10:00:00Z to 2027-01-10T11:00:00Z',
      'rule 2 (c1/prep-victim-2): fac-1 is not available for all of 2027-01-10T10:00:00Z to 2027-01-10T11:00:00Z',
      'rule 2 (c1/prep-victim-2): vic-1 is not available for all of 2027-01-10T10:00:00Z to 2027-01-10T11:00:00Z',
      'rule 5 (c1/prep-victim-2, c1/prep-victim-1): its predecessor c1/prep-victim-1 is not assigned',
    ]);
  });

  it('refuses a malformed plan with one line naming the field, exit 2', async () => {
    const path = file('bad-plan.json', { assignments: [{ session: 'c1/conference', start: 'Tuesday', venue: 'video' }], unscheduled: [] });
    expect(await run('check', TINY, path)).toEqual({
      code: 2,
      stdout: '',
      stderr: `${path}: assignments[0].start: "Tuesday" is not an ISO-8601 UTC instant ending in Z\n`,
    });
  });

  it('refuses a missing plan argument, exit 2', async () => {
    const { code, stderr } = await run('check', TINY);
    expect([code, stderr]).toEqual([2, `${'usage: schedule solve INSTANCE.json [--time-limit-ms N] | schedule check INSTANCE.json PLAN.json'}\n`]);
  });
});
