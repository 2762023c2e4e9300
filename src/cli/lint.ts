// `seam lint`: run the rules, print a report, and choose the exit code.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { affectedFiles } from '../lint/affected.ts';
import { cacheFile, cachedChecker } from '../lint/cache.ts';
import { lint } from '../lint/engine.ts';
import { appendGithubSummary, reporters } from '../lint/reporters/index.ts';
import type { ReporterName } from '../lint/reporters/index.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';
import { HOMEPAGE, seamVersion } from '../lint/version.ts';
import { changedSince } from './changed.ts';
import { openCommandWorkspace, requireContent } from './workspace.ts';
import type { WorkspaceFlags } from './workspace.ts';

export interface LintFlags extends WorkspaceFlags {
  format: ReporterName;
  maxWarnings?: number;
  quiet?: boolean;
  fix?: boolean;
  outputFile?: string;
  color: boolean;
  /** Keep findings in a cache file and check only what changed since (`--cache-location` implies it). */
  cache?: boolean;
  cacheLocation?: string;
  /** Check only the files changed since `base` and those whose findings they change (`--base` implies it). */
  changed?: boolean;
  base?: string;
}

export async function lintCommand(paths: string[], flags: LintFlags, io: IO): Promise<number> {
  const workspace = openCommandWorkspace(flags, io);
  for (const path of paths) {
    if (!existsSync(resolve(io.cwd, path))) throw new UsageError(`No such file or folder: ${path}`);
  }
  const settings = flags.quiet ? workspace.settings : workspace.settings;
  const changes = flags.changed || flags.base !== undefined ? changedSince(io.cwd, workspace.root, flags.base, io.env, workspace.configFile) : undefined;
  const checker = flags.cache || flags.cacheLocation !== undefined
    ? cachedChecker(cacheFile(io.cwd, flags.cacheLocation, workspace.repoRoot), (line) => io.stderr(`${line}\n`))
    : undefined;
  const run = await lint({
    root: workspace.root, cwd: io.cwd, config: workspace.config, today: workspace.today, settings, paths, fix: flags.fix,
    ...(changes ? { select: (graph) => affectedFiles(graph, settings, changes) } : {}),
    ...(checker ? { checker } : {}),
  });
  requireContent(workspace, run.graph.files);
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
