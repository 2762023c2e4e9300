// Everything Seam needs to know before it reads a record: the config, the repository root, the content
// root, "today" and the audience, each resolved in one order (a flag beats the environment beats
// seam.config.yaml beats the default). The CLI, the remark preset and the site's build all open their
// workspace here, so they read the same content against the same date. Problems are values, never thrown:
// each caller reports those it cares about (the CLI ignores the audience, a site build does not).
import { isAbsolute, resolve } from 'node:path';
import { resolveAudience, type Audience, type AudienceSource } from './audience.ts';
import { loadConfig, type SeamConfig } from './config.ts';
import { formatProblem, type Position, type Problem } from './problem.ts';
import { clockToday, resolveToday } from './today.ts';

export interface WorkspaceOptions {
  /** Where to look for seam.config.yaml from (upwards), and what relative flags are relative to. */
  cwd: string;
  /** `--config FILE`: this config file instead of the one found upwards. */
  configFile?: string;
  /** `--content DIR`. */
  contentFlag?: string;
  /** `--today YYYY-MM-DD`. */
  todayFlag?: string;
  /** Read for SEAM_CONTENT, SEAM_TODAY and SEAM_AUDIENCE. */
  env?: NodeJS.ProcessEnv;
  /** The clock "today" comes from when nothing sets it. */
  clock?: () => Date;
}

/** A setting Seam cannot work with: a problem in seam.config.yaml (with its place), or a bad date or audience. */
export interface WorkspaceProblem {
  setting: 'config' | 'today' | 'audience';
  message: string;
  /** For a problem in seam.config.yaml: where it is (an absolute file). */
  at?: Problem;
}

export interface Workspace {
  /** The config as read (the defaults when the file has problems). */
  config: SeamConfig;
  /** The config file, when there is one. */
  configFile?: string;
  /** The repository root: the config file's folder, else the working directory. */
  repoRoot: string;
  /** The absolute content root: `--content` beats `SEAM_CONTENT` beats `content:` (relative to the config file). */
  contentRoot: string;
  /** The reference date: `--today` beats `SEAM_TODAY` beats `today:` beats the clock (the clock's date when the setting is bad). */
  today: string;
  /** Who a site build is for: `SEAM_AUDIENCE` beats `site.audience`; `public` when neither is set (or the setting is bad). */
  audience: Audience;
  audienceSource: AudienceSource;
  /** Config problems first, then a bad date, then a bad audience. */
  problems: WorkspaceProblem[];
  /** Where the setting at `path` is written in the config file (line 1 when it is not). */
  locateSetting(path: readonly (string | number)[]): Position;
}

export function openWorkspace({ cwd, configFile, contentFlag, todayFlag, env = process.env, clock }: WorkspaceOptions): Workspace {
  const loaded = loadConfig(cwd, configFile);
  const { config } = loaded;
  const problems: WorkspaceProblem[] = loaded.problems.map((at) => ({ setting: 'config', message: at.message, at }));

  const configured = contentFlag || env.SEAM_CONTENT;
  const contentRoot = configured ? resolve(cwd, configured) : isAbsolute(config.content) ? config.content : resolve(loaded.baseDir, config.content);

  const today = resolveToday({ flag: todayFlag, env: env.SEAM_TODAY, config: config.today, clock });
  if (!today.ok) problems.push({ setting: 'today', message: today.message });

  const audience = resolveAudience(config, env);
  if (!audience.ok) problems.push({ setting: 'audience', message: audience.message });

  return {
    config,
    configFile: loaded.file,
    repoRoot: loaded.baseDir,
    contentRoot,
    today: today.ok ? today.today : clockToday(clock),
    audience: audience.ok ? audience.audience : 'public',
    audienceSource: audience.ok ? audience.source : 'default',
    problems,
    locateSetting: loaded.locate,
  };
}

/**
 * The workspace's problems with `setting`, one line each: a problem in seam.config.yaml as
 * `file:line:column: message` (`show` names the file), any other as its message.
 */
export function problemLines(workspace: Workspace, setting: WorkspaceProblem['setting'], show: (file: string) => string = (file) => file): string[] {
  return workspace.problems.filter((p) => p.setting === setting).map((p) => (p.at ? formatProblem({ ...p.at, file: show(p.at.file) }) : p.message));
}

/**
 * Problems with settings of seam.config.yaml found after it was read (an unknown rule, a plugin that
 * cannot be loaded), one line each: `file:line:column: message` where the setting is written.
 */
export function settingProblemLines(workspace: Pick<Workspace, 'configFile' | 'locateSetting'>, problems: readonly { message: string; path?: readonly (string | number)[] }[], show: (file: string) => string = (file) => file): string[] {
  return problems.map((p) =>
    workspace.configFile ? formatProblem({ file: show(workspace.configFile), ...workspace.locateSetting(p.path ?? []), code: 'config', message: p.message }) : `seam.config.yaml: ${p.message}`,
  );
}
