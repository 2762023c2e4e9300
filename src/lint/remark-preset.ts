// Seam as a remark preset: `.remarkrc.mjs` loads it, so remark-cli and the remark (unified) language
// server report the same findings, with the same rule ids, as `seam lint`. For each file it finds the
// workspace (seam.config.yaml upwards from the file), lints the file's in-memory text against the
// record graph of everything else on disk, and attaches each finding to the file as a vfile message.
import { existsSync, lstatSync, statSync, watch } from 'node:fs';
import type { FSWatcher, Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import type { VFile } from 'vfile';
import { buildGraph, graphOptions, loadGraph, updateGraph } from '../model/graph.ts';
import { CONTENT_FILE, listContentFiles } from '../model/content-files.ts';
import type { ContentEntry } from '../model/content-files.ts';
import type { GraphChange, GraphInput, GraphOptions, RecordGraph } from '../model/graph.ts';
import { parseSource, readSource } from '../model/source.ts';
import { openWorkspace, problemLines, settingProblemLines } from '../model/workspace.ts';
import { lintText, resolveRuleSettings } from './engine.ts';
import { rememberedWorkspaceRules } from './workspace-rules.ts';
import { RULES_URL } from './version.ts';
import type { Finding } from '../rule-kit/finding.ts';

/**
 * The disk graph of a content root, kept up to date file by file. An editor lints on every keystroke,
 * and other files change on disk rarely (a save, a checkout), so a keystroke must cost neither a read
 * nor a stat of every file: a recursive watcher of the content root collects the paths that changed,
 * and the next call reads those again and updates the graph for them alone (src/model/graph.ts
 * `updateGraph`). A path the graph does not hold, one that is no longer a regular file, or a folder
 * lists the content folder again to find what was added or removed. Where the watcher cannot run (it
 * failed, or ran out of inotify watches), every call compares each file's mtime and size instead.
 */
interface DiskState {
  graph: RecordGraph;
  /** The graph's files, and whether each was refused (a link, a folder Seam may not read). */
  listed: Map<string, boolean>;
  /** Paths (content-relative) the watcher saw change since the graph was brought up to date. */
  dirty: Set<string>;
  /** The watcher could not tell which path changed: list again. */
  relist: boolean;
  watcher?: FSWatcher;
  /** Without a watcher: each file's mtime and size when last read. */
  stamps?: Map<string, string>;
}

const disks = new Map<string, Promise<DiskState>>();

/** The record graph of a content root as it is on disk (see `DiskState`), one per root and primary standard. */
export async function diskGraph(contentRoot: string, options: GraphOptions = {}): Promise<RecordGraph> {
  const root = resolve(contentRoot);
  if (!existsSync(root) || !statSync(root).isDirectory()) return loadGraph(root, options);
  const key = `${root}\0${options.primaryStandard ?? ''}`;
  let pending = disks.get(key);
  if (!pending) {
    pending = openDisk(root, options);
    disks.set(key, pending);
    return (await pending).graph;
  }
  const disk = await pending;
  if (!disk.watcher) return refreshByStamps(root, disk);
  // Let the watcher report what changed until now: its events wait for the event loop.
  await new Promise((done) => setImmediate(done));
  if (!disk.watcher) return refreshByStamps(root, disk);
  if (disk.dirty.size || disk.relist) refreshByWatcher(root, disk);
  return disk.graph;
}

async function openDisk(root: string, options: GraphOptions): Promise<DiskState> {
  const disk: DiskState = { graph: undefined as unknown as RecordGraph, listed: new Map(), dirty: new Set(), relist: false };
  // Watching starts before the listing, so that nothing changed while reading is missed.
  try {
    disk.watcher = watch(root, { recursive: true, persistent: false }, (_event, name) => {
      if (typeof name === 'string' && name) disk.dirty.add(name.split(sep).join('/'));
      else disk.relist = true;
    });
    disk.watcher.on('error', () => stopWatching(disk));
  } catch {
    disk.stamps = new Map();
  }
  const entries = listContentFiles(root);
  if (disk.stamps) disk.stamps = stampsOf(root, entries.map((e) => e.file));
  disk.graph = buildGraph(root, entries.map((entry) => inputOf(root, entry)), options);
  disk.listed = new Map(entries.map((e) => [e.file, !!e.refused]));
  return disk;
}

/** The watcher failed (inotify watches ran out, the folder went): from now on, compare stamps, starting with every file. */
function stopWatching(disk: DiskState) {
  disk.watcher?.close();
  disk.watcher = undefined;
  disk.stamps = new Map();
}

/** A content entry as the graph reads it, as `loadGraph` does. */
function inputOf(root: string, { file, refused }: ContentEntry): GraphInput {
  return refused ? { file, refused, read: () => parseSource('', file) } : { file, read: () => readSource(resolve(root, file), file) };
}

function refreshByWatcher(root: string, disk: DiskState) {
  const paths = [...disk.dirty].sort();
  disk.dirty.clear();
  let relist = disk.relist;
  disk.relist = false;
  const changes: GraphChange[] = [];
  for (const file of paths) {
    if (file.split('/').some((s) => s.startsWith('.'))) continue; // hidden: never content
    const refused = disk.listed.get(file);
    let stat: Stats | undefined;
    try {
      stat = lstatSync(resolve(root, file));
    } catch {
      stat = undefined;
    }
    if (!stat) {
      if (refused !== undefined) changes.push({ file, removed: true });
      // A folder that went takes its files along.
      else if (!relist && disk.graph.files.some((f) => f.startsWith(`${file}/`))) relist = true;
    } else if (stat.isFile() && refused === false) {
      const changed = readChanged(root, disk.graph, file);
      if (changed) changes.push(changed);
    } else if (stat.isFile() && refused === undefined) {
      if (CONTENT_FILE.test(file)) changes.push(inputOf(root, { file }));
    } else relist = true; // a folder, a link, something else, or a refused entry that changed
  }
  if (relist) changes.push(...listingChanges(disk, listContentFiles(root), new Set(changes.map((c) => c.file))));
  if (!changes.length) return;
  disk.graph = updateGraph(disk.graph, changes) ?? disk.graph;
  for (const change of changes) {
    if ('removed' in change) disk.listed.delete(change.file);
    else disk.listed.set(change.file, !!change.refused);
  }
}

/** `file`, read again, when its text is not what the graph holds. */
function readChanged(root: string, graph: RecordGraph, file: string): GraphChange | undefined {
  const source = readSource(resolve(root, file), file);
  const before = graph.byFile.get(file)?.source;
  if (before && !before.problems.length && !source.problems.length && before.text === source.text) return undefined;
  return { file, read: () => source };
}

/** What listing the content folder again finds added, removed, or now refused or no longer refused (besides `known` changes). */
function listingChanges(disk: DiskState, entries: readonly ContentEntry[], known: ReadonlySet<string>): GraphChange[] {
  const changes: GraphChange[] = [];
  const now = new Set<string>();
  for (const entry of entries) {
    now.add(entry.file);
    if (known.has(entry.file)) continue;
    const was = disk.listed.get(entry.file);
    if (was === undefined || was !== !!entry.refused) changes.push(inputOf(disk.graph.root, entry));
  }
  for (const file of disk.listed.keys()) if (!now.has(file) && !known.has(file)) changes.push({ file, removed: true });
  return changes;
}

/** Without a watcher: the files whose mtime or size changed since the last call, read again. */
function refreshByStamps(root: string, disk: DiskState): RecordGraph {
  const entries = listContentFiles(root);
  const stamps = stampsOf(root, entries.map((e) => e.file));
  const changes = listingChanges(disk, entries, new Set());
  const listedNow = new Set(changes.map((c) => c.file));
  for (const [file, stamp] of stamps) {
    if (listedNow.has(file) || disk.stamps?.get(file) === stamp || disk.listed.get(file) !== false) continue;
    changes.push({ file, read: () => readSource(resolve(root, file), file) });
  }
  disk.stamps = stamps;
  if (changes.length) disk.graph = updateGraph(disk.graph, changes) ?? disk.graph;
  disk.listed = new Map(entries.map((e) => [e.file, !!e.refused]));
  return disk.graph;
}

function stampsOf(root: string, files: readonly string[]): Map<string, string> {
  return new Map(files.map((f) => {
    try {
      const s = lstatSync(resolve(root, f));
      return [f, `${s.mtimeMs}\t${s.size}`];
    } catch {
      return [f, 'gone'];
    }
  }));
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
    // The same rules as `seam lint`: Seam's, the config's custom rules and its plugins'.
    const disk = () => diskGraph(root, graphOptions(workspace.config));
    const loaded = await rememberedWorkspaceRules({ config: workspace.config, configFile: workspace.configFile, contentRoot: root, criteria: async () => (await disk()).criteria });
    if (loaded.problems.length) return problem(settingProblemLines(workspace, loaded.problems).join('\n'));
    const { settings, problems } = resolveRuleSettings(loaded.rules, workspace.config);
    if (problems.length) return problem(settingProblemLines(workspace, problems).join('\n'));
    const text = typeof file.value === 'string' ? file.value : new TextDecoder().decode(file.value);
    const options = { root, cwd: root, config: workspace.config, today: workspace.today, settings };
    const findings = await lintText(options, inContent.split(sep).join('/'), text, await disk());
    for (const finding of findings) attach(file, finding);
  };
}

/** The preset `.remarkrc.mjs` exports: frontmatter-aware parsing (so nothing else mistakes it for Markdown) and Seam's rules. */
const preset = { plugins: [[remarkFrontmatter, ['yaml']], remarkSeam] };
export default preset;
