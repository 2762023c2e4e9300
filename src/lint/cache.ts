// The persistent lint cache (`seam lint --cache`): each file's findings, stored with a key made of
// everything they can depend on, so that a re-lint checks only the files whose key changed and reports
// exactly what checking every file would. The key is
// - the engine's: Seam's version and a digest of its rules and engine sources, the rules' settings and
//   options (overrides too), the digest of each plugin file, the configuration, the reference date,
//   the content root and working directory;
// - the file's own bytes;
// - the digest of every part of the content the file's findings can read (src/lint/affected.ts: its
//   project, the projects it names and that name it, everything outside projects/).
// A cache file that does not parse, has the wrong shape, or was written under another engine key is
// ignored with a one-line notice (never trusted) and rewritten, atomically, after the run.
// The site build's safety check (unsafe MDX, secrets) never reads a cache: the engine takes a checker
// only from `seam lint`, and this one refuses a run that ignores disable comments, which is that check.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import writeFileAtomic from 'write-file-atomic';
import { compareFindings } from '../rule-kit/finding.ts';
import type { Finding } from '../rule-kit/finding.ts';
import { fileDependencies, preparedView } from './affected.ts';
import { checkFiles, prepareRules, selectFiles } from './engine.ts';
import type { LintOptions } from './engine.ts';
import { seamVersion } from './version.ts';

/** Bumped when the cache file's layout changes. */
const FORMAT = 1;

/** The default cache file, ESLint-style, under the repository's `node_modules/.cache/`. */
const DEFAULT_CACHE_FILE = 'node_modules/.cache/seam/lint-cache.json';
const CACHE_FILE_NAME = 'lint-cache.json';

interface CacheFile {
  format: number;
  engine: string;
  files: Record<string, { key: string; findings: Finding[] }>;
}

export interface CacheStats {
  /** Files whose findings came from the cache. */
  reused: number;
  /** Files checked. */
  checked: number;
}

/**
 * Where the cache lives for `--cache-location PATH`: a folder (an existing one, or a path ending in a
 * slash) holds `lint-cache.json`; anything else is the file itself. Relative to `cwd`.
 */
export function cacheFile(cwd: string, location: string | undefined, repoRoot: string): string {
  if (location === undefined) return resolve(repoRoot, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  if (/[\\/]$/.test(location) || isFolder(path)) return join(path, CACHE_FILE_NAME);
  return path;
}

function isFolder(path: string): boolean {
  try {
    return readdirSync(path) !== undefined;
  } catch {
    return false;
  }
}

/**
 * A checker for the engine (`LintOptions.checker`) that reads and writes the cache at `file`.
 * `notice` receives the one-line reason a cache file was ignored.
 */
export function cachedChecker(file: string, notice: (line: string) => void, stats?: CacheStats): NonNullable<LintOptions['checker']> {
  return async (graph, options) => {
    if (options.ignoreDirectives) throw new Error('The lint cache is never used by a check that ignores disable comments (the site build\'s safety check).');
    const engine = engineKey(options);
    const stored = readCache(file, engine, notice);
    const deps = fileDependencies(graph, { settings: options.settings, ignore: [file] });
    const engineUnits = new Map<string, string>();
    const keyOf = (f: string) => {
      const parts = [engine, f, deps.hashOf(f)];
      for (const unit of deps.unitsOf(f)) {
        let digest = engineUnits.get(unit);
        if (digest === undefined) engineUnits.set(unit, (digest = deps.digestOf(unit)));
        parts.push(`${unit}=${digest}`);
      }
      return sha(parts.join('\n'));
    };

    const selected = selectFiles(graph, options);
    const keys = new Map(selected.map((f) => [f, keyOf(f)]));
    const findingsOf = new Map<string, Finding[]>();
    const misses: string[] = [];
    for (const f of selected) {
      const entry = stored && Object.hasOwn(stored.files, f) ? stored.files[f] : undefined;
      if (entry && entry.key === keys.get(f)) findingsOf.set(f, entry.findings);
      else misses.push(f);
    }
    if (misses.length) {
      await prepareRules(preparedView(graph, misses), options);
      const display = new Map(misses.map((f) => [relative(options.cwd, resolve(options.root, f)).split(sep).join('/'), f]));
      for (const f of misses) findingsOf.set(f, []);
      for (const finding of checkFiles(graph, options, misses)) {
        const f = display.get(finding.file);
        if (f === undefined) throw new Error(`A finding for ${finding.file}, which was not checked.`);
        findingsOf.get(f)!.push(finding);
      }
    }
    if (stats) {
      stats.reused += selected.length - misses.length;
      stats.checked += misses.length;
    }

    // Entries of files this run did not select stay while the file exists: a later run may select them.
    const present = new Set(graph.files);
    const files: CacheFile['files'] = Object.create(null) as CacheFile['files'];
    let dropped = false;
    for (const [f, entry] of Object.entries(stored?.files ?? {})) {
      if (present.has(f) && !keys.has(f)) files[f] = entry;
      else if (!present.has(f)) dropped = true;
    }
    for (const f of selected) files[f] = { key: keys.get(f)!, findings: findingsOf.get(f)! };
    if (!stored || misses.length || dropped) {
      try {
        await writeCache(file, { format: FORMAT, engine, files });
      } catch (error) {
        notice(`seam: could not write the lint cache ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the findings are right, but the next run checks every file again.`);
      }
    }
    return selected.flatMap((f) => findingsOf.get(f)!).sort(compareFindings);
  };
}

/** The cache file at `file` when it is one this engine wrote; otherwise undefined, with a notice unless there is none. */
function readCache(file: string, engine: string, notice: (line: string) => void): CacheFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    notice(`seam: ignoring the lint cache ${file}: it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); checking every file.`);
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, revive);
  } catch {
    parsed = undefined;
  }
  if (!isCacheFile(parsed)) {
    notice(`seam: ignoring the lint cache ${file}: it is corrupt or truncated; checking every file and rewriting it.`);
    return undefined;
  }
  if (parsed.format !== FORMAT || parsed.engine !== engine) {
    notice(`seam: ignoring the lint cache ${file}: it was written by another Seam version or with other settings (rules, configuration, content folder or date); checking every file and rewriting it.`);
    return undefined;
  }
  return parsed;
}

function isCacheFile(value: unknown): value is CacheFile {
  if (!isObject(value) || typeof value.format !== 'number' || typeof value.engine !== 'string' || !isObject(value.files)) return false;
  return Object.values(value.files).every((entry) => isObject(entry) && typeof entry.key === 'string' && Array.isArray(entry.findings) && entry.findings.every(isFinding));
}

function isFinding(value: unknown): boolean {
  return isObject(value) && typeof value.ruleId === 'string' && (value.severity === 'error' || value.severity === 'warning') && typeof value.file === 'string'
    && Number.isInteger(value.line) && Number.isInteger(value.column) && typeof value.message === 'string'
    && (value.parts === undefined || Array.isArray(value.parts)) && (value.fix === undefined || Array.isArray(value.fix));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function writeCache(file: string, cache: CacheFile): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(cache, keep));
}

// Findings are data, but a suggestion may list "all" candidates (`max: Infinity`), which JSON cannot
// write: such numbers are stored as tagged strings and read back as they were.
const keep = (_: string, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? { $number: String(value) } : value);
const revive = (_: string, value: unknown) => (isObject(value) && typeof value.$number === 'string' && Object.keys(value).length === 1 ? Number(value.$number) : value);

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Everything besides the content that findings depend on: see the module comment. */
function engineKey(options: LintOptions): string {
  const settings = options.settings.map(({ rule, severity, options: o, overrides }) => [rule.meta.id, severity, o, overrides ?? []]);
  // A plugin's rules are code outside Seam's sources: its file's digest stands for them.
  const plugins = (options.plugins ?? []).map(({ file, digest }) => [file, digest]);
  return sha(JSON.stringify([FORMAT, seamVersion(), sourceDigest(), settings, plugins, options.config, options.today, options.root, options.cwd], keep));
}

let sources: string | undefined;

/**
 * A digest of the engine's and the rules' sources (src/model, src/rule-kit, src/lint, rules): a
 * changed rule invalidates the cache even where the version number has not moved (a checkout).
 */
function sourceDigest(): string {
  if (sources !== undefined) return sources;
  const top = fileURLToPath(new URL('../../', import.meta.url));
  const hash = createHash('sha256');
  for (const folder of ['src/model', 'src/rule-kit', 'src/lint', 'rules']) {
    let names: string[];
    try {
      names = (readdirSync(join(top, folder), { recursive: true }) as string[]).filter((n) => /\.(ts|js|json|ya?ml|mdx?)$/.test(n)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        hash.update(`${folder}/${name}\0`).update(readFileSync(join(top, folder, name))).update('\0');
      } catch {
        // a folder named like a file: nothing to hash
      }
    }
  }
  sources = hash.digest('base64url');
  return sources;
}
