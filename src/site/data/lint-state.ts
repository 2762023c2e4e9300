// The lint findings and criteria coverage the site shows, computed once per build by the same engine
// and rules as `seam lint` and `seam coverage`, then shared by every page through one cached promise.
// The site never re-implements a check: a record page's lint status is exactly what the CLI reports.
// When `seam lint --cache` left a cache at its default place (node_modules/.cache/seam/ under the
// repository root), written with the same settings, content folder, date and Seam, the lint takes each
// unchanged file's findings from it instead of checking the file again (a CI job that lints and then
// builds checks each file once). The build only reads it, never writes it: builds of other content
// from the same repository must not fight over one file, nor clobber the CLI's. A cache that is
// absent, corrupt or written under another key is not used (one line says so, unless it is absent),
// and the findings are the same either way. The build's refusal of unsafe MDX and credentials
// (src/site/integrations/content-safety.ts) never reads it. Without that cache, each file's parse and
// record come from what the safety check read earlier in the same build, when the text is the same
// (src/site/data/build-reads.ts): a file is parsed once per build, not once per reader. Either way, a
// file whose text is not what the safety check read stops the build rather than being shown.
import { existsSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { AstroError } from 'astro/errors';
import { lint, loadWorkspaceRules, resolveRuleSettings, type RuleSetting } from '../../lint/engine.ts';
import { cacheFile, lintCache, type CacheStats, type LintCache } from '../../lint/cache.ts';
import type { Rule } from '../../rule-kit/rule.ts';
import { computeCoverage, primaryCoverage, type Coverage, type CoverageProject } from '../../rule-kit/coverage.ts';
import { criteriaOfType, criterionMappings } from '../../model/coverage-map.ts';
import { countBuildStep } from './build-stats.ts';
import { buildReads, endBuildReads } from './build-reads.ts';
import type { Finding, RuleDescriptor } from '../../rule-kit/finding.ts';
import type { SeamConfig } from '../../model/config.ts';
import type { ContentRecord, RecordGraph } from '../../model/graph.ts';
import { visibleFiles, type Audience } from '../../model/audience.ts';
import { renderMessage } from '../../model/message.ts';
import { openWorkspace, problemLines, settingProblemLines } from '../../model/workspace.ts';
import { parsedPart, restoreSource } from '../../model/source.ts';
import { IS_BUILD } from './build-stats.ts';

export interface SiteLint {
  /** The reference date every date on the site is judged against (never the clock when configured). */
  today: string;
  config: SeamConfig;
  /** Who this build is for (what pages may show). */
  audience: Audience;
  /** The repository root: where seam.config.yaml is, and what finding paths are relative to. */
  repoRoot: string;
  /** The absolute content root. */
  contentRoot: string;
  graph: RecordGraph;
  /** Every finding, its message as this build's audience may read it. */
  findings: Finding[];
  /** The rule catalogue with each rule's configured severity. */
  rules: RuleDescriptor[];
  /**
   * Every rule of the workspace, in id order: Seam's, the config's custom rules and its plugins' (the
   * site's rule catalogue and rule pages list these, as `seam rules` does).
   */
  workspaceRules: Rule[];
  settings: RuleSetting[];
  coverage: Coverage;
  /** A project's coverage summary of the primary standard, by project id. */
  coverageOf(projectId: string): CoverageProject | undefined;
  /** The criteria the standard's coverage map says a record of `type` evidences (computed once per type). */
  typeCriteria(type: string): readonly string[];
  /** The graph's record of a site record (`type` and `id`, which the graph and the site share), if the graph has it. */
  recordOf(type: string, id: string): ContentRecord | undefined;
  /** Findings in a content file (content-relative path), in report order. */
  findingsIn(contentFile: string): Finding[];
  /**
   * How many files' findings came from the lint cache (`seam lint --cache`) and how many were checked;
   * undefined when there was no cache file to read.
   */
  lintCache?: CacheStats;
}

export interface SiteLintOptions {
  /** Where to look for seam.config.yaml from (upwards); defaults to the working directory. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Told why the lint cache was not used, in one line (see `readOnlyLintCache`); standard error by default. */
  notice?: (line: string) => void;
}

/** A configuration problem the site cannot be built with, as Astro prints it: the message, no stack trace. */
function configError(message: string): AstroError {
  const error = new AstroError(message, 'Fix seam.config.yaml (or SEAM_TODAY), then build again.');
  error.stack = '';
  return error;
}

/** Lints the content the site is built from, as `seam lint` would from the repository root. */
export async function computeSiteLint({ cwd = process.cwd(), env = process.env, notice = sayOnce }: SiteLintOptions = {}): Promise<SiteLint> {
  const workspace = openWorkspace({ cwd, env });
  const { config, repoRoot, contentRoot, today } = workspace;
  const configProblems = problemLines(workspace, 'config');
  if (configProblems.length) throw configError(configProblems.join('\n'));
  const [todayProblem] = problemLines(workspace, 'today');
  if (todayProblem) throw configError(todayProblem);
  const loaded = await loadWorkspaceRules({ config, configFile: workspace.configFile, contentRoot });
  if (loaded.problems.length) throw configError(settingProblemLines(workspace, loaded.problems).join('\n'));
  const { settings, problems } = resolveRuleSettings(loaded.rules, config);
  if (problems.length) throw configError(settingProblemLines(workspace, problems).join('\n'));
  const [audienceProblem] = problemLines(workspace, 'audience');
  if (audienceProblem) throw configError(audienceProblem);

  countBuildStep('site-lint');
  const cache = readOnlyLintCache(repoRoot, notice);
  // Without the CLI's cache, each file's parse comes from the build's safety check, when it read the same
  // text; with it or without, a file whose text the check did not read stops the build.
  const inputs = buildReads(cache?.graphInputs);
  const { result, graph } = await lint({
    root: contentRoot, cwd: repoRoot, config, today, settings, plugins: loaded.plugins,
    ...(cache ? { checker: cache.checker } : {}), ...(inputs ? { graphInputs: inputs } : {}),
  });
  endBuildReads();
  // The same findings as `seam lint`, but a message that names a record this build's readers may not
  // read says "a restricted record" instead, and suggests only what they can read.
  const readable = visibleFiles(graph, workspace.audience);
  const canRead = (file: string) => readable.has(file);
  const findings = result.findings.map((f) => (f.parts ? { ...f, message: renderMessage(f.parts, canRead) } : f));
  const toContent = (file: string) => relative(contentRoot, resolve(repoRoot, file)).split(sep).join(posix.sep);
  const display = (contentFile: string) => relative(repoRoot, resolve(contentRoot, contentFile)).split(sep).join(posix.sep);

  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const file = toContent(finding.file);
    byFile.set(file, [...(byFile.get(file) ?? []), finding]);
  }
  const byId = new Map(graph.records.map((r) => [`${r.type}:${r.id}`, r]));
  const coverage = computeCoverage(graph, findings, display);
  // A project's headline figure is its coverage of the primary standard; the coverage page shows each standard's.
  const coverageById = new Map(primaryCoverage(graph, coverage).projects.map((p) => [p.id, p]));
  const mappings = criterionMappings(graph);
  const criteriaByType = new Map<string, readonly string[]>();
  releaseSyntax(graph);
  return {
    today,
    config,
    audience: workspace.audience,
    repoRoot,
    contentRoot,
    graph,
    findings,
    rules: result.rules,
    workspaceRules: [...loaded.rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)),
    settings,
    coverage,
    coverageOf: (projectId) => coverageById.get(projectId),
    typeCriteria: (type) => {
      let criteria = criteriaByType.get(type);
      if (!criteria) criteriaByType.set(type, (criteria = criteriaOfType(type, graph, mappings)));
      return criteria;
    },
    recordOf: (type, id) => byId.get(`${type}:${id}`),
    findingsIn: (contentFile) => byFile.get(contentFile) ?? [],
    ...(cache ? { lintCache: cache.stats } : {}),
  };
}

/**
 * The CLI's lint cache at its default place, read-only (see the module comment), or undefined when
 * there is none. `notice` hears at most one line a lint: why the cache (or, failing that, its inputs
 * file) is not used.
 */
function readOnlyLintCache(repoRoot: string, notice: (line: string) => void): (LintCache & { stats: CacheStats }) | undefined {
  const file = cacheFile(repoRoot, undefined, repoRoot);
  // The build runs the engine bundled away from Seam's sources: the key names Seam by the folder the
  // site is built from, where Astro runs (src/site/integrations/content-root.ts opens it from there too).
  const seamFolder = process.cwd();
  if (!existsSync(file) || !existsSync(join(seamFolder, 'package.json'))) return undefined;
  const stats: CacheStats = { reused: 0, checked: 0 };
  let said = false;
  const once = (line: string) => {
    if (!said) notice(line);
    said = true;
  };
  return { ...lintCache(file, once, stats, { readOnly: true, seamFolder }), stats };
}

const said = new Set<string>();

/** A line on standard error, as the CLI says it, but not again in this process (`astro dev` lints again on page loads). */
function sayOnce(line: string): void {
  if (said.has(line)) return;
  said.add(line);
  process.stderr.write(`${line}\n`);
}

/**
 * Once the findings and coverage are computed, the site reads the graph's records (their data, text
 * and files), never their syntax: each file's YAML document, and the parsed body the rules kept for
 * it, is let go instead of being held for the whole build — most of the graph's memory. A record's
 * source is swapped for one that parses its frontmatter again only if something asks where a field is.
 */
function releaseSyntax(graph: RecordGraph): void {
  for (const holder of [...graph.records, ...graph.coverageMaps]) {
    const { source } = holder;
    holder.source = restoreSource(source.text, source.file, parsedPart(source));
  }
}

let cached: { at: number; state: Promise<SiteLint> } | undefined;

/**
 * The site's lint state. A build computes it once and every page shares it; `astro dev` recomputes it
 * when it is more than a couple of seconds old, so edits to content show up on the next page load.
 */
export function getSiteLint(options: { maxAgeMs?: number } = {}): Promise<SiteLint> {
  const maxAge = options.maxAgeMs ?? (IS_BUILD ? Number.POSITIVE_INFINITY : 2000);
  const now = Date.now();
  if (!cached || now - cached.at > maxAge) {
    const state = computeSiteLint();
    cached = { at: now, state };
    // A failed run is not cached: the next page reports the problem again rather than a stale one.
    state.catch(() => {
      if (cached?.state === state) cached = undefined;
    });
  }
  return cached.state;
}
