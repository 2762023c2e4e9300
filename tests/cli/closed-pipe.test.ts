// A reader that stops early (`seam export json | head -c 100`) closes the pipe while Seam is still
// writing. That is not a failure of the command: no EPIPE stack trace, and the exit code is the one the
// command reaches on its own (src/cli/io.ts).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/content.ts';

/** Runs bin/seam.js, reads the first chunk of its standard output, then closes the pipe. */
function readFirstChunk(args: string[]): Promise<{ code: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/seam.js'), ...args], { cwd: REPO, env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let first = '';
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, first, stderr }));
  });
}

describe('output to a reader that stops early', () => {
  it('stops writing quietly and exits as the command would have', async () => {
    // The export is about 200 KB, far more than a pipe holds, so the later writes meet a closed pipe.
    const { code, first, stderr } = await readFirstChunk(['export', 'json', '--audience', 'confidential']);
    expect(first.startsWith('{')).toBe(true);
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(stderr.trim()).toBe('seam: exporting for the confidential audience (--audience): every record is exported.');
    expect(code).toBe(0);
  });
});
