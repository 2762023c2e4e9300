// What each content file's findings depend on, stated once for the persistent cache (src/lint/cache.ts)
// and for `seam lint --changed`: a file is checked again, or counted as affected, exactly when one of
// the parts of the content its findings can read has changed.
//
// The parts ("units"):
// - `global`: everything outside `projects/` (organisations, systems, providers, policies, standards
//   and their coverage maps, handbook pages), the names of every file under the content root and in the
//   site's public folder (links may point at any of them), and the set of project ids (a dangling
//   project reference lists them). Every file depends on it.
// - `project:<id>`: every file of one project folder. A project record depends on its own project (the
//   project rules compare its records with each other) and on every project it names (a link, a
//   `lessonsApplied` entry, a reference: the file's text contains the project's id).
// - `named:<id>`: the files of other projects that name the project: the records that reference it.
//   Every file of the project depends on them.
// - `across:<type>`: one project record type in every project, for a rule that declares it reads that
//   type in all projects (`readsAcrossProjects`: a charter is compared with every project's lessons).
// A file outside `projects/` (a policy, a system, a standard, a coverage map, a handbook page) depends on
// `global` and on the projects it names: no rule reads a project for it otherwise (coverage maps are
// checked against the catalogues and policies, not against projects; the coverage matrix is no rule's).
//
// "Names a project" is read from the raw text as whole words (runs of letters, digits, `_` and `-`,
// case-insensitive), and again after undoing the escapes a link may be written with (`\-`, `&#45;`,
// `%2D`): it can only over-approximate what the link and reference rules resolve, never miss it.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { listContentFiles } from '../model/content-files.ts';
import { contentTree } from '../model/graph.ts';
import type { RecordGraph } from '../model/graph.ts';
import { recordTypeOf } from '../model/identity.ts';
import { appliesUnder, checksFile } from '../rule-kit/rule.ts';
import type { RuleSetting } from './engine.ts';
import { mayRun } from './overrides.ts';

const GLOBAL = 'global';

interface Dependencies {
  /** The units a content file's findings depend on, sorted. */
  unitsOf(file: string): readonly string[];
  /** A digest of the file's own text (or bytes; for an entry Seam refuses to read, of what it is). */
  hashOf(file: string): string;
  /** A digest of everything in a unit. */
  digestOf(unit: string): string;
  /** The content files whose findings depend on any of these units, sorted. */
  dependents(units: ReadonlySet<string>): string[];
  /** The project a content-relative path belongs to, if any. */
  projectOf(file: string): string | undefined;
  /**
   * The units a change to this content-relative path (added, changed or removed) touches; `before` is
   * its text before the change, when it existed (the projects it named then are touched too).
   */
  unitsTouchedBy(file: string, before?: string): string[];
}

interface DependencyOptions {
  settings: readonly RuleSetting[];
  /** Paths left out of the listings (the cache file itself, when it sits inside the content root). */
  ignore?: readonly string[];
  /** The SHA-256 (base64url) of a file's text when the caller has it already (the cache hashed every file it read). */
  textDigest?: (file: string, text: string) => string | undefined;
  /**
   * The project ids a file's text names, when the caller knows them (the cache keeps them from an earlier
   * run, by the text's digest and the set of project ids): `find` reads them from the text, and is what
   * the caller must answer with (`projects` is the set of ids it reads against, sorted).
   */
  namedIn?: (file: string, text: string, find: (text: string) => Set<string>, projects: readonly string[]) => Set<string>;
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('base64url');

/** The project folder a content-relative path is in: `projects/<id>/…`. */
export function projectOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts[0] === 'projects' && parts.length > 2 ? parts[1] : undefined;
}

/** The public folder the `links` rule checks `/…` addresses against, when that rule is on. */
function publicDirOf(graph: RecordGraph, settings: readonly RuleSetting[]): string | undefined {
  const links = settings.find((s) => s.rule.meta.id === 'links' && mayRun(s));
  const dir = (links?.options as { publicDir?: unknown } | undefined)?.publicDir;
  if (typeof dir !== 'string') return undefined;
  return isAbsolute(dir) ? dir : resolve(graph.root, dir);
}

export function fileDependencies(graph: RecordGraph, { settings, ignore = [], textDigest, namedIn }: DependencyOptions): Dependencies {
  const active = settings.filter(mayRun);
  const across = new Set<string>(active.flatMap((s) => s.rule.meta.readsAcrossProjects ?? []));
  const ignored = new Set(ignore.map((p) => resolve(p)));
  const projectIds = [...graph.projects.keys()].sort();

  // Every graph file's hash: a record's by the text and read problems the rules see (read once, by the
  // graph), another file's by its bytes, an entry Seam refuses by what it is.
  const hashes = new Map<string, string>();
  for (const file of graph.files) {
    const source = graph.byFile.get(file)?.source;
    hashes.set(file, source ? `text:${textDigest?.(file, source.text) ?? sha(source.text)}:${source.problems.length ? sha(JSON.stringify(source.problems)) : ''}` : entryHash(resolve(graph.root, file), true));
  }
  // The tree as the graph's own walk listed it, when it did: not walked twice.
  const tree = contentTree(graph);
  const listing = tree ? withoutIgnored(tree, graph.root, ignored) : listTree(graph.root, ignored);
  const publicDir = publicDirOf(graph, settings);
  const publicListing = publicDir ? listTree(publicDir, ignored) : [];

  // Which other projects each project file names, and the files that name each project.
  const finder = projectFinder(projectIds);
  const mentions = new Map<string, Set<string>>();
  const namedBy = new Map<string, string[]>();
  for (const file of graph.files) {
    const text = textOf(graph, file);
    if (text === undefined) continue;
    const own = projectOf(file);
    const named = namedIn ? namedIn(file, text, finder, projectIds) : finder(text);
    if (own !== undefined) named.delete(own);
    mentions.set(file, named);
    // A file outside projects/ is part of `global`, on which every file depends already.
    if (own === undefined) continue;
    for (const target of named) {
      const list = namedBy.get(target) ?? [];
      list.push(file);
      namedBy.set(target, list);
    }
  }

  // Unit contents.
  const members = new Map<string, string[]>([[GLOBAL, []]]);
  const add = (unit: string, line: string) => {
    const list = members.get(unit) ?? [];
    list.push(line);
    members.set(unit, list);
  };
  members.get(GLOBAL)!.push(`projects ${projectIds.join(' ')}`);
  for (const [file, kind] of listing) {
    const hash = hashes.get(file) ?? kind;
    const project = projectOf(file);
    add(project === undefined ? GLOBAL : `project:${project}`, `${file}\0${hash}`);
    const type = project === undefined ? undefined : recordTypeOf(file)?.name;
    if (type && across.has(type)) add(`across:${type}`, `${file}\0${hash}`);
  }
  // A graph file the listing missed (it vanished since the graph was read) still counts.
  for (const file of graph.files) if (!listing.has(file)) add(projectOf(file) === undefined ? GLOBAL : `project:${projectOf(file)}`, `${file}\0${hashes.get(file)}`);
  for (const [file, kind] of publicListing) add(GLOBAL, `public/${file}\0${kind}`);
  for (const id of projectIds) {
    if (!members.has(`project:${id}`)) members.set(`project:${id}`, []);
    members.set(`named:${id}`, (namedBy.get(id) ?? []).map((f) => `${f}\0${hashes.get(f)}`));
  }
  const digests = new Map<string, string>();
  const digestOf = (unit: string) => {
    let digest = digests.get(unit);
    if (digest === undefined) {
      digest = sha(`${unit}\n${(members.get(unit) ?? []).sort().join('\n')}`);
      digests.set(unit, digest);
    }
    return digest;
  };

  const unitsCache = new Map<string, readonly string[]>();
  const unitsOf = (file: string): readonly string[] => {
    let units = unitsCache.get(file);
    if (units) return units;
    const project = projectOf(file);
    const set = new Set(project === undefined ? [GLOBAL] : [GLOBAL, `project:${project}`, `named:${project}`]);
    for (const q of mentions.get(file) ?? []) set.add(`project:${q}`);
    const record = graph.byFile.get(file);
    for (const { rule, options, overrides } of active) {
      // Under any of the rule's settings (an override may choose other options for some files).
      const checks = [options, ...(overrides ?? []).map((o) => o.options)].some((o) => checksFile(appliesUnder(rule.meta, o), record));
      if (!rule.meta.readsAcrossProjects?.length || !checks) continue;
      for (const type of rule.meta.readsAcrossProjects) set.add(`across:${type}`);
    }
    units = [...set].sort();
    unitsCache.set(file, units);
    return units;
  };

  return {
    unitsOf,
    hashOf: (file) => hashes.get(file) ?? entryHash(resolve(graph.root, file), true),
    digestOf,
    projectOf,
    dependents(units) {
      if (!units.size) return [];
      return graph.files.filter((file) => unitsOf(file).some((u) => units.has(u)));
    },
    unitsTouchedBy(file, before) {
      const project = projectOf(file);
      if (project === undefined) return [GLOBAL];
      const type = recordTypeOf(file)?.name;
      const named = new Set([...(mentions.get(file) ?? []), ...(before === undefined ? [] : finder(before))]);
      named.delete(project);
      return [`project:${project}`, ...(type && across.has(type) ? [`across:${type}`] : []), ...[...named].map((q) => `named:${q}`)];
    },
  };
}

/**
 * The graph as the rules' `prepare` sees it: only the files to check and the rest of their projects
 * (what their checks read of prepared data, such as a project's diagrams), so that unchanged files'
 * diagrams and secrets are not parsed and scanned again.
 */
export function preparedView(graph: RecordGraph, files: readonly string[]): RecordGraph {
  const projects = new Set(files.map(projectOf).filter((p) => p !== undefined));
  const wanted = new Set(files);
  const keep = (f: string) => wanted.has(f) || projects.has(projectOf(f) ?? '\0');
  return { ...graph, files: graph.files.filter(keep), records: graph.records.filter((r) => keep(r.file)) };
}

/** The text the project names are read from: the file as read for the graph, else its bytes. */
function textOf(graph: RecordGraph, file: string): string | undefined {
  const record = graph.byFile.get(file);
  if (record) return record.source.text;
  try {
    const path = resolve(graph.root, file);
    return lstatSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A digest of one entry: a regular file's size and bytes, a link's target, or the kind of entry it is
 * (a folder Seam may not read, a named pipe). Links are never followed.
 */
function entryHash(path: string, withContent: boolean): string {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return `link:${readlinkSync(path)}`;
    if (!stat.isFile()) return `other:${stat.mode}`;
    return withContent ? `file:${sha(readFileSync(path))}` : 'file';
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? ''}`;
  }
}

/**
 * Every entry under `root` (links not followed; `.git` and `node_modules` left out), by path relative to
 * it with forward slashes, with what it is (`file`, a link's target, `folder`, or another kind): see
 * `listContentFiles`' `tree`. The `ignored` paths, and what is in them, are left out.
 */
function listTree(root: string, ignored: ReadonlySet<string>): ReadonlyMap<string, string> {
  const tree = new Map<string, string>();
  listContentFiles(root, tree);
  return withoutIgnored(tree, root, ignored);
}

/** `tree` (a listing of `root`) without the `ignored` absolute paths and what is in them. */
function withoutIgnored(tree: ReadonlyMap<string, string>, root: string, ignored: ReadonlySet<string>): ReadonlyMap<string, string> {
  const inside = [...ignored].map((abs) => contentPath(root, abs)).filter((rel) => rel !== undefined);
  if (!inside.length) return tree;
  const out = new Map<string, string>();
  for (const [rel, kind] of tree) if (!inside.some((i) => rel === i || rel.startsWith(`${i}/`))) out.set(rel, kind);
  return out;
}

/** A function that lists the project ids a text names. */
function projectFinder(projectIds: readonly string[]): (text: string) => Set<string> {
  const byWord = new Map<string, string[]>();
  const odd: string[] = [];
  for (const id of projectIds) {
    if (/^[a-z0-9_-]+$/i.test(id)) {
      const key = id.toLowerCase();
      byWord.set(key, [...(byWord.get(key) ?? []), id]);
    } else odd.push(id);
  }
  return (text) => {
    const found = new Set<string>();
    const variants = /[\\&%]/.test(text) ? [text, unescapeText(text)] : [text];
    for (const variant of variants) {
      for (const word of variant.toLowerCase().split(/[^a-z0-9_-]+/)) {
        for (const id of byWord.get(word) ?? []) found.add(id);
      }
      for (const id of odd) if (variant.includes(id)) found.add(id);
    }
    return found;
  };
}

/** The text with Markdown's backslash escapes, numeric character references and percent-escapes undone. */
function unescapeText(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#(x[0-9a-f]+|[0-9]+);?/gi, (_, n: string) => {
      const code = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : parseInt(n, 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    })
    .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A content-relative path for `abs`, or undefined when it is outside the content root. */
function contentPath(root: string, abs: string): string | undefined {
  const rel = relative(root, abs);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

export interface Changes {
  /** Absolute paths added, changed or removed (anywhere in the repository). */
  paths: readonly string[];
  /** A changed path's text before the change, when it existed then (project files only). */
  before?: (path: string) => string | undefined;
  /** The config file: a change to it can change every finding. */
  configFile?: string;
  /** The project ids at the base, to tell whether projects were added or removed. */
  baseProjects: ReadonlySet<string>;
}

/**
 * The content files whose findings can differ from the base's because of `changes`: the changed files
 * still present, and every file that depends on a unit they touch (every file, when the config file,
 * the public folder, anything outside `projects/` or the set of projects changed).
 */
export function affectedFiles(graph: RecordGraph, settings: readonly RuleSetting[], changes: Changes): string[] {
  const deps = fileDependencies(graph, { settings });
  const publicDir = publicDirOf(graph, settings);
  const touched = new Set<string>();
  const current = [...graph.projects.keys()];
  if (current.length !== changes.baseProjects.size || current.some((p) => !changes.baseProjects.has(p))) touched.add(GLOBAL);
  for (const path of changes.paths) {
    const abs = resolve(path);
    if (changes.configFile !== undefined && abs === resolve(changes.configFile)) return [...graph.files];
    const file = contentPath(graph.root, abs);
    if (file !== undefined) for (const unit of deps.unitsTouchedBy(file, projectOf(file) === undefined ? undefined : changes.before?.(abs))) touched.add(unit);
    else if (publicDir !== undefined && contentPath(publicDir, abs) !== undefined) touched.add(GLOBAL);
  }
  return deps.dependents(touched);
}
