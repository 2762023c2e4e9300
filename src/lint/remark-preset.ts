// Seam as a remark preset: `.remarkrc.mjs` loads it, so remark-cli and the remark (unified) language
// server report the same findings, with the same rule ids, as `seam lint`. For each file it finds the
// workspace (seam.config.yaml upwards from the file), lints the file's in-memory text against the
// record graph of everything else on disk, and attaches each finding to the file as a vfile message.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import type { VFile } from 'vfile';
import { graphOptions, loadGraph } from '../model/graph.ts';
import { listContentFiles } from '../model/content-files.ts';
import type { GraphOptions, RecordGraph } from '../model/graph.ts';
import { openWorkspace, problemLines } from '../model/workspace.ts';
import { rules } from '../../rules/index.ts';
import { lintText, resolveRuleSettings } from './engine.ts';
import { RULES_URL } from './version.ts';
import type { Finding } from '../rule-kit/finding.ts';

/** The disk graph per content root, with the stamp (paths, mtimes, sizes) it was built from. */
const graphs = new Map<string, { stamp: string; graph: RecordGraph }>();

/**
 * The record graph of a content root as it is on disk, rebuilt only when a file was added, removed or
 * modified since the last call: an editor lints on every keystroke, and reading the whole content
 * folder each time would be slow. Listing and stat-ing the files is cheap by comparison.
 */
export async function diskGraph(root: string, options: GraphOptions = {}): Promise<RecordGraph> {
  const files = listContentFiles(root).map((e) => e.file);
  const stamp = files.map((f) => {
    try {
      const s = statSync(resolve(root, f));
      return `${f}\t${s.mtimeMs}\t${s.size}`;
    } catch {
      return `${f}\tgone`;
    }
  }).join('\n') + `\n${options.primaryStandard ?? ''}`;
  const cached = graphs.get(root);
  if (cached?.stamp === stamp) return cached.graph;
  const graph = await loadGraph(root, options);
  graphs.set(root, { stamp, graph });
  return graph;
}

/**
 * How a finding's severity maps onto vfile messages, as remark-lint does it: an error is `fatal: true`,
 * so `remark` exits 1 on it (as `seam lint` does) and the language server shows an Error; a warning is
 * `fatal: false`, which `remark --frail` also fails on (as `seam lint --max-warnings 0` does) and the
 * language server shows as a Warning.
 */
function attach(file: VFile, finding: Pick<Finding, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>) {
  const start = { line: finding.line, column: finding.column };
  const place = finding.endLine !== undefined && finding.endColumn !== undefined ? { start, end: { line: finding.endLine, column: finding.endColumn } } : start;
  const message = file.message(finding.message, { place, ruleId: finding.ruleId, source: 'seam' });
  message.url = `${RULES_URL}${finding.ruleId}/`;
  message.fatal = finding.severity === 'error';
}

/** The unified plugin: lints each file that lies under a Seam workspace's content root. */
export function remarkSeam() {
  return async (_tree: Root, file: VFile) => {
    if (!file.path) return;
    const path = resolve(file.cwd, file.path);
    const workspace = openWorkspace({ cwd: dirname(path) });
    if (!workspace.configFile) return; // not in a Seam workspace
    const problem = (message: string) => attach(file, { ruleId: 'config', severity: 'error', message, line: 1, column: 1 });
    const configProblems = problemLines(workspace, 'config');
    if (configProblems.length) return problem(configProblems.join('\n'));
    const root = workspace.contentRoot;
    const inContent = relative(root, path);
    if (!inContent || inContent.startsWith('..') || isAbsolute(inContent)) return;
    // The audience is a site build's setting: the editor does not read it.
    const [todayProblem] = problemLines(workspace, 'today');
    if (todayProblem) return problem(todayProblem);
    const { settings, problems } = resolveRuleSettings(rules, workspace.config);
    if (problems.length) return problem(problems.map((p) => p.message).join('\n'));
    const text = typeof file.value === 'string' ? file.value : new TextDecoder().decode(file.value);
    const options = { root, cwd: root, config: workspace.config, today: workspace.today, settings };
    const findings = await lintText(options, inContent.split(sep).join('/'), text, await diskGraph(root, graphOptions(workspace.config)));
    for (const finding of findings) attach(file, finding);
  };
}

/** The preset `.remarkrc.mjs` exports: frontmatter-aware parsing (so nothing else mistakes it for Markdown) and Seam's rules. */
const preset = { plugins: [[remarkFrontmatter, ['yaml']], remarkSeam] };
export default preset;
