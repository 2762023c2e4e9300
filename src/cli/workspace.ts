// Everything a command needs before it runs: the config, the content root, "today" and the rule
// settings, resolved once from flags, environment and seam.config.yaml, in that order.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { loadConfig, resolveContentRoot } from '../model/config.ts';
import type { SeamConfig } from '../model/config.ts';
import { formatProblem } from '../model/problem.ts';
import { resolveToday } from '../model/today.ts';
import { resolveRuleSettings } from '../lint/engine.ts';
import type { RuleSetting } from '../lint/engine.ts';
import { rules } from '../../rules/index.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';

export interface WorkspaceFlags {
  content?: string;
  config?: string;
  today?: string;
}

export interface Workspace {
  cwd: string;
  config: SeamConfig;
  root: string;
  today: string;
  settings: RuleSetting[];
}

export function openWorkspace(flags: WorkspaceFlags, io: IO): Workspace {
  const loaded = loadConfig(io.cwd, flags.config);
  if (loaded.problems.length) {
    throw new UsageError(loaded.problems.map((p) => formatProblem({ ...p, file: relative(io.cwd, p.file) || p.file })).join('\n'));
  }
  const root = resolveContentRoot(loaded, flags.content ? `${io.cwd}/${flags.content}`.replace(/^.*\/\//, '/') : undefined, io.env);
  if (!existsSync(root)) throw new UsageError(`The content folder ${relative(io.cwd, root) || root} does not exist. Pass --content DIR, set SEAM_CONTENT, or set "content:" in seam.config.yaml.`);
  const today = resolveToday({ flag: flags.today, env: io.env.SEAM_TODAY, config: loaded.config.today });
  if (!today.ok) throw new UsageError(today.message);
  const { settings, problems } = resolveRuleSettings(rules, loaded.config);
  if (problems.length) throw new UsageError(problems.map((p) => p.message).join('\n'));
  return { cwd: io.cwd, config: loaded.config, root, today: today.today, settings };
}
