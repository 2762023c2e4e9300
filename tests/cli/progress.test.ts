// The progress bar: drawn on standard error only when it is a terminal, outside CI, once a run has
// lasted a second; otherwise nothing extra is written anywhere.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar, showsProgress } from '../../src/cli/progress.ts';
import type { IO } from '../../src/cli/io.ts';
import { seamProcess } from '../helpers/cli.ts';

describe('showsProgress', () => {
  it('on a terminal, outside CI, after a second', () => {
    expect(showsProgress({ terminal: true, ci: false, elapsedMs: 1000 })).toBe(true);
    expect(showsProgress({ terminal: true, ci: false, elapsedMs: 999 })).toBe(false);
    expect(showsProgress({ terminal: false, ci: false, elapsedMs: 60_000 })).toBe(false);
    expect(showsProgress({ terminal: true, ci: true, elapsedMs: 60_000 })).toBe(false);
  });
});

/** A stream that claims to be a terminal and keeps what is drawn on it. */
function terminal(): { stream: NodeJS.WriteStream; drawn: () => string } {
  const stream = new PassThrough();
  let drawn = '';
  stream.on('data', (chunk) => void (drawn += String(chunk)));
  Object.assign(stream, { isTTY: true, columns: 100, rows: 30, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream: stream as unknown as NodeJS.WriteStream, drawn: () => drawn };
}

const io = (over: Partial<IO>): IO => ({ cwd: '/', env: {}, stdout: () => {}, stderr: () => {}, isTTY: false, ...over });

describe('progressBar', () => {
  it('draws the files checked once the run has lasted a second, and nothing before', async () => {
    let now = 0;
    const { stream, drawn } = terminal();
    const bar = progressBar(io({ progressStream: stream }), 'checking', () => now);
    bar.update(1, 40);
    await new Promise((r) => setImmediate(r));
    expect(drawn()).toBe('');
    now = 1500;
    bar.update(20, 40);
    bar.stop();
    await new Promise((r) => setImmediate(r));
    expect(drawn()).toContain('seam: checking');
    expect(drawn()).toContain('20/40 files');
  });

  it('draws nothing in CI or without a terminal', async () => {
    let now = 0;
    const { stream, drawn } = terminal();
    const inCi = progressBar(io({ progressStream: stream, env: { CI: 'true' } }), 'checking', () => now);
    const noTerminal = progressBar(io({}), 'checking', () => now);
    now = 60_000;
    for (const bar of [inCi, noTerminal]) {
      bar.update(5, 10);
      bar.stop();
    }
    await new Promise((r) => setImmediate(r));
    expect(drawn()).toBe('');
  });

  it('seam lint writes nothing to standard error when it is not a terminal, however long it runs', () => {
    // The example content takes well over a second to lint.
    const r = seamProcess(['lint', '--format', 'json', '--workers', '1'], { env: { CI: '' } });
    expect(r.code).toBe(0);
    // Only the line naming the repository's rule plugin, which every run prints.
    expect(r.stderr).toBe('seam: loaded plugin seam-rules/status-summary-length.ts (rule: status-summary-length)\n');
    expect(JSON.parse(r.stdout).warningCount).toBe(1);
  }, 300_000);
});
