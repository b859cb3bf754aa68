import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { superviseServer } from './lifeline';

/** A stand-in server: writes its pid to argv[1], says which signal stopped it, otherwise runs on. */
const FAKE_SERVER = `
require('fs').writeFileSync(process.argv[1], String(process.pid));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { require('fs').appendFileSync(process.argv[1], ' ' + signal); process.exit(0); });
setInterval(() => undefined, 1000);
`;

describe('a server started under a lifeline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convene-lifeline-spec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs in a process group of its own, out of reach of a Ctrl-C at our terminal, and stops with its signal', async () => {
    const file = join(dir, 'stopped');
    const server = superviseServer(process.execPath, ['-e', FAKE_SERVER, file], { signal: 'INT', stderr: 'ignore' });
    const pid = await pidIn(file);
    expect(groupOf(pid)).toBe(server.process.pid);
    expect(groupOf(pid)).not.toBe(groupOf(process.pid));

    await server.stop();
    expect(readFileSync(file, 'utf8')).toBe(`${pid} SIGINT`);
    expect(alive(pid)).toBe(false);
  });

  it('stops the server when the process that started it is killed outright', async () => {
    const file = join(dir, 'orphan');
    const starter = spawn(
      process.execPath,
      [
        '-e',
        `require('tsx/cjs');
         require(${JSON.stringify(join(__dirname, 'lifeline.ts'))}).superviseServer(process.execPath, ['-e', ${JSON.stringify(FAKE_SERVER)}, ${JSON.stringify(file)}], { signal: 'TERM', stderr: 'ignore' });
         setInterval(() => undefined, 1000);`,
      ],
      { stdio: 'ignore' },
    );
    const pid = await pidIn(file);
    starter.kill('SIGKILL');
    await until(() => !alive(pid));
    expect(readFileSync(file, 'utf8')).toBe(`${pid} SIGTERM`);
  });

  it('lets the supervisor go when the server exits by itself', async () => {
    const server = superviseServer(process.execPath, ['-e', 'process.exit(3)'], { signal: 'INT', stderr: 'ignore' });
    const code = await new Promise((resolve) => server.process.once('exit', resolve));
    expect(code).toBe(3);
    await server.stop();
  });
});

async function pidIn(file: string): Promise<number> {
  let pid = 0;
  await until(() => {
    try {
      pid = Number(readFileSync(file, 'utf8'));
    } catch {
      return false;
    }
    return pid > 0;
  });
  return pid;
}

function groupOf(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
