// The layers STYLE.md describes (model ← rule kit ← rules ← lint ← cli, model ← site), checked on every
// `npm test`: dependency-cruiser holds every import to the rules in .dependency-cruiser.mjs (no rule
// imports the engine, no runtime import cycle, …), and knip (knip.ts) finds files, exports and
// dependencies nothing uses. Each failure lists the offending imports or names.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { cruise } from 'dependency-cruiser';
import type { ICruiseOptions, ICruiseResult, IForbiddenRuleType } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { glob } from 'tinyglobby';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers/content.ts';

/** Everything with imports: the source, the rules, the tests and the tools' own configs. */
const SOURCES = ['src', 'rules', 'bin', 'scripts', 'tests', 'astro.config.mjs', '.remarkrc.mjs', 'vitest.config.ts'];

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function depcruiseOptions(): Promise<ICruiseOptions> {
  return extractDepcruiseOptions(join(REPO, '.dependency-cruiser.mjs'));
}

/** The violations of the layer rules among `sources` (relative to `baseDir`), one readable line each. */
async function violations(baseDir: string, sources: string[]): Promise<string[]> {
  const options = await depcruiseOptions();
  const tsConfig = extractTSConfig(join(REPO, 'tsconfig.json'));
  const { output } = await cruise(sources, { ...options, baseDir, outputType: 'json' }, undefined, { tsConfig });
  const result: ICruiseResult = typeof output === 'string' ? JSON.parse(output) : output;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle?.length ? ` (cycle: ${v.from} → ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
}

/**
 * dependency-cruiser cannot read `.astro` files, so their imports (frontmatter and `<script>`s) are read
 * with TypeScript's import scanner and held to the same forbidden rules' path conditions.
 */
async function astroViolations(rules: IForbiddenRuleType[]): Promise<string[]> {
  const re = (p: string | string[] | undefined) => (p === undefined ? undefined : new RegExp((Array.isArray(p) ? p : [p]).join('|')));
  const fits = (cond: { path?: string | string[]; pathNot?: string | string[] } | undefined, file: string) =>
    (!cond?.path || re(cond.path)!.test(file)) && (!cond?.pathNot || !re(cond.pathNot)!.test(file));
  const out: string[] = [];
  for (const file of (await glob('src/**/*.astro', { cwd: REPO })).sort()) {
    const text = readFileSync(join(REPO, file), 'utf8');
    const code = [/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '', ...[...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1])].join('\n');
    for (const { fileName } of ts.preProcessFile(code, true, true).importedFiles) {
      const to = fileName.startsWith('.') ? relative(REPO, resolve(REPO, dirname(file), fileName)).split(sep).join('/') : `node_modules/${fileName}`;
      for (const rule of rules) {
        if (!('to' in rule) || 'circular' in rule.to) continue;
        if (fits(rule.from, file) && fits(rule.to, to)) out.push(`${rule.name}: ${file} → ${to}`);
      }
    }
  }
  return out;
}

describe('layers (dependency-cruiser)', () => {
  it('holds every import to the layer rules, with no runtime import cycle', async () => {
    expect(await violations(REPO, SOURCES)).toEqual([]);
  });

  it('holds the imports of .astro pages and components to the same rules', async () => {
    const options = await depcruiseOptions();
    expect(await astroViolations(options.ruleSet?.forbidden ?? [])).toEqual([]);
  });

  it('bites: a rule importing the engine, a site module linting, a view fetching its own data, and a runtime cycle are violations; a type-only cycle is not', async () => {
    const root = mkdtempSync(join(tmpdir(), 'seam-layers-'));
    made.push(root);
    const files: Record<string, string> = {
      'src/lint/engine.ts': 'export const lint = () => 1;\nexport type Finding = { message: string };\n',
      'rules/bad.ts': "import { lint } from '../src/lint/engine.ts';\nexport default lint;\n",
      'rules/typed.ts': "import type { Finding } from '../src/lint/engine.ts';\nexport const finding: Finding = { message: '' };\n",
      'src/site/page.ts': "import { lint } from '../lint/engine.ts';\nexport const page = lint();\n",
      'src/site/data/records.ts': 'export const records: string[] = [];\n',
      'src/site/views/table.ts': "import { records } from '../data/records.ts';\nexport const rows = records.length;\n",
      'src/cli/main.ts': "import { lintCommand } from './lint.ts';\nexport const VERSION = '1';\nexport const main = lintCommand;\n",
      'src/cli/lint.ts': "import { VERSION } from './main.ts';\nexport const lintCommand = () => VERSION;\n",
      'src/model/graph.ts': "import type { Project } from './project.ts';\nexport type Graph = { projects: Project[] };\nexport const empty = 0;\n",
      'src/model/project.ts': "import { empty } from './graph.ts';\nexport type Project = { id: string };\nexport const none = empty;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    expect((await violations(root, ['src', 'rules'])).sort()).toEqual([
      'no-circular: src/cli/lint.ts → src/cli/main.ts (cycle: src/cli/lint.ts → src/cli/main.ts → src/cli/lint.ts)',
      'rules-not-to-engine: rules/bad.ts → src/lint/engine.ts',
      'rules-not-to-engine: rules/typed.ts → src/lint/engine.ts',
      'site-lints-in-one-place: src/site/page.ts → src/lint/engine.ts',
      'site-views-are-pure: src/site/views/table.ts → src/site/data/records.ts',
    ]);
  });
});

describe('dead code (knip)', () => {
  const knip = join(REPO, 'node_modules/knip/bin/knip.js');
  const run = (cwd: string) =>
    promisify(execFile)(process.execPath, [knip, '--no-progress', '--no-config-hints'], { cwd, env: { ...process.env, NO_COLOR: '1' } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 2, stdout: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );

  it('finds no unused file, export or dependency', async () => {
    const { code, stdout } = await run(REPO);
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  it('bites: an unused export and an unused dependency fail it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'seam-knip-'));
    made.push(root);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'fixture', type: 'module', dependencies: { 'left-pad': '1.3.0' } }));
    writeFileSync(join(root, 'index.ts'), "import { used } from './helpers.ts';\nconsole.log(used);\n");
    writeFileSync(join(root, 'helpers.ts'), 'export const used = 1;\nexport const unused = 2;\n');
    const { code, stdout } = await run(root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/Unused dependencies[\s\S]*left-pad/);
    expect(stdout).toMatch(/Unused exports[\s\S]*unused\s+helpers\.ts/);
  });
});
