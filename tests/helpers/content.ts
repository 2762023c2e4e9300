// Test helpers: temporary content roots built from a base folder plus overrides, cleaned up after.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll } from 'vitest';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../../src/model/config.ts';
import { graphOptions } from '../../src/model/graph.ts';

export const REPO = resolve(import.meta.dirname, '../..');

/**
 * Whether this checkout has the repository's full git history. Pages show history only then (a
 * shallow clone's one commit would misdate every file, and an export has no git at all), so tests of
 * the example site expect history or its absence accordingly.
 */
export const REPO_HAS_HISTORY = (() => {
  const r = spawnSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: REPO, encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'false';
})();
export const RULE_BASE = join(REPO, 'rules/examples/base');
export const EXAMPLE_CONTENT = join(REPO, 'content');
/** What the example's seam.config.yaml tells the graph (its primary standard), for tests that load content/ directly. */
export const EXAMPLE_GRAPH = graphOptions(loadConfig(REPO).config);
/**
 * The ESKITP5045 criteria catalogue of the test content and its coverage map, kept once: the rule
 * examples' base holds them (the catalogue with its review date pinned ahead), and the other fixtures
 * get them from there.
 */
const CATALOGUE = { file: 'standards/eskitp5045.yaml', from: join(RULE_BASE, 'standards/eskitp5045.yaml') };
const COVERAGE_MAP = { file: 'standards/eskitp5045.coverage.yaml', from: join(RULE_BASE, 'standards/eskitp5045.coverage.yaml') };

/**
 * A copy of the example content that keeps the part of its seam.config.yaml the content's meaning needs
 * (the primary standard: the example has two catalogues), as a config in the copy itself (`content: .`),
 * so a command run there reads it as the example does.
 */
export function exampleCopy(files: Record<string, string | null> = {}, config = ''): string {
  const dir = tempContent(EXAMPLE_CONTENT, files);
  writeFileSync(join(dir, 'seam.config.yaml'), `content: .\nstandards:\n  primary: ${EXAMPLE_GRAPH.primaryStandard}\n${config}`);
  return dir;
}

/**
 * For one test file: a function that makes `tempContent(RULE_BASE, files)` folders, each removed once
 * the file's tests have run. Call it at the top level of the test file.
 */
export function ruleContentFolders(): (files?: Record<string, string | null>) => string {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return (files = {}) => {
    const dir = tempContent(RULE_BASE, files);
    made.push(dir);
    return dir;
  };
}

/** Copies `base` (unless null) to a fresh temp folder and applies `files` (null deletes). */
export function tempContent(base: string | null, files: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'seam-'));
  if (base) cpSync(base, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    const path = join(dir, file);
    if (text === null) rmSync(path, { force: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
  return dir;
}

/**
 * The minimal content the site tests build (tests/fixtures/content-min) in a fresh temp folder, with
 * the test catalogue, which the fixture does not copy.
 */
export function contentMin(): string {
  return tempContent(join(REPO, 'tests/fixtures/content-min'), { [CATALOGUE.file]: readFileSync(CATALOGUE.from, 'utf8'), [COVERAGE_MAP.file]: readFileSync(COVERAGE_MAP.from, 'utf8') });
}
