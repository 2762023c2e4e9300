// seam.config.yaml: found from the working directory upwards or named explicitly; every setting has a
// default; broken YAML and wrong settings are problems at their line and column, never exceptions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/model/config.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A repository folder holding `files`, with a nested `content/projects/alpha` to start searches from. */
function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'seam-config-'));
  made.push(dir);
  mkdirSync(join(dir, 'content/projects/alpha'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('loadConfig', () => {
  it('finds seam.config.yaml in a parent folder, whose folder relative settings are resolved from', () => {
    const dir = repo({ 'seam.config.yaml': 'content: handbook\ntoday: 2026-11-20\nrules:\n  currency: off\n  budget: [warn, { overspendThreshold: 0.2 }]\n' });
    const loaded = loadConfig(join(dir, 'content/projects/alpha'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.file).toBe(join(dir, 'seam.config.yaml'));
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.config).toMatchObject({ content: 'handbook', today: '2026-11-20', rules: { currency: 'off', budget: ['warn', { overspendThreshold: 0.2 }] } });
  });

  it('gives every default when there is no config file anywhere up the tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-noconfig-'));
    made.push(dir);
    const loaded = loadConfig(dir);
    expect(loaded.file).toBeUndefined();
    expect(loaded.problems).toEqual([]);
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.config).toEqual({
      content: 'content', rules: {}, ignores: [], overrides: [], customRules: [], plugins: [], standards: {}, components: [], secrets: { allow: [] }, site: {},
      links: { cacheMaxAgeDays: 7, timeoutMs: 10_000, retries: 2, backoffMs: 500, concurrency: 8, ignore: [], allowPrivate: [] },
    });
  });

  it('reads an explicit file, relative to the working directory, instead of searching', () => {
    const dir = repo({ 'seam.config.yaml': 'content: wrong\n', 'ci.yaml': 'content: right\n' });
    const loaded = loadConfig(dir, 'ci.yaml');
    expect(loaded.file).toBe(join(dir, 'ci.yaml'));
    expect(loaded.config.content).toBe('right');
  });

  it('reports an explicit file that does not exist, and falls back to the defaults', () => {
    const dir = repo({});
    const loaded = loadConfig(dir, 'missing.yaml');
    expect(loaded.problems).toEqual([{ file: join(dir, 'missing.yaml'), line: 1, column: 1, code: 'config', message: `Config file not found: ${join(dir, 'missing.yaml')}` }]);
    expect(loaded.config.content).toBe('content');
  });

  it('locates broken YAML at the line and column where it breaks', () => {
    const dir = repo({ 'seam.config.yaml': 'content: content\nrules:\n  currency: [warn\ntoday: 2026-11-20\n' });
    const { problems, config } = loadConfig(dir);
    // The unclosed `[` on line 3 is noticed where the next key starts.
    expect(problems).toEqual([{ file: join(dir, 'seam.config.yaml'), line: 4, column: 1, code: 'config', message: 'Broken YAML in the config: Flow sequence in block collection must be sufficiently indented and end with a ]' }]);
    expect(config.rules).toEqual({});
  });

  it('locates each wrong setting at its value, and uses the defaults instead of a half-valid config', () => {
    const dir = repo({ 'seam.config.yaml': 'content: handbook\ntoday: 2026-02-30\nrules:\n  currency: loud\nlinks:\n  timeoutMs: -5\n' });
    const { problems, config } = loadConfig(dir);
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:8', '4:13', '6:14']);
    expect(problems.every((p) => p.code === 'config' && p.file === join(dir, 'seam.config.yaml'))).toBe(true);
    expect(problems[0].message).toMatch(/today/);
    expect(config.content).toBe('content');
  });

  it('reports an unknown setting at the top of the file (strict: a typo is not ignored)', () => {
    const dir = repo({ 'seam.config.yaml': 'contnet: handbook\n' });
    const { problems } = loadConfig(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: 1, code: 'config' });
    expect(problems[0].message).toMatch(/contnet/);
  });

  it('takes the repository as a web address, and reports anything else at its value', () => {
    expect(loadConfig(repo({ 'seam.config.yaml': 'site:\n  repository: https://github.com/org/repo\n' })).config.site.repository).toBe('https://github.com/org/repo');
    const { problems, config } = loadConfig(repo({ 'seam.config.yaml': 'site:\n  repository: javascript:alert(1)\n' }));
    expect(problems.map((p) => [`${p.line}:${p.column}`, p.message])).toEqual([['2:15', expect.stringMatching(/repository's web address/)]]);
    expect(config.site.repository).toBeUndefined();
  });
});
