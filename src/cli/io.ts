// What a command may touch of the outside world, so tests can run commands in-process.
export interface IO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a colour-capable terminal. */
  isTTY: boolean;
}

export const processIO = (): IO => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
});

/** A failure the user can fix (bad flag, bad config): printed without a stack, exit code 2. */
export class UsageError extends Error {}
