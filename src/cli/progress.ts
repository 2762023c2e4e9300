// A progress bar on the terminal for long runs (`seam lint`, `seam links`): drawn on standard error
// only when it is a terminal, never in CI (the `CI` variable, which every CI service sets), and only once
// a run has taken PROGRESS_AFTER_MS, so a quick run prints exactly what it printed before.
import cliProgress from 'cli-progress';
import type { IO } from './io.ts';

/** A run shorter than this shows no bar. */
const PROGRESS_AFTER_MS = 1000;

/** Whether to draw a progress bar now: on a terminal, outside CI, for a run that has lasted long enough. */
export function showsProgress(run: { terminal: boolean; ci: boolean; elapsedMs: number }): boolean {
  return run.terminal && !run.ci && run.elapsedMs >= PROGRESS_AFTER_MS;
}

export interface Progress {
  /** `done` of `total` items are finished. */
  update(done: number, total: number): void;
  /** Removes the bar (if one was drawn), before the report is printed. */
  stop(): void;
}

/** A bar labelled `label` ("checking") over the items of a run that started now. */
export function progressBar(io: IO, label: string, now: () => number = Date.now): Progress {
  const started = now();
  const stream = io.progressStream;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar) {
        if (!stream || !showsProgress({ terminal: true, ci: Boolean(io.env.CI), elapsedMs: now() - started })) return;
        bar = new cliProgress.SingleBar({ stream, format: `seam: ${label} {bar} {value}/{total} files`, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(total, done);
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
