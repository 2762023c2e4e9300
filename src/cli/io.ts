// What a command may touch of the outside world, so tests can run commands in-process.
export interface IO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a colour-capable terminal. */
  isTTY: boolean;
  /** Standard error when it is a terminal: where progress bars are drawn (none without it). */
  progressStream?: NodeJS.WriteStream;
}

/**
 * A stream of the process that a reader may close early (`seam export csv issues | head`). Writing
 * on would then fail with EPIPE, which Node throws as a stack trace. Output nobody reads is not a
 * failure of the command: later writes are dropped and the command runs to its end, so its exit code
 * still says what it found.
 */
function pipeWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

export const processIO = (): IO => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: pipeWriter(process.stdout),
  stderr: pipeWriter(process.stderr),
  isTTY: Boolean(process.stdout.isTTY),
  ...(process.stderr.isTTY ? { progressStream: process.stderr } : {}),
});

/** A failure the user can fix (bad flag, bad config): printed without a stack, exit code 2. */
export class UsageError extends Error {}
