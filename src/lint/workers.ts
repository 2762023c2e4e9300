// The per-file phase of `seam lint` on worker threads (tinypool). Every worker loads the record graph
// itself (a graph of closures and parsed trees cannot be sent between threads) and keeps it for the
// run; the selected files are cut into contiguous chunks (src/lint/shard.ts), each worker prepares
// what its chunks' checks read (their diagrams and secret scans, the costly part) and checks them, and
// the findings are sorted as an in-process run sorts them, so the output is the same whatever the
// number of workers. The worker's side is src/lint/lint-worker.ts.
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import Tinypool from 'tinypool';
import { listContentFiles } from '../model/content-files.ts';
import { compareFindings } from '../rule-kit/finding.ts';
import type { Finding, LintResult, ShardStamp } from '../rule-kit/finding.ts';
import { describeRules, displayPath, selectFiles } from './engine.ts';
import type { LintOptions } from './engine.ts';
import { split } from './shard.ts';
import { reloadable } from './workspace-rules.ts';
import type { LintTask, LintTaskResult } from './lint-worker.ts';

/**
 * Below this many files a run stays in-process: starting a worker loads the engine, every rule, Mermaid
 * and jsdom again and builds its own graph (about 2 s on a quiet machine), which a small run does not win back.
 */
export const IN_PROCESS_BELOW = 400;

/** At most this many workers by default: each holds its own copy of the graph. */
const AUTO_MAX = 4;

/**
 * How many workers a run uses: `--workers N` (1 = in-process) or `auto`: one core fewer than the
 * machine has, at most AUTO_MAX, and no more than one per IN_PROCESS_BELOW files (so a 2-core machine
 * stays in-process: every worker loads the engine and builds the graph again, which one spare core
 * does not win back; bench/WORKERS.md). Fixing stays in-process (it rewrites files and re-lints them),
 * and so does a run of fewer than IN_PROCESS_BELOW files unless N was given.
 */
export function workerCount(request: number | 'auto', run: { files: number; fix?: boolean }, cores = availableParallelism()): number {
  if (run.fix) return 1;
  if (request === 'auto') return run.files < IN_PROCESS_BELOW ? 1 : Math.max(1, Math.min(cores - 1, AUTO_MAX, Math.floor(run.files / IN_PROCESS_BELOW)));
  return Math.max(1, Math.min(request, run.files));
}

/** The selected files without building the graph: the graph lists exactly the content files. */
export function listSelectedFiles(options: Pick<LintOptions, 'root' | 'cwd' | 'paths' | 'shard'>): string[] {
  return selectFiles({ files: listContentFiles(options.root).map((e) => e.file) }, options);
}

/** Whether a worker can load every rule of the run by its id: the catalogue's, the config's and the plugins' (src/lint/workspace-rules.ts). */
export function settingsFromCatalogue(options: Pick<LintOptions, 'settings'>): boolean {
  return options.settings.every((s) => reloadable(s.rule));
}

/** Lints `files` (the selected ones, see listSelectedFiles) on `workers` threads; the result is an in-process run's. */
export async function lintOnWorkers(options: LintOptions, files: string[], workers: number): Promise<LintResult> {
  // Several chunks per worker: progress moves, and a slow chunk does not leave the other workers idle.
  const chunks = split(files, Math.min(files.length, workers * 8));
  const pool = new Tinypool({ filename: new URL('./lint-worker.ts', import.meta.url).href, minThreads: workers, maxThreads: workers, idleTimeout: 0 });
  const base: Omit<LintTask, 'chunk' | 'stamp'> = {
    run: randomUUID(), root: options.root, cwd: options.cwd, config: options.config, today: options.today,
    settings: options.settings.map((s) => ({ id: s.rule.meta.id, severity: s.severity, options: s.options, ...(s.overrides ? { overrides: s.overrides } : {}) })),
    plugins: (options.plugins ?? []).map(({ file, digest }) => ({ file, digest })),
    ...(options.paths ? { paths: options.paths } : {}), ...(options.shard ? { shard: options.shard } : {}),
    ...(options.ignoreDirectives ? { ignoreDirectives: true } : {}),
  };
  let done = 0;
  let stamp: ShardStamp | undefined;
  const findings: Finding[] = [];
  try {
    await Promise.all(chunks.map(async (chunk, i) => {
      const part: LintTaskResult = await pool.run({ ...base, chunk, stamp: i === 0 && options.shard !== undefined } satisfies LintTask);
      findings.push(...part.findings);
      if (part.stamp) stamp = part.stamp;
      done += chunk.length;
      options.onProgress?.(done, files.length);
    }));
  } finally {
    await pool.destroy();
  }
  findings.sort(compareFindings);
  return {
    findings,
    files: files.map((f) => displayPath(options, f)),
    rules: describeRules(options.settings),
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warning').length,
    fixableCount: findings.filter((f) => f.fix).length,
    ...(stamp ? { shard: stamp } : {}),
  };
}
