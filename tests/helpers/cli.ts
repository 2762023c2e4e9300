// Runs `seam` in-process with captured output, or as a real process through bin/seam.js.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { REPO } from './content.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function seam(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: options.cwd ?? REPO,
    env: { ...options.env },
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** The real command, as CI runs it (a child process on the project's Node). */
export function seamProcess(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/seam.js'), ...args], {
    cwd: options.cwd ?? REPO,
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
