// Everything a command needs before it runs: the workspace (config, content root, "today"; see
// src/model/workspace.ts) opened from the flags, and the rule settings, with every problem a usage error.
import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { SeamConfig } from '../model/config.ts';
import { openWorkspace, problemLines, settingProblemLines } from '../model/workspace.ts';
import { resolveRuleSettings } from '../lint/engine.ts';
import type { RuleSetting } from '../lint/engine.ts';
import { loadWorkspaceRules } from '../lint/workspace-rules.ts';
import type { LoadedPlugin } from '../lint/workspace-rules.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';

export interface WorkspaceFlags {
  content?: string;
  config?: string;
  today?: string;
}

export interface CommandWorkspace {
  cwd: string;
  config: SeamConfig;
  /** The repository root: the config file's folder, else the working directory. */
  repoRoot: string;
  /** The config file read, if any. */
  configFile?: string;
  root: string;
  today: string;
  /** Every rule's setting: Seam's rules, the config's custom rules and its plugins' rules. */
  settings: RuleSetting[];
  /** The plugins loaded from the config. */
  plugins: LoadedPlugin[];
}

export async function openCommandWorkspace(flags: WorkspaceFlags, io: IO): Promise<CommandWorkspace> {
  const workspace = openWorkspace({ cwd: io.cwd, configFile: flags.config, contentFlag: flags.content, todayFlag: flags.today, env: io.env });
  const configProblems = problemLines(workspace, 'config', (file) => relative(io.cwd, file) || file);
  if (configProblems.length) throw new UsageError(configProblems.join('\n'));
  const root = workspace.contentRoot;
  if (!existsSync(root)) throw new UsageError(`The content folder ${relative(io.cwd, root) || root} does not exist. Pass --content DIR, set SEAM_CONTENT, or set "content:" in seam.config.yaml.`);
  if (!statSync(root).isDirectory()) throw new UsageError(`The content folder ${relative(io.cwd, root) || root} is a file, not a folder. Pass --content DIR with the folder that holds the records (content/), not one file; to check one file, pass it as a path: seam lint FILE.`);
  // The audience is a site build's setting: commands do not read it.
  const [todayProblem] = problemLines(workspace, 'today');
  if (todayProblem) throw new UsageError(todayProblem);
  const show = (file: string) => relative(io.cwd, file) || file;
  // A plugin that cannot be loaded, like a bad setting, is a usage error at its place in the config.
  const loaded = await loadWorkspaceRules({ config: workspace.config, configFile: workspace.configFile, contentRoot: root });
  if (loaded.problems.length) throw new UsageError(settingProblemLines(workspace, loaded.problems, show).join('\n'));
  const { settings, problems } = resolveRuleSettings(loaded.rules, workspace.config);
  if (problems.length) throw new UsageError(settingProblemLines(workspace, problems, show).join('\n'));
  return { cwd: io.cwd, config: workspace.config, repoRoot: workspace.repoRoot, configFile: workspace.configFile, root, today: workspace.today, settings, plugins: loaded.plugins };
}

/** A command that checks content refuses a content folder with nothing to check: CI must not go green on a wrong path. */
export function requireContent(workspace: CommandWorkspace, files: readonly string[]): void {
  if (files.length) return;
  const shown = relative(workspace.cwd, workspace.root) || workspace.root;
  throw new UsageError(`The content folder ${shown} has no content files (.md, .mdx, .yaml, .yml), so there is nothing to check. Pass --content DIR with the folder that holds the records, set SEAM_CONTENT, or set "content:" in seam.config.yaml.`);
}
