// The persistent lint cache and `--changed`: a warm run after an edit reports byte for byte what a cold
// run reports, on edits that change findings in other files than the one edited (a renamed system, a
// removed stakeholder, a new status report, another project's lessons); it checks again only the files
// the edit can affect; a corrupt or foreign cache is ignored with a notice; and `--changed` reports,
// for the files it selects, exactly the full run's findings, selecting every file whose findings moved.
// The cache also keeps each file's parse and record and each diagram's analysis: a warm run with them
// reports what a cold run does (positions included) and does not load Mermaid for unchanged diagrams.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.ts';
import { cachedChecker, lintCache, type CacheStats } from '../../src/lint/cache.ts';
import { lint, resolveRuleSettings } from '../../src/lint/engine.ts';
import { loadConfig } from '../../src/model/config.ts';
import { loadGraph, type FileInput, type GraphInputs } from '../../src/model/graph.ts';
import { seam } from '../helpers/cli.ts';
import { EXAMPLE_CONTENT, REPO } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** A repository holding a copy of the example content and a config, committed on `main`. */
function exampleRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'seam-cache-'));
  made.push(repo);
  cpSync(EXAMPLE_CONTENT, join(repo, 'content'), { recursive: true });
  writeFileSync(join(repo, 'seam.config.yaml'), 'content: content\ntoday: 2026-11-20\nstandards:\n  primary: eskitp5045\n');
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n*.json\n');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'content');
  return repo;
}

const PAM = 'content/projects/policy-admin-migration';
const edit = (repo: string, file: string, change: (text: string) => string) => {
  const path = join(repo, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the edit changes ${file}`).not.toBe(before);
  writeFileSync(path, after);
};

/** Edits whose effect reaches files other than the one edited (each changes the full run's findings). */
const EDITS: { name: string; apply: (repo: string) => void }[] = [
  {
    name: 'a renamed system',
    apply: (repo) => renameSync(join(repo, 'content/systems/general-ledger.mdx'), join(repo, 'content/systems/core-ledger.mdx')),
  },
  {
    name: 'a removed stakeholder',
    // Gareth Llewellyn owns a deviation in the latest status report.
    apply: (repo) => edit(repo, `${PAM}/stakeholders.mdx`, (t) => t.replace(/ {2}- id: gareth-llewellyn\n[\s\S]*?(?= {2}- id: )/, '')),
  },
  {
    name: 'a new status report',
    // The newest report drops the open issue on the overspent budget line: the plan's finding moves.
    apply: (repo) => {
      const text = readFileSync(join(repo, `${PAM}/status/2026-11-13.mdx`), 'utf8');
      writeFileSync(join(repo, `${PAM}/status/2026-11-20.mdx`), text.replace('date: 2026-11-13', 'date: 2026-11-20').replace(/\n {4}budgetLine: data-remediation/, ''));
    },
  },
  {
    name: 'an edited diagram',
    // The charter's architecture diagram renames a system's node: the systems in scope no longer match it.
    apply: (repo) => edit(repo, `${PAM}/index.mdx`, (t) => t.replace(/```mermaid\n[\s\S]*?```/, (block) => block.replace(/\bfenwick-crm\b(?!-)/g, 'fenwick-crm-legacy'))),
  },
  {
    name: 'a broken interface specification',
    // The catalogue entry that names the specification reports it (every file is checked again: it is outside projects/).
    apply: (repo) => edit(repo, 'content/systems/specs/broker-api.yaml', (t) => t.replace(/^openapi: .*$/m, 'openapi: 9.9.9')),
  },
  {
    name: 'another project\'s lessons',
    // Charters elsewhere are compared with every project's lessons.
    apply: (repo) => rmSync(join(repo, 'content/projects/finance-ledger-consolidation/lessons.mdx')),
  },
];

/**
 * The example copy `repo` linted in this process with its own config and rule settings: `cached` runs
 * with the cache at `file` (what it reused and checked, and any notice), `fresh` without a cache.
 */
function inProcess(repo: string) {
  const { config } = loadConfig(repo);
  const { settings } = resolveRuleSettings(rules, config);
  const base = { root: join(repo, 'content'), cwd: repo, config, today: '2026-11-20', settings };
  const file = join(repo, 'cache.json');
  return {
    base,
    file,
    fresh: async () => (await lint(base)).result,
    cached: async () => {
      const stats: CacheStats = { reused: 0, checked: 0 };
      const notices: string[] = [];
      const { checker, graphInputs } = lintCache(file, (l) => notices.push(l), stats);
      const { result } = await lint({ ...base, checker, graphInputs });
      return { result, findings: result.findings, stats, notices };
    },
  };
}

async function report(repo: string, format: 'json' | 'sarif', extra: string[] = []) {
  const r = await seam(['lint', '--format', format, ...extra], { cwd: repo });
  expect(r.code, r.stderr).toBeLessThan(2);
  return r;
}

describe('seam lint --cache', () => {
  it('reports byte for byte what a cold run reports, after edits that change other files\' findings', { timeout: 600_000 }, async () => {
    const repo = exampleRepo();
    const cache = ['--cache-location', 'cache/'];
    const first = await report(repo, 'json', cache);
    expect(first.stderr).toBe('');
    expect(existsSync(join(repo, 'cache/lint-cache.json'))).toBe(true);
    // Unchanged content: the warm run reads every file's findings from the cache.
    expect((await report(repo, 'json', cache)).stdout).toBe(first.stdout);
    let previous = first.stdout;
    for (const { name, apply } of EDITS) {
      apply(repo);
      const cold = await report(repo, 'json');
      expect(cold.stdout, `${name} changes the findings`).not.toBe(previous);
      const warm = await report(repo, 'json', cache);
      expect(warm.stdout, name).toBe(cold.stdout);
      expect(warm.stderr, name).toBe('');
      // SARIF too, from the cache the JSON run just refreshed.
      expect((await report(repo, 'sarif', cache)).stdout, name).toBe((await report(repo, 'sarif')).stdout);
      previous = cold.stdout;
    }
  });

  it('checks again only the files an edit to one status report can affect', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const { cached, fresh } = inProcess(repo);
    const notices: string[] = [];
    const run = async () => {
      const r = await cached();
      notices.push(...r.notices);
      return r;
    };
    const cold = await run();
    const total = cold.result.files.length;
    expect(cold.stats).toEqual({ reused: 0, checked: total });
    expect((await run()).stats).toEqual({ reused: total, checked: 0 });

    edit(repo, `${PAM}/status/2026-10-30.mdx`, (t) => t.replace(/^rag: \w+$/m, 'rag: red'));
    const warm = await run();
    // The project's own files, and the files elsewhere that name the project (claims-consolidation's
    // charter, handbook pages and catalogue entries that link to it); not the other projects' files.
    const names = (f: string) => /(^|[^a-z0-9_-])policy-admin-migration($|[^a-z0-9_-])/i.test(readFileSync(join(repo, f), 'utf8'));
    const own = cold.result.files.filter((f) => f.startsWith(`${PAM}/`));
    const naming = cold.result.files.filter((f) => !f.startsWith(`${PAM}/`) && names(f));
    expect(naming).toContain('content/projects/claims-consolidation/index.mdx');
    expect(warm.stats.checked).toBe(own.length + naming.length);
    const reference = await fresh();
    expect(warm.result.findings).toEqual(reference.findings);
    expect(notices).toEqual([]);
  });

  it('keeps a finding\'s numbers JSON cannot write (an unknown lesson lists every lesson: max Infinity), and reads a cache without them as it was', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const { cached, fresh, file } = inProcess(repo);
    const run = async () => (await cached()).findings;
    // Without such a number, the cache file has no tag and reads back as written.
    const plain = await run();
    expect(readFileSync(file, 'utf8')).not.toContain('"$number"');
    expect(await run()).toEqual(plain);
    edit(repo, `${PAM}/index.mdx`, (t) => t.replace('lesson: reconcile-balances-from-first-trial', 'lesson: no-such-lesson'));
    const { findings: reference } = await fresh();
    const infinite = JSON.stringify(reference, (_, v: unknown) => (v === Infinity ? '<infinity>' : v));
    expect(infinite).toContain('<infinity>');
    expect(await run()).toEqual(reference);
    expect(readFileSync(file, 'utf8')).toContain('{"$number":"Infinity"}');
    // Read back from the file, the infinity is an infinity again.
    expect(await run()).toEqual(reference);
  });

  it('keeps which projects each file names, and reads them again from the text when the kept ones are stale or do not decode', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const { cached: run, fresh, file } = inProcess(repo);
    const inputs = `${file}.inputs`;
    type Header = { projects?: unknown; sources: unknown[][] };
    // The inputs file's layout (src/lint/cache.ts): magic line, header length, header, blob.
    const readHeader = () => {
      const bytes = readFileSync(inputs);
      const length = bytes.readUInt32BE(19);
      return { header: deserialize(bytes.subarray(23, 23 + length)) as Header, blob: bytes.subarray(23 + length) };
    };
    const writeHeader = (header: Header, blob: Buffer) => {
      const head = serialize(header);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(head.length);
      writeFileSync(inputs, Buffer.concat([Buffer.from('seam lint inputs 2\n'), length, head, blob]));
    };
    await run();
    const { header, blob } = readHeader();
    expect(typeof header.projects).toBe('string');
    const charter = header.sources.find((e) => e[0] === 'projects/claims-consolidation/index.mdx')!;
    expect(String(charter[5]).split('/')).toContain('policy-admin-migration');
    const snapshot = readFileSync(inputs);
    const cacheSnapshot = readFileSync(file);

    edit(repo, `${PAM}/status/2026-10-30.mdx`, (t) => t.replace(/^rag: \w+$/m, 'rag: red'));
    const { findings: reference } = await fresh();
    const honest = await run();
    expect(honest.findings).toEqual(reference);
    expect(honest.stats.checked).toBeGreaterThan(0);

    // Kept names that claim no file names any project: under another set of project ids (stale), or
    // not a string (undecodable), they are read again from the texts, and the same files are checked.
    const forgeries: [string, Header][] = [
      ['stale', { ...header, projects: 'another set of projects', sources: header.sources.map((e) => [...e.slice(0, 5), '']) }],
      ['not a string', { ...header, sources: header.sources.map((e) => [...e.slice(0, 5), 42]) }],
      ['no key', { ...header, projects: 7, sources: header.sources.map((e) => [...e.slice(0, 5), '']) }],
    ];
    for (const [name, forged] of forgeries) {
      writeFileSync(file, cacheSnapshot);
      writeHeader(forged, blob);
      const r = await run();
      expect(r.findings, name).toEqual(reference);
      expect(r.stats, name).toEqual(honest.stats);
      expect(r.notices, name).toEqual([]);
    }
    // Trusted as they were written, they are what the texts say: the same files are checked.
    writeFileSync(file, cacheSnapshot);
    writeFileSync(inputs, snapshot);
    expect((await run()).stats).toEqual(honest.stats);
  });

  it('ignores a corrupt, truncated or foreign cache with a one-line notice, and rewrites it', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const cold = await report(repo, 'json');
    const cacheFile = join(repo, 'node_modules/.cache/seam/lint-cache.json');
    expect((await report(repo, 'json', ['--cache'])).stdout).toBe(cold.stdout);
    const good = readFileSync(cacheFile, 'utf8');

    const cases: [string, string, RegExp][] = [
      ['corrupt', 'not json {', /corrupt or truncated/],
      ['truncated', good.slice(0, Math.floor(good.length / 2)), /corrupt or truncated/],
      ['wrong shape', JSON.stringify({ format: 1, engine: 'x', files: { a: { key: 1 } } }), /corrupt or truncated/],
      ['foreign', good.replace(/"engine":"[^"]+"/, '"engine":"another-version"'), /another Seam version or with other settings/],
    ];
    for (const [name, text, reason] of cases) {
      writeFileSync(cacheFile, text);
      const r = await report(repo, 'json', ['--cache']);
      expect(r.stdout, name).toBe(cold.stdout);
      expect(r.stderr, name).toMatch(reason);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(readFileSync(cacheFile, 'utf8'), `${name}: rewritten`).toBe(good);
    }

    // A forged entry under the right engine key but the wrong file key is never served.
    const forged = JSON.parse(good);
    const entry = forged.files['projects/policy-admin-migration/plan.mdx'];
    entry.findings = [{ ruleId: 'schema', severity: 'error', file: `${PAM}/plan.mdx`, line: 1, column: 1, message: 'forged' }];
    entry.key = 'forged';
    writeFileSync(cacheFile, JSON.stringify(forged));
    expect((await report(repo, 'json', ['--cache'])).stdout).toBe(cold.stdout);

    // A different reference date is another configuration: noticed, not trusted.
    const other = await report(repo, 'json', ['--cache', '--today', '2027-06-01']);
    expect(other.stderr).toMatch(/other settings/);
    expect(other.stdout).toBe((await report(repo, 'json', ['--today', '2027-06-01'])).stdout);
  });

  it('is never read by a check that ignores disable comments (the site build\'s safety check)', async () => {
    const repo = exampleRepo();
    const base = { ...inProcess(repo).base, ignoreDirectives: true };
    await expect(lint({ ...base, checker: cachedChecker(join(repo, 'c.json'), () => {}) }))
      .rejects.toThrow(/never used by a check that ignores disable comments/);
    // Nor its graph inputs: unsafe content is read afresh, whatever a cache says of it.
    await expect(lint({ ...base, graphInputs: lintCache(join(repo, 'c.json'), () => {}).graphInputs }))
      .rejects.toThrow(/never used by a check that ignores disable comments/);
    // And the build's check passes no cache at all.
    expect(readFileSync(join(import.meta.dirname, '../../src/site/integrations/content-safety.ts'), 'utf8')).not.toMatch(/checker|graphInputs|cache\.ts/);
  });

  it('leaves the site build\'s check to find unsafe content a warm cache holds as clean', { timeout: 300_000 }, async () => {
    const { contentSafetyFindings } = await import('../../src/site/integrations/content-safety.ts');
    const repo = exampleRepo();
    const file = `${PAM}/status/2026-10-30.mdx`;
    // The cache holds the file clean; then an import and a token land in it, and the cache is forged to
    // say the file is still clean (its key made to match): the build's check reads no cache, so it finds both.
    const cache = ['--cache-location', 'cache/'];
    await report(repo, 'json', cache);
    const before = readFileSync(join(repo, 'cache/lint-cache.json'), 'utf8');
    edit(repo, file, (t) => `${t}\nimport x from 'y'\n\nThe token is ghp_${'a1B2c3D4e5'.repeat(4).slice(0, 36)} for now.\n`);
    const unsafe = await report(repo, 'json', cache);
    expect(JSON.parse(unsafe.stdout).findings.filter((f: { file: string }) => f.file === file).map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(['mdx-safety', 'secrets']));
    const forged = JSON.parse(readFileSync(join(repo, 'cache/lint-cache.json'), 'utf8'));
    forged.files[file.replace(/^content\//, '')].findings = JSON.parse(before).files[file.replace(/^content\//, '')].findings;
    writeFileSync(join(repo, 'cache/lint-cache.json'), JSON.stringify(forged));
    const fooled = JSON.parse((await report(repo, 'json', cache)).stdout).findings.filter((f: { file: string; ruleId: string }) => f.file === file && /mdx-safety|secrets/.test(f.ruleId));
    expect(fooled).toEqual([]);
    const findings = await contentSafetyFindings({ SEAM_CONTENT: join(repo, 'content'), SEAM_TODAY: '2026-11-20' });
    expect(findings.filter((f) => f.file.endsWith(file)).map((f) => f.ruleId).sort()).toEqual(['mdx-safety', 'secrets']);
  });

  it('keeps each file\'s parse exactly: data, problems and positions as a fresh read gives them', async () => {
    const repo = exampleRepo();
    const root = join(repo, 'content');
    // YAML a round trip through JSON would change: -0, infinities, an alias shared by two fields, a key
    // named __proto__; and a file with a schema problem and broken YAML.
    writeFileSync(join(root, 'systems/odd.mdx'), '---\ntitle: Odd\nowner: harbour-mutual\nkind: application\nlifecycle: live\nextra: &a [-0, .inf, -.inf, .nan]\nagain: *a\n__proto__: {x: 1}\n---\n\n## Purpose\n\nOdd.\n');
    writeFileSync(join(root, 'systems/broken.mdx'), '---\ntitle: [Broken\n---\n\nBody.\n');
    const stored = new Map<string, { text: string; input: FileInput }>();
    const store: GraphInputs = {
      get: (file, text) => (stored.get(file)?.text === text ? structuredClone(stored.get(file)!.input) : undefined),
      set: (file, text, input) => void stored.set(file, { text, input: structuredClone(input) }),
    };
    const fresh = await loadGraph(root);
    await loadGraph(root, { inputs: store });
    expect(stored.size).toBe(fresh.records.length + fresh.coverageMaps.length);
    const warm = await loadGraph(root, { inputs: store });
    expect(warm.problems).toEqual(fresh.problems);
    expect(warm.records.map((r) => [r.file, r.type, r.id, r.project, r.classification, r.title, r.data])).toEqual(fresh.records.map((r) => [r.file, r.type, r.id, r.project, r.classification, r.title, r.data]));
    const odd = warm.byFile.get('systems/odd.mdx')!.source;
    expect(Object.is((odd.data as { extra: number[] }).extra[0], -0)).toBe(true);
    expect(Object.hasOwn(odd.data as object, '__proto__')).toBe(true);
    // Every field's position, asked of a restored file, is the fresh parse's.
    for (const record of fresh.records) {
      const restored = warm.byFile.get(record.file)!.source;
      for (const key of Object.keys((record.source.data as object | undefined) ?? {})) {
        expect(restored.locate([key]), `${record.file} ${key}`).toEqual(record.source.locate([key]));
        expect(restored.locate([key], { key: true })).toEqual(record.source.locate([key], { key: true }));
      }
      expect([restored.body, restored.bodyOffset, restored.hasFrontmatter, restored.positionAt(restored.text.length)]).toEqual([record.source.body, record.source.bodyOffset, record.source.hasFrontmatter, record.source.positionAt(record.source.text.length)]);
    }
  });

  it('ignores corrupt inputs with a notice and reports what a cold run does', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const cold = await report(repo, 'json');
    const cache = ['--cache-location', 'cache/'];
    expect((await report(repo, 'json', cache)).stderr).toBe('');
    const inputs = join(repo, 'cache/lint-cache.json.inputs');
    const good = readFileSync(inputs);
    writeFileSync(inputs, good.subarray(0, Math.floor(good.length / 2)));
    const r = await report(repo, 'json', cache);
    expect(r.stdout).toBe(cold.stdout);
    expect(r.stderr).toMatch(/^seam: ignoring the lint cache's inputs .*: it is corrupt or truncated; reading every file afresh and rewriting it\.\n$/);
    // Rewritten: the next run reads it without a word.
    expect(readFileSync(inputs).equals(good.subarray(0, Math.floor(good.length / 2)))).toBe(false);
    const again = await report(repo, 'json', cache);
    expect([again.stdout, again.stderr]).toEqual([cold.stdout, '']);
  });

  it('passes over an inputs file of another layout without a word, and rewrites it', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const cold = await report(repo, 'json');
    const cache = ['--cache-location', 'cache/'];
    await report(repo, 'json', cache);
    const inputs = join(repo, 'cache/lint-cache.json.inputs');
    const current = readFileSync(inputs);
    expect(current.subarray(0, 19).toString('latin1')).toBe('seam lint inputs 2\n');
    // The layout before format 2 (the whole file V8-serialised), and a later format's file.
    for (const other of [serialize({ format: 1, key: 'k', sources: [], blob: new Uint8Array(), diagrams: [] }), Buffer.concat([Buffer.from('seam lint inputs 3\n'), current.subarray(19)])]) {
      writeFileSync(inputs, other);
      const r = await report(repo, 'json', cache);
      expect([r.stdout, r.stderr]).toEqual([cold.stdout, '']);
      expect(readFileSync(inputs).subarray(0, 19).toString('latin1')).toBe('seam lint inputs 2\n');
    }
  });

  it('says in one line that it could not write the inputs, leaves no temporary file behind, and reports what a cold run does', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const cold = await report(repo, 'json');
    // A folder where the inputs file goes: it can be neither read nor replaced.
    mkdirSync(join(repo, 'cache/lint-cache.json.inputs'), { recursive: true });
    const r = await report(repo, 'json', ['--cache-location', 'cache/']);
    expect(r.stdout).toBe(cold.stdout);
    expect(r.stderr.split('\n')).toEqual([
      expect.stringMatching(/^seam: ignoring the lint cache's inputs .*lint-cache\.json\.inputs: it is corrupt or truncated; reading every file afresh and rewriting it\.$/),
      expect.stringMatching(/^seam: could not write the lint cache's inputs .*lint-cache\.json\.inputs \(EISDIR\); the findings are right, but the next run reads every file afresh\.$/),
      '',
    ]);
    expect(readdirSync(join(repo, 'cache')).sort()).toEqual(['lint-cache.json', 'lint-cache.json.inputs']);
  });

  it('parses a file again when its kept YAML data does not decode, and reports what a cold run does', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const cache = ['--cache-location', 'cache/'];
    await report(repo, 'json', cache);
    // Every entry's data part (from the layout in src/lint/cache.ts: magic line, header length, header,
    // blob) overwritten with bytes V8 refuses (an unknown serialisation version).
    const inputs = join(repo, 'cache/lint-cache.json.inputs');
    const bytes = readFileSync(inputs);
    const length = bytes.readUInt32BE(19);
    const header = deserialize(bytes.subarray(23, 23 + length)) as { sources: [string, string, number, number, number][] };
    const blob = bytes.subarray(23 + length);
    expect(header.sources.length).toBeGreaterThan(20);
    for (const [, , , mid, end] of header.sources) blob.fill(0xff, mid, end);
    writeFileSync(inputs, bytes);
    // An edit makes its project's files checked again: the rules read their YAML data.
    edit(repo, `${PAM}/status/2026-10-30.mdx`, (t) => t.replace(/^rag: \w+$/m, 'rag: red'));
    const warm = await report(repo, 'json', cache);
    const cold = await report(repo, 'json');
    expect(warm.stderr).toBe('');
    expect(warm.stdout).toBe(cold.stdout);
    // The entries whose data did not decode when the rules read it are not kept: their files are read afresh next time.
    const after = readFileSync(inputs);
    const kept = deserialize(after.subarray(23, 23 + after.readUInt32BE(19))) as { sources: [string, string, number, number, number][] };
    const keptBlob = after.subarray(23 + after.readUInt32BE(19));
    const undecodable = kept.sources.filter(([, , , mid, end]) => keptBlob.subarray(mid, end).every((b) => b === 0xff)).map(([f]) => f);
    expect(undecodable.length).toBeGreaterThan(0);
    expect(undecodable.filter((f) => `content/${f}`.startsWith(PAM))).toEqual([]);
    expect(kept.sources.length).toBeLessThan(header.sources.length);
  });

  it('does not load Mermaid (nor jsdom) on a warm run when no diagram changed', { timeout: 600_000 }, () => {
    const repo = exampleRepo();
    // Each run is a real process that records whether it loaded jsdom (the window Mermaid runs in) or secretlint.
    const probe = `data:text/javascript,${encodeURIComponent("import { registerHooks } from 'node:module'; import { writeFileSync } from 'node:fs'; const seen = new Set(); registerHooks({ load(url, context, next) { const m = /\\/node_modules\\/(jsdom|@secretlint\\/core)\\//.exec(url); if (m) seen.add(m[1]); return next(url, context); } }); process.on('exit', () => writeFileSync(process.env.SEAM_LOAD_PROBE, JSON.stringify([...seen].sort())));")}`;
    const run = () => {
      const out = join(repo, 'probe.json');
      const r = spawnSync(process.execPath, ['--import', probe, join(REPO, 'bin/seam.js'), 'lint', '--format', 'json', '--cache-location', 'cache/'], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH, SEAM_LOAD_PROBE: out } });
      expect(r.status, r.stderr).toBeLessThan(2);
      return { stdout: r.stdout, loaded: JSON.parse(readFileSync(out, 'utf8')) as string[] };
    };
    const cold = run();
    expect(cold.loaded).toEqual(['@secretlint/core', 'jsdom']);
    // Nothing changed: every finding, parse and analysis comes from the cache.
    const warm = run();
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.loaded).toEqual([]);
    // A status report edited: its project is checked again (its charter's diagram too), from the stored analysis.
    edit(repo, `${PAM}/status/2026-10-30.mdx`, (t) => t.replace(/^rag: \w+$/m, 'rag: red'));
    expect(run().loaded).toEqual(['@secretlint/core']);
    // An edited diagram is new to the cache: Mermaid parses it.
    EDITS.find((e) => e.name === 'an edited diagram')!.apply(repo);
    expect(run().loaded).toEqual(['@secretlint/core', 'jsdom']);
  });
});

describe('seam lint --changed', () => {
  const findingsOf = (json: string) => (JSON.parse(json) as { findings: { file: string }[] }).findings;

  it('reports the full run\'s findings for every file a change can affect, whatever the edit', { timeout: 600_000 }, async () => {
    const repo = exampleRepo();
    for (const { name, apply } of EDITS) {
      const base = git(repo, 'rev-parse', 'HEAD').trim();
      const before = findingsOf((await report(repo, 'json')).stdout);
      apply(repo);
      const full = await report(repo, 'json');
      const after = findingsOf(full.stdout);
      const changed = await report(repo, 'json', ['--changed', '--base', base]);
      const selected: string[] = JSON.parse(changed.stdout).files;
      expect(selected.length, name).toBeGreaterThan(0);
      // Exactly the full run's findings for the files it checked…
      expect(findingsOf(changed.stdout), name).toEqual(after.filter((f) => selected.includes(f.file)));
      // …and every file whose findings moved is among them.
      const key = (f: object) => JSON.stringify(f);
      const moved = new Set([...before.filter((f) => !after.some((g) => key(g) === key(f))), ...after.filter((f) => !before.some((g) => key(g) === key(f)))].map((f) => f.file));
      expect(moved.size, name).toBeGreaterThan(0);
      for (const file of moved) if (existsSync(join(repo, file))) expect(selected, `${name}: ${file}`).toContain(file);
      // Committed changes count the same as uncommitted ones.
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', name);
      expect((await report(repo, 'json', ['--changed', '--base', base])).stdout, name).toBe(changed.stdout);
    }
  });

  it('checks only the edited project when one status report changes, and nothing when nothing did', { timeout: 300_000 }, async () => {
    const repo = exampleRepo();
    const none = await report(repo, 'json', ['--changed']);
    expect(JSON.parse(none.stdout).files).toEqual([]);
    edit(repo, `${PAM}/status/2026-10-30.mdx`, (t) => t.replace(/^rag: \w+$/m, 'rag: red'));
    const selected: string[] = JSON.parse((await report(repo, 'json', ['--changed'])).stdout).files;
    expect(selected).toContain(`${PAM}/status/2026-10-30.mdx`);
    expect(selected).toContain(`${PAM}/plan.mdx`);
    expect(selected).toContain('content/projects/claims-consolidation/index.mdx');
    expect(selected).not.toContain('content/projects/claims-consolidation/plan.mdx');
    expect(selected.some((f) => f.startsWith('content/projects/finance-ledger-consolidation/'))).toBe(false);
  });

  it('is bad usage outside a git repository and with an unknown ref', async () => {
    const repo = exampleRepo();
    const bad = await seam(['lint', '--changed', '--base', 'no-such-branch'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown git ref "no-such-branch" for --base');
    rmSync(join(repo, '.git'), { recursive: true, force: true });
    const outside = await seam(['lint', '--changed'], { cwd: repo });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/is not in a git repository/);
    expect(outside.stderr).not.toMatch(/\n\s+at /);
  });
});
