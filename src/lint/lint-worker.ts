// One worker thread of the lint pool (src/lint/workers.ts): loads the record graph once per run, then
// checks the chunks of files it is given and returns their findings (and, when asked, the shard stamp).
import { resolve } from 'node:path';
import type { SeamConfig } from '../model/config.ts';
import { graphOptions, loadGraph } from '../model/graph.ts';
import type { RecordGraph } from '../model/graph.ts';
import type { Finding, Severity, ShardStamp } from '../rule-kit/finding.ts';
import type { Rule } from '../rule-kit/rule.ts';
import { lintFiles, prepareRules, stampRun } from './engine.ts';
import type { LintOptions, RuleSetting } from './engine.ts';
import type { Shard } from './shard.ts';
import { reloadRules } from './workspace-rules.ts';
import type { PluginRef } from './workspace-rules.ts';

export interface LintTask {
  /** Identifies the run: a worker keeps its graph while the tasks are of the same run. */
  run: string;
  root: string;
  cwd: string;
  config: SeamConfig;
  today: string;
  /** The rule settings by rule id (the rules themselves are loaded again: the catalogue, the config's, the plugins'). */
  settings: { id: string; severity: Severity | 'off'; options: unknown; overrides?: RuleSetting['overrides'] }[];
  /** The plugins the run loaded, which the worker imports too. */
  plugins: PluginRef[];
  paths?: string[];
  shard?: Shard;
  ignoreDirectives?: boolean;
  /** The content files to check. */
  chunk: string[];
  /** Also return the run's shard stamp. */
  stamp: boolean;
}

export interface LintTaskResult {
  findings: Finding[];
  stamp?: ShardStamp;
}

let loaded: { run: string; graph: Promise<RecordGraph>; rules: Promise<Rule[]> } | undefined;

export default async function lintTask(task: LintTask): Promise<LintTaskResult> {
  if (loaded?.run !== task.run) loaded = { run: task.run, graph: loadGraph(task.root, graphOptions(task.config)), rules: reloadRules(task.config, task.plugins) };
  const graph = await loaded.graph;
  const rules = await loaded.rules;
  const settings = task.settings.map(({ id, severity, options, overrides }): RuleSetting => {
    const rule = rules.find((r) => r.meta.id === id);
    if (!rule) throw new Error(`The rule "${id}" is not in the catalogue a worker loads.`);
    return { rule, severity, options, ...(overrides ? { overrides } : {}) };
  });
  const options: LintOptions = {
    root: task.root, cwd: task.cwd, config: task.config, today: task.today, settings, plugins: task.plugins,
    ...(task.paths ? { paths: task.paths } : {}), ...(task.shard ? { shard: task.shard } : {}), ...(task.ignoreDirectives ? { ignoreDirectives: true } : {}),
  };
  await prepareRules(graph, options, task.chunk);
  const findings = lintFiles(graph, { ...options, paths: task.chunk.map((f) => resolve(task.root, f)), shard: undefined });
  return { findings, ...(task.stamp && task.shard ? { stamp: stampRun(graph, options, task.shard) } : {}) };
}
