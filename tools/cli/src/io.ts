/** What a command may touch: its streams, so tests can run it in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A command takes its arguments and answers with the process exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Exit code for bad input (a malformed file, a wrong argument): one line on stderr. */
export const EXIT_BAD_INPUT = 2;
