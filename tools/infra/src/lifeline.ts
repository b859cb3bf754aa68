import { type ChildProcess, spawn } from 'node:child_process';

/**
 * `sh -c SUPERVISOR supervisor SIGNAL COMMAND ARGS...`: starts the server in the background,
 * then waits on the shell's own standard input, whose other end only our process holds. At end
 * of file (we closed it, or our process died in any way, kill -9 included) it sends the server
 * SIGNAL; it exits when the server does. The server's stdin is /dev/null, as for any background
 * job of a non-interactive shell.
 */
const SUPERVISOR = `
signal=$1; shift
exec 3<&0
"$@" 3<&- &
server=$!
(read -r _ <&3; kill -"$signal" "$server" 2>/dev/null) &
watcher=$!
wait "$server"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
`;

export interface SupervisedServer {
  /** The supervising shell: it exits when the server has. */
  readonly process: ChildProcess;
  /** Stops the server and resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * A server we start and stop ourselves. It runs in a session and process group of its own
 * (detached), so a Ctrl-C at the terminal, which signals the whole foreground group, does not
 * reach it: we stop it after the app has closed. Nor can it outlive us: see SUPERVISOR.
 */
export function superviseServer(
  command: string,
  args: string[],
  options: { signal: 'INT' | 'TERM'; stderr: 'pipe' | 'ignore'; uid?: number; gid?: number; env?: NodeJS.ProcessEnv },
): SupervisedServer {
  const child = spawn('sh', ['-c', SUPERVISOR, 'supervisor', options.signal, command, ...args], {
    detached: true,
    stdio: ['pipe', 'ignore', options.stderr],
    env: options.env ?? process.env,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    stop: async () => {
      child.stdin!.destroy();
      await exited;
    },
  };
}
