// The lint engine: loads the record graph once, runs every enabled rule over every content file with
// that graph at hand, applies inline disable comments, and (with `fix`) applies fixes and re-lints.
// Files are independent once the graph exists, so a cache (src/lint/cache.ts) stands in for checking
// them all, and a selection (`--changed`, src/lint/affected.ts) narrows which are checked.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { SeamConfig } from '../model/config.ts';
import { buildGraph, graphOptions, hasFile, loadGraph, updateGraph } from '../model/graph.ts';
import { isCoverageMapFile } from '../model/coverage-map.ts';
import { recordTypeOf } from '../model/identity.ts';
import type { GraphInputs, RecordGraph } from '../model/graph.ts';
import type { Position } from '../model/problem.ts';
import { plainText } from '../model/safe-text.ts';
import { plainParts } from '../model/message.ts';
import { parseSource, readSource, refusedWhole } from '../model/source.ts';
import type { SourceFile } from '../model/source.ts';
import { zodIssueMessage } from '../model/zod-messages.ts';
import { compareFindings } from '../rule-kit/finding.ts';
import type { Finding, Fix, LintResult, RuleDescriptor, Severity } from '../rule-kit/finding.ts';
import { findDirectives, isSuppressed } from '../rule-kit/directives.ts';
import { parseSourceBody } from '../rule-kit/parse.ts';
import { appliesUnder, checksFile, ruleCriterionKey } from '../rule-kit/rule.ts';
import type { Report, Rule } from '../rule-kit/rule.ts';
import { preparedView } from './affected.ts';
import { isIgnored, mayRun, settingFor } from './overrides.ts';
import { RULES_URL, seamVersion } from './version.ts';
import { shardOf, shardStamp } from './shard.ts';
import type { Shard } from './shard.ts';
import type { PluginRef } from './workspace-rules.ts';

// The rules of a workspace (Seam's, the config's, its plugins') are part of the engine's API.
export { loadWorkspaceRules } from './workspace-rules.ts';

export interface RuleSetting {
  rule: Rule;
  severity: Severity | 'off';
  options: unknown;
  /**
   * The `overrides:` entries of the config that set this rule, in order: for a file their globs
   * match, the last one's severity and options apply (ESLint's flat config: later wins).
   */
  overrides?: { files: string[]; severity: Severity | 'off'; options: unknown }[];
}

export interface UsageProblem {
  message: string;
  /** The setting of seam.config.yaml it is about, to place it (`['overrides', 0, 'rules', 'links']`). */
  path?: (string | number)[];
}

const severityOf = (level: string, rule: Rule): Severity | 'off' =>
  level === 'off' ? 'off' : level === 'error' ? 'error' : level === 'warn' || level === 'warning' ? 'warning' : rule.meta.severity;

/**
 * Applies the config's `rules:` and then its `overrides:` to the catalogue; bad settings (an unknown
 * rule, bad options) are usage problems with the place in the config they are about.
 */
export function resolveRuleSettings(rules: Rule[], config: SeamConfig): { settings: RuleSetting[]; problems: UsageProblem[] } {
  const problems: UsageProblem[] = [];
  const known = new Set(rules.map((r) => r.meta.id));
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id)) problems.push({ message: `unknown rule "${id}" in "rules". Known rules: ${[...known].join(', ')}.`, path: ['rules', id] });
  }
  (config.overrides ?? []).forEach((override, i) => {
    for (const id of Object.keys(override.rules)) {
      if (!known.has(id)) problems.push({ message: `unknown rule "${id}" in "overrides". Known rules: ${[...known].join(', ')}.`, path: ['overrides', i, 'rules', id] });
    }
  });
  const parseOptions = (rule: Rule, options: unknown, path: (string | number)[]): { ok: true; value: unknown } | { ok: false } => {
    const parsed = rule.meta.options.safeParse(options ?? {});
    if (parsed.success) return { ok: true, value: parsed.data };
    for (const issue of parsed.error.issues) problems.push({ message: `options for rule "${rule.meta.id}": ${zodIssueMessage(issue, options, rule.meta.options)}`, path });
    return { ok: false };
  };
  const settings = rules.map((rule): RuleSetting => {
    const raw = config.rules[rule.meta.id];
    const [level, options] = Array.isArray(raw) ? [raw[0], raw[1]] : [raw, undefined];
    const severity = level === undefined ? rule.meta.severity : severityOf(level, rule);
    const parsed = parseOptions(rule, options, ['rules', rule.meta.id]);
    const base = parsed.ok ? parsed.value : rule.meta.options.parse({});
    // Each override that names the rule: a bare severity keeps the options set before it.
    const overrides: NonNullable<RuleSetting['overrides']> = [];
    let previous = base;
    (config.overrides ?? []).forEach((override, i) => {
      if (!Object.hasOwn(override.rules, rule.meta.id)) return;
      const entry = override.rules[rule.meta.id]!;
      const [overrideLevel, overrideOptions] = Array.isArray(entry) ? [entry[0], entry[1]] : [entry, undefined];
      let value = previous;
      if (overrideOptions !== undefined) {
        const own = parseOptions(rule, overrideOptions, ['overrides', i, 'rules', rule.meta.id]);
        if (own.ok) value = own.value;
      }
      overrides.push({ files: override.files, severity: severityOf(overrideLevel, rule), options: value });
      previous = value;
    });
    return { rule, severity, options: base, ...(overrides.length ? { overrides } : {}) };
  });
  return { settings, problems };
}

export function describeRules(settings: RuleSetting[]): RuleDescriptor[] {
  return settings
    .map(({ rule, severity }) => ({
      id: rule.meta.id, description: rule.meta.description, criteria: rule.meta.criteria.map(ruleCriterionKey), severity, docs: rule.meta.docs,
      url: `${RULES_URL}${rule.meta.id}/`, fixable: rule.meta.fixable,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

export interface LintOptions {
  /** Absolute content root. */
  root: string;
  /** Where file names in findings are relative to (the repository root). */
  cwd: string;
  config: SeamConfig;
  today: string;
  settings: RuleSetting[];
  /** The plugins the settings' rules come from (src/lint/workspace-rules.ts): the cache's key and the workers need them. */
  plugins?: readonly PluginRef[];
  /** Restrict findings to these files or folders (absolute, or relative to cwd). */
  paths?: string[];
  fix?: boolean;
  /** Report findings even where a disable comment silences them (the site build's safety check: content cannot switch it off). */
  ignoreDirectives?: boolean;
  /** Report on this shard of the selected files only (`--shard i/n`); every check still sees the whole graph. */
  shard?: Shard;
  /** Told after each file is checked (a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Only these content files (content-relative), besides `paths`: what `select` chose. */
  only?: readonly string[];
  /** Chooses `only` once the graph is loaded (`--changed`: the changed files and those that depend on them). */
  select?: (graph: RecordGraph) => readonly string[];
  /**
   * Computes the selected files' findings in place of preparing every rule and checking every file:
   * the persistent cache (src/lint/cache.ts). The site build's safety check never passes one.
   */
  checker?: (graph: RecordGraph, options: LintOptions) => Promise<Finding[]>;
  /**
   * What reading unchanged files gave before (the persistent cache, src/lint/cache.ts): their
   * frontmatter is not parsed and validated again. The site build's safety check never passes one.
   */
  graphInputs?: GraphInputs;
  /**
   * Told what reading each file gave (every file is read afresh: nothing is read from it). The site
   * build's safety check records its reads for the build's later graphs (src/site/data/build-reads.ts).
   */
  readSink?: Pick<GraphInputs, 'set'>;
}

export interface LintRun {
  result: LintResult;
  graph: RecordGraph;
  /** Files rewritten by `fix`, relative to cwd. */
  fixed: string[];
  /** Files whose fixes were not written because the fixed file would parse worse or have more errors. */
  refusedFixes: { file: string; reason: string }[];
}

export async function lint(options: LintOptions): Promise<LintRun> {
  if (options.ignoreDirectives && (options.checker || options.graphInputs)) throw new Error('The lint cache is never used by a check that ignores disable comments (the site build\'s safety check).');
  const { readSink } = options;
  const inputs: GraphInputs | undefined = options.graphInputs ?? (readSink && { get: () => undefined, set: (file, text, input) => readSink.set(file, text, input) });
  let graph = await loadGraph(options.root, { ...graphOptions(options.config), inputs });
  if (options.select) options = { ...options, only: options.select(graph) };
  if (!options.checker || options.fix) await prepareRules(options.only && !options.fix ? preparedView(graph, options.only) : graph, options, selectFiles(graph, options));
  const fixed = new Set<string>();
  const refusedFixes = new Map<string, string>();
  if (options.fix) {
    // Apply fixes, then rebuild and re-check, until nothing more is fixable (at most 10 passes). A fix
    // is written only when the fixed file parses and has no more errors than before: a fix must never
    // make a file worse (a moved YAML alias above its anchor, say).
    for (let pass = 0; pass < 10; pass++) {
      const findings = lintFiles(graph, options);
      const byFile = new Map<string, Fix[]>();
      for (const f of findings) if (f.fix && !refusedFixes.has(f.file)) byFile.set(f.file, [...(byFile.get(f.file) ?? []), ...f.fix]);
      if (!byFile.size) break;
      let wrote = false;
      for (const [file, fixes] of byFile) {
        const abs = resolve(options.cwd, file);
        const contentFile = contentRelative(options.root, abs);
        const text = graph.byFile.get(contentFile)?.source.text ?? readSource(abs, file).text;
        const output = applyFixes(text, fixes);
        if (output === text) continue;
        const worse = await fixMakesWorse(graph, options, contentFile, output, findings.filter((f) => f.file === file));
        if (worse) {
          refusedFixes.set(file, worse);
          continue;
        }
        await writeFileAtomic(abs, keepBom(abs, output), 'utf8');
        fixed.add(file);
        wrote = true;
      }
      if (!wrote) break;
      graph = await loadGraph(options.root, { ...graphOptions(options.config), inputs });
      await prepareRules(graph, options, selectFiles(graph, options));
    }
  }
  const findings = options.checker ? await options.checker(graph, options) : lintFiles(graph, options);
  const descriptors = describeRules(options.settings);
  const files = selectFiles(graph, options).map((f) => displayPath(options, f));
  return {
    graph,
    fixed: [...fixed].sort(),
    refusedFixes: [...refusedFixes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, reason]) => ({ file, reason })),
    result: {
      findings,
      files,
      rules: descriptors,
      errorCount: findings.filter((f) => f.severity === 'error').length,
      warningCount: findings.filter((f) => f.severity === 'warning').length,
      fixableCount: findings.filter((f) => f.fix).length,
      ...(options.shard ? { shard: stampRun(graph, options, options.shard) } : {}),
    },
  };
}

/** The stamp a shard's report carries (src/lint/shard.ts). */
export function stampRun(graph: RecordGraph, options: LintOptions, shard: Shard) {
  return shardStamp(shard, {
    version: seamVersion(), today: options.today, config: options.config, graph, rules: options.settings.length,
    // A plugin's digest stands for its rules' code: shards run with different plugin files do not merge.
    settings: options.settings.map((s) => ({ id: s.rule.meta.id, severity: s.severity, options: s.options, ...(s.overrides ? { overrides: s.overrides } : {}) })),
    plugins: (options.plugins ?? []).map((p) => p.digest),
    selected: selectFiles(graph, { ...options, shard: undefined }),
  });
}

/**
 * Why writing `output` for `file` would make it worse — it no longer parses, or it has more errors —
 * judged by linting the fixed text with every other file as it is; `undefined` when the fix is safe.
 */
async function fixMakesWorse(graph: RecordGraph, options: LintOptions, file: string, output: string, before: Finding[]): Promise<string | undefined> {
  const candidate = parseSource(output, file);
  const broken = candidate.problems.find((p) => p.code === 'yaml' || p.code === 'frontmatter');
  const wasBroken = graph.byFile.get(file)?.source.problems.some((p) => p.code === 'yaml' || p.code === 'frontmatter');
  if (broken && !wasBroken) return `the fixed file would not parse (line ${broken.line}: ${broken.message})`;
  const after = await lintText(options, file, output, graph);
  const errors = (list: Finding[]) => list.filter((f) => f.severity === 'error');
  const added = errors(after).length - errors(before).length;
  if (added > 0) {
    const first = errors(after).find((f) => !before.some((b) => b.ruleId === f.ruleId && b.message === f.message)) ?? errors(after)[0]!;
    return `the fix would add ${added} error${added === 1 ? '' : 's'} (line ${first.line}: ${first.message})`;
  }
  return undefined;
}

/** `text` with the byte-order mark the file on disk starts with, if it has one (reading drops it). */
function keepBom(abs: string, text: string): string {
  try {
    const head = readFileSync(abs).subarray(0, 3);
    return head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
  } catch {
    return text;
  }
}

function contentRelative(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/** A content file as findings name it: relative to `cwd`, with forward slashes. */
export function displayPath(options: Pick<LintOptions, 'root' | 'cwd'>, contentFile: string): string {
  return relative(options.cwd, resolve(options.root, contentFile)).split(sep).join('/');
}

/**
 * The graph's files that `options.only` and `options.paths` select (all of them when neither is given),
 * less those the config ignores, then the shard's part of them.
 */
export function selectFiles(graph: Pick<RecordGraph, 'files'>, options: Pick<LintOptions, 'root' | 'cwd' | 'paths' | 'shard' | 'only'> & { config?: Pick<SeamConfig, 'ignores'> }): string[] {
  const only = options.only && new Set(options.only);
  // Ignored files stay in the graph (links to them resolve, rules read them) but are never checked.
  const linted = options.config?.ignores?.length ? graph.files.filter((f) => !isIgnored(options.config, f)) : graph.files;
  const all = only ? linted.filter((f) => only.has(f)) : linted;
  const wanted = options.paths?.length ? options.paths.map((p) => contentRelative(options.root, resolve(options.cwd, p))) : undefined;
  const selected = wanted ? all.filter((f) => wanted.some((w) => w === '' || f === w || f.startsWith(w.endsWith('/') ? w : `${w}/`))) : all;
  return options.shard ? shardOf(selected, options.shard) : selected;
}

/** Lets enabled rules do their asynchronous work for a graph (once, before checking files), for `files` when given. */
export async function prepareRules(graph: RecordGraph, options: Pick<LintOptions, 'settings'>, files?: readonly string[]): Promise<void> {
  for (const setting of options.settings) if (mayRun(setting) && setting.rule.prepare) await setting.rule.prepare(graph, files);
}

/** Runs the rules over the selected files of an already-built graph (after `prepareRules`). */
export function lintFiles(graph: RecordGraph, options: LintOptions): Finding[] {
  return checkFiles(graph, options, selectFiles(graph, options));
}

/** Runs the rules over these content files (content-relative) of an already-built graph (after `prepareRules`). */
export function checkFiles(graph: RecordGraph, options: LintOptions, files: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const active = options.settings.filter(mayRun);
  const ruleIds = new Set(options.settings.map((s) => s.rule.meta.id));
  for (const [done, file] of files.entries()) {
    const record = graph.byFile.get(file);
    const source = record?.source ?? readSource(resolve(graph.root, file), file);
    findings.push(...lintSource(graph, file, source, record, active, ruleIds, options));
    options.onProgress?.(done + 1, files.length);
  }
  return findings.sort(compareFindings);
}

function lintSource(graph: RecordGraph, file: string, source: SourceFile, record: ReturnType<RecordGraph['byFile']['get']>, active: RuleSetting[], ruleIds: ReadonlySet<string>, options: LintOptions): Finding[] {
  // A file never read, or refused as a whole, has no body for the rules either.
  const parsed = refusedWhole(source) ? undefined : parseSourceBody(source);
  const display = displayPath(options, file);
  const out: Finding[] = [];
  for (const setting of active) {
    const { rule } = setting;
    const { severity, options: ruleOptions } = settingFor(setting, file);
    if (severity === 'off') continue;
    // A rule sees only the files it declares it applies to, so its `record` is of a type it expects.
    if (!checksFile(appliesUnder(rule.meta, ruleOptions), record)) continue;
    const report = (r: Report) => {
      if (r.fix && !rule.meta.fixable) throw new Error('it reported a fix but declares "fixable: false"');
      const at = locateReport(source, r);
      // The last guard for every format: whatever a rule interpolated, a message is one line without raw
      // control characters. Parts get the same treatment, so an audience's rendering is as plain.
      const parts = r.parts?.some((p) => typeof p !== 'string') ? plainParts(r.parts) : undefined;
      out.push({ ruleId: rule.meta.id, severity: r.severity ?? (severity as Severity), file: display, ...at, message: plainText(r.message), ...(parts ? { parts } : {}), ...(r.fix ? { fix: r.fix } : {}), ...(r.scope ? { scope: r.scope } : {}) });
    };
    try {
      rule.check({
        file, source, record, graph, today: options.today, options: ruleOptions, config: options.config, ruleIds, report,
        tree: parsed?.ok ? parsed.tree : undefined,
        ...(parsed && !parsed.ok ? { syntaxError: parsed.error } : {}),
      });
    } catch (error) {
      // A rule bug must not hide the other rules' findings; it surfaces as a finding with the rule id.
      out.push({ ruleId: rule.meta.id, severity: 'error', file: display, line: 1, column: 1, message: plainText(`Internal error in rule "${rule.meta.id}": ${(error as Error).message}. Please report this.`) });
    }
  }
  if (options.ignoreDirectives) return out;
  const directives = findDirectives(source);
  if (!directives.length) return out;
  // Content cannot switch off a rule that declares it may not be disabled inline.
  const undisableable = new Set(active.filter((s) => s.rule.meta.inlineDisable === false).map((s) => s.rule.meta.id));
  return out.filter((f) => undisableable.has(f.ruleId) || !isSuppressed(f, directives));
}

function locateReport(source: SourceFile, r: Report): Position & { endLine?: number; endColumn?: number } {
  const at = r.at;
  if (!at) return { line: 1, column: 1 };
  if ('path' in at) return source.locate(at.path, { key: at.key });
  if ('node' in at) {
    const p = at.node.position;
    return p ? { line: p.start.line, column: p.start.column, ...(p.end ? { endLine: p.end.line, endColumn: p.end.column } : {}) } : { line: 1, column: 1 };
  }
  const { line, column, endLine, endColumn } = at as Position & { endLine?: number; endColumn?: number };
  return { line, column, ...(endLine !== undefined ? { endLine, endColumn } : {}) };
}

/** Applies non-overlapping fixes (earliest first; an overlapping one waits for the next pass). */
export function applyFixes(text: string, fixes: Fix[]): string {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const fix of sorted) {
    if (fix.start < cursor) continue;
    out += text.slice(cursor, fix.start) + fix.text;
    cursor = fix.end;
  }
  return out + text.slice(cursor);
}

/**
 * Lints in-memory text for one file (editors): the file's text replaces what is on disk. `disk` is the
 * graph of the files on disk, when the caller keeps one (the remark preset caches it between calls): the
 * text's graph is that graph updated for this one file (src/model/graph.ts `updateGraph`), so no other
 * file is read or checked again, and only what checking this file reads is prepared.
 */
export async function lintText(runOptions: LintOptions, file: string, text: string, onDisk?: RecordGraph): Promise<Finding[]> {
  // One file, whatever part of the run it came from (a fix checked during a sharded run) and untold.
  const options: LintOptions = { ...runOptions, shard: undefined, onProgress: undefined };
  const disk = onDisk ?? (await loadGraph(options.root, graphOptions(options.config)));
  const only = { ...options, paths: [resolve(options.root, file)] };
  // The file, if the graph holds it and the config does not ignore it: asked of it alone, not of every file of the graph.
  const check = (graph: RecordGraph) => checkFiles(graph, options, selectFiles({ files: hasFile(graph, file) ? [file] : [] }, only));
  if (disk.byFile.get(file)?.source.text === text) {
    await prepareRules(disk, options, [file]);
    return check(disk);
  }
  const read = () => parseSource(text, file);
  const graph = updateGraph(disk, [recordTypeOf(file) || isCoverageMapFile(file) || /\.mdx?$/.test(file) ? { file, read } : { file, removed: true }]) ?? textGraph(disk, file, read);
  await prepareRules(graph, options, [file]);
  return check(graph);
}

/** The graph of `disk` with `file` read by `read`, built from scratch: for a graph `updateGraph` cannot update. */
function textGraph(disk: RecordGraph, file: string, read: () => SourceFile): RecordGraph {
  const inputs = disk.files.filter((f) => f !== file).map((f) => ({ file: f, read: () => disk.byFile.get(f)?.source ?? readSource(resolve(disk.root, f), f) }));
  if (recordTypeOf(file) || isCoverageMapFile(file) || /\.mdx?$/.test(file)) inputs.push({ file, read });
  inputs.sort((a, b) => (a.file < b.file ? -1 : 1));
  return buildGraph(disk.root, inputs, { primaryStandard: disk.configuredPrimary });
}
