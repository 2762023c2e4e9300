// `seam lint`: run the rules, print a report, and choose the exit code.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { affectedFiles } from '../lint/affected.ts';
import { cacheFile, lintCache } from '../lint/cache.ts';
import { lint } from '../lint/engine.ts';
import { isIgnored } from '../lint/overrides.ts';
import type { LintOptions, LintRun } from '../lint/engine.ts';
import { parseShard } from '../lint/shard.ts';
import { listSelectedFiles, lintOnWorkers, settingsFromCatalogue, workerCount } from '../lint/workers.ts';
import { appendGithubSummary, reporters } from '../lint/reporters/index.ts';
import type { ReporterName } from '../lint/reporters/index.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';
import { HOMEPAGE, seamVersion } from '../lint/version.ts';
import { changedSince } from './changed.ts';
import { openCommandWorkspace, requireContent } from './workspace.ts';
import type { WorkspaceFlags } from './workspace.ts';
import { progressBar } from './progress.ts';

export interface LintFlags extends WorkspaceFlags {
  format: ReporterName;
  maxWarnings?: number;
  quiet?: boolean;
  fix?: boolean;
  outputFile?: string;
  color: boolean;
  /** `INDEX/COUNT`: report on that part of the files only (one CI job of several; see `seam merge-reports`). */
  shard?: string;
  /** Worker threads for the per-file checks: a number (1 = in-process) or `auto` (the default). */
  workers?: string;
  /** Keep findings in a cache file and check only what changed since (`--cache-location` implies it). */
  cache?: boolean;
  cacheLocation?: string;
  /** Check only the files changed since `base` and those whose findings they change (`--base` implies it). */
  changed?: boolean;
  base?: string;
}

export async function lintCommand(paths: string[], flags: LintFlags, io: IO): Promise<number> {
  const workspace = await openCommandWorkspace(flags, io);
  for (const path of paths) {
    if (!existsSync(resolve(io.cwd, path))) throw new UsageError(`No such file or folder: ${path}`);
  }
  // Plugins are code: the run says which it loaded (on standard error, so reports stay machine-readable).
  if (!flags.quiet) {
    for (const plugin of workspace.plugins) io.stderr(`seam: loaded plugin ${plugin.name} (${plugin.ruleIds.length === 1 ? 'rule' : 'rules'}: ${plugin.ruleIds.join(', ')})\n`);
  }
  // A file named on the command line that the config ignores is said so, as ESLint does, not silently skipped.
  for (const path of paths) {
    const abs = resolve(io.cwd, path);
    const inContent = relative(workspace.root, abs);
    if (inContent.startsWith('..') || isAbsolute(inContent) || statSync(abs).isDirectory()) continue;
    if (isIgnored(workspace.config, inContent.split(sep).join('/'))) io.stderr(`seam: ${path}: File ignored because of a matching ignore pattern ("ignores" in seam.config.yaml).\n`);
  }
  const settings = workspace.settings;
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  if (shard && 'problem' in shard) throw new UsageError(shard.problem);
  const requested = parseWorkers(flags.workers ?? 'auto');
  const changes = flags.changed || flags.base !== undefined ? changedSince(io.cwd, workspace.root, flags.base, io.env, workspace.configFile) : undefined;
  const cache = flags.cache || flags.cacheLocation !== undefined
    ? lintCache(cacheFile(io.cwd, flags.cacheLocation, workspace.repoRoot), (line) => io.stderr(`${line}\n`))
    : undefined;
  const progress = progressBar(io, 'checking');
  const options: LintOptions = {
    root: workspace.root, cwd: io.cwd, config: workspace.config, today: workspace.today, settings, paths, fix: flags.fix, plugins: workspace.plugins,
    ...(shard ? { shard } : {}),
    onProgress: progress.update,
    ...(changes ? { select: (graph) => affectedFiles(graph, settings, changes) } : {}),
    ...(cache ? { checker: cache.checker, graphInputs: cache.graphInputs } : {}),
  };
  let run: Pick<LintRun, 'result' | 'fixed' | 'refusedFixes'>;
  try {
    run = await lintInProcessOrOnWorkers(options, requested, workspace);
  } finally {
    progress.stop();
  }
  const result = run.result;
  if (flags.quiet) {
    result.findings = result.findings.filter((f) => f.severity === 'error');
    result.warningCount = 0;
  }
  const context = {
    cwd: io.cwd,
    version: seamVersion(),
    informationUri: HOMEPAGE,
    githubStepSummary: io.env.GITHUB_STEP_SUMMARY || undefined,
    githubBlobUrl: io.env.GITHUB_SERVER_URL && io.env.GITHUB_REPOSITORY && io.env.GITHUB_SHA ? `${io.env.GITHUB_SERVER_URL}/${io.env.GITHUB_REPOSITORY}/blob/${io.env.GITHUB_SHA}` : undefined,
    color: flags.color && io.isTTY && !io.env.NO_COLOR && !flags.outputFile,
  };
  const output = reporters[flags.format](result, context);
  if (flags.outputFile) {
    const target = resolve(io.cwd, flags.outputFile);
    mkdirSync(dirname(target), { recursive: true });
    await writeFileAtomic(target, output);
  } else io.stdout(output);
  if (flags.format === 'github') appendGithubSummary(result, context);
  for (const file of run.fixed) io.stderr(`fixed ${file}\n`);
  for (const { file, reason } of run.refusedFixes) io.stderr(`not fixed ${file}: ${reason}; nothing was written to it. Fix it by hand.\n`);
  const tooManyWarnings = flags.maxWarnings !== undefined && result.warningCount > flags.maxWarnings;
  if (tooManyWarnings && flags.format === 'stylish') io.stderr(`seam: too many warnings (${result.warningCount}; at most ${flags.maxWarnings} allowed).\n`);
  return result.errorCount > 0 || tooManyWarnings ? 1 : 0;
}

/** Runs the lint in-process, or its per-file checks on worker threads when the run is big enough (src/lint/workers.ts). */
async function lintInProcessOrOnWorkers(options: LintOptions, requested: number | 'auto', workspace: Parameters<typeof requireContent>[0]): Promise<Pick<LintRun, 'result' | 'fixed' | 'refusedFixes'>> {
  // The cache and --changed choose and check files in-process: the pool does not read the cache yet
  // (nor is the content folder listed for a pool that cannot be used: the graph lists it).
  const inProcessOnly = Boolean(options.checker || options.select);
  if (!inProcessOnly && settingsFromCatalogue(options)) {
    const files = listSelectedFiles(options);
    const workers = workerCount(requested, { files: files.length, fix: options.fix });
    if (workers > 1) {
      requireContent(workspace, listSelectedFiles({ ...options, paths: undefined, shard: undefined }));
      return { result: await lintOnWorkers(options, files, workers), fixed: [], refusedFixes: [] };
    }
  }
  const run = await lint(options);
  requireContent(workspace, run.graph.files);
  return run;
}

function parseWorkers(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--workers takes a number of threads (1 or more; 1 checks in-process) or "auto" (got "${value}").`);
  return Number(value);
}
