// Benchmark: generates corpora of N projects from the example content and times `seam lint` against
// markdownlint-cli2 and remark-cli (parse only, with the MDX and frontmatter plugins) on the same files.
// Usage: npm run bench -- [sizes…] [--runs N]      (default sizes 100 1000, 3 runs, median reported)
// Writes bench/RESULTS.md and bench/results.json.
// `npm run bench -- --hostile [--runs N] [--copies 1,2,4]`: the hostile-input benchmark instead (see hostile() below),
// written to bench/HOSTILE.md and bench/hostile.json.
// `npm run bench -- --site 100,300 [--runs N]`: the site build benchmark instead (see site() below): Seam's
// build against a bare Starlight build of the same pages, written to bench/SITE.md and bench/site.json.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

const REPO = resolve(import.meta.dirname, '..');
const CONTENT = join(REPO, 'content');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : args.includes('--site') ? 1 : 3;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && i !== runsAt + 1).map(Number);
if (!sizes.length) sizes.push(100, 1000);

/**
 * The corpus every benchmark mode measures: N projects in a new temp folder, and how many files it
 * holds. Today the example's projects copied round-robin under new ids, plus the shared collections.
 */
function generate(projects: number): { dir: string; files: number } {
  const dir = mkdtempSync(join(tmpdir(), `seam-bench-${projects}-`));
  for (const folder of readdirSync(CONTENT)) if (folder !== 'projects') cpSync(join(CONTENT, folder), join(dir, folder), { recursive: true });
  const templates = readdirSync(join(CONTENT, 'projects')).sort();
  // The lessons source project stays under its own id so `lessonsApplied` keeps resolving.
  for (const t of templates) cpSync(join(CONTENT, 'projects', t), join(dir, 'projects', t), { recursive: true });
  for (let i = templates.length; i < projects; i++) {
    const template = templates[i % templates.length];
    cpSync(join(CONTENT, 'projects', template), join(dir, 'projects', `${template}-${String(i).padStart(4, '0')}`), { recursive: true });
  }
  const count = (d: string): number => readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(d, e.name)) : 1), 0);
  return { dir, files: count(dir) };
}

function time(command: string, commandArgs: string[], cwd: string): { seconds: number; code: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) throw r.error;
  return { seconds, code: r.status ?? -1 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bin = (name: string) => join(REPO, 'node_modules/.bin', name);

const tools: { name: string; run: (dir: string) => [string, string[]] }[] = [
  { name: 'seam lint (all rules, cross-file)', run: (dir) => [process.execPath, [join(REPO, 'bin/seam.js'), 'lint', '--content', dir, '--today', '2026-11-20', '--format', 'json', '--output-file', join(dir, '..', `${dir.split('/').at(-1)}.json`)]] },
  { name: 'markdownlint-cli2 (default rules)', run: (dir) => [process.execPath, [bin('markdownlint-cli2'), '**/*.{md,mdx}']] },
  { name: 'remark-cli (parse: frontmatter + MDX)', run: () => [process.execPath, [bin('remark'), '.', '--ext', 'md,mdx', '--no-config', '--no-ignore', '--use', 'remark-frontmatter', '--use', 'remark-mdx', '--quiet', '--no-stdout']] },
];

if (args.includes('--hostile')) {
  hostile();
  process.exit(0);
}
if (args.includes('--site')) {
  site();
  process.exit(0);
}

const results: { projects: number; files: number; tool: string; seconds: number; runs: number[] }[] = [];
for (const size of sizes) {
  const { dir, files } = generate(size);
  console.error(`corpus: ${size} projects, ${files} files in ${dir}`);
  for (const tool of tools) {
    const [command, commandArgs] = tool.run(dir);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { seconds } = time(command, commandArgs, dir);
      samples.push(seconds);
    }
    results.push({ projects: size, files, tool: tool.name, seconds: median(samples), runs: samples });
    console.error(`  ${tool.name}: ${median(samples).toFixed(2)} s (median of ${runs})`);
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.json`, { force: true });
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}`;
const lines = [
  '# Benchmark',
  '',
  'Wall-clock seconds, median of each run, on generated corpora: the example content\'s shared collections',
  'plus N projects copied from its three projects. Lower is better. seam lint does strictly more work than',
  'the others (YAML + schema validation, a cross-file record graph, 20+ rules); the other two are the',
  'floor for "read and parse every file" with tools authors already know.',
  '',
  `Reproduce: \`npm run bench -- ${sizes.join(' ')} --runs ${runs}\` (writes this file). Measured at commit ${commit} on ${machine}; load average ${loadavg()[0]!.toFixed(1)} (1 min) when it finished (other work on the machine slows every tool alike).`,
  '',
  '| Projects | Files | Tool | Seconds | Runs |',
  '| ---: | ---: | --- | ---: | --- |',
  ...results.map((r) => `| ${r.projects} | ${r.files} | ${r.tool} | ${r.seconds.toFixed(2)} | ${r.runs.map((s) => s.toFixed(2)).join(', ')} |`),
  '',
];
if (!existsSync(join(REPO, 'bench'))) mkdirSync(join(REPO, 'bench'));
writeFileSync(join(REPO, 'bench/RESULTS.md'), lines.join('\n'));
writeFileSync(join(REPO, 'bench/results.json'), `${JSON.stringify({ commit, machine, runs, results }, null, 2)}\n`);
console.log(readFileSync(join(REPO, 'bench/RESULTS.md'), 'utf8'));

// ---------------------------------------------------------------------------------------------------
// The hostile-input benchmark. A content file is untrusted input: one file under the 2 MiB cap must not
// stall or exhaust a lint run. For each hostile class, `seam lint` runs as a whole process over the
// example content with that one file added, and without it; the difference in wall time and in the
// process's peak resident memory is what the file costs. Target: at most 2 s and 512 MiB a file. Then
// k files of every class at once (k = 1, 2, 4) show that many such files cost k times as much.

/** Each class: where the file goes and its text (every one under the 2 MiB cap). */
function hostileClasses(): { name: string; file: string; text: string }[] {
  const page = (body: string) => `---\ntitle: Hostile\n---\n\n${body}\n`;
  const policy = readFileSync(join(CONTENT, 'policies/change-control-procedure.mdx'), 'utf8');
  const criteria = Array.from({ length: 20_000 }, () => '  - x').join('\n');
  const edges: string[] = [];
  for (let i = 0, length = 'flowchart LR'.length; length < 49_900 - 16; i++) length += edges.push(`a${i % 900}-->b${i}`) && edges.at(-1)!.length + 1;
  const diagram = `flowchart LR\n${edges.join('\n')}`;
  return [
    { name: '250,000 `TODO:` prompts in one paragraph', file: 'docs/hostile-prompts.md', text: page(`## Notes\n\n${'TODO: x '.repeat(250_000)}`) },
    { name: '20,000 nested list markers on one 40 KB line', file: 'docs/hostile-lists.md', text: page('- '.repeat(20_000)) },
    { name: '5,000 nested block quotes', file: 'docs/hostile-quotes.md', text: page(`${'>'.repeat(5_000)} deep`) },
    { name: '50,000 frontmatter keys in one mapping', file: 'docs/hostile-keys.md', text: `---\ntitle: Keys\nextra:\n${Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}`).join('\n')}\n---\n` },
    { name: 'YAML nested 500,000 levels deep (1 MB of brackets)', file: 'docs/hostile-deep-yaml.md', text: `---\ntitle: Deep\nextra: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n---\n` },
    { name: `a Mermaid flowchart just under the 50,000-character bound (${edges.length.toLocaleString('en')} edges)`, file: 'docs/hostile-diagram.md', text: page(`## Diagram\n\n\`\`\`mermaid\n${diagram}\n\`\`\``) },
    { name: 'a 1.9 MB Mermaid diagram (refused unparsed)', file: 'docs/hostile-diagram-huge.md', text: page(`## Diagram\n\n\`\`\`mermaid\nflowchart LR\n${'  a --> b\n'.repeat(190_000)}\`\`\``) },
    { name: 'many findings in one file: 20,000 invalid list items (20,000 located schema findings)', file: 'policies/hostile-findings.mdx', text: policy.replace(/^criteria:\n(?:  - .*\n)+/m, `criteria:\n${criteria}\n`) },
    { name: 'many findings in one file: 50,000 broken links', file: 'docs/hostile-links.md', text: page(`## Links\n\n${Array.from({ length: 50_000 }, (_, i) => `[a](missing-${i}.md)`).join('\n')}`) },
  ];
}

/** One whole-process `seam lint` over `dir`: wall seconds and the process's peak RSS in MiB. */
function lintProcess(dir: string): { seconds: number; mib: number; code: number } {
  const rssFile = `${dir}.rss`;
  const args = ['lint', '--content', dir, '--today', '2026-11-20', '--format', 'json', '--output-file', `${dir}.json`];
  // The command runs in a child Node process exactly as bin/seam.js runs it; on exit the child writes
  // its own peak resident set size (process.resourceUsage().maxRSS, KiB).
  const code = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));
const { main } = await import(${JSON.stringify(join(REPO, 'src/cli/main.ts'))});
process.exitCode = await main(${JSON.stringify(args)});`;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) throw r.error;
  if (r.status === 2 || !existsSync(rssFile)) throw new Error(`seam lint failed (exit ${r.status}): ${r.stderr}`);
  const mib = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile, { force: true });
  return { seconds, mib, code: r.status ?? -1 };
}

function hostile() {
  const classes = hostileClasses();
  const base = mkdtempSync(join(tmpdir(), 'seam-hostile-'));
  const corpus = (files: { file: string; text: string }[]) => {
    const dir = mkdtempSync(join(base, 'c-'));
    cpSync(CONTENT, dir, { recursive: true });
    for (const f of files) {
      if (Buffer.byteLength(f.text) >= 2 * 1024 * 1024) throw new Error(`${f.file} is over the 2 MiB cap`);
      mkdirSync(join(dir, f.file, '..'), { recursive: true });
      writeFileSync(join(dir, f.file), f.text);
    }
    return dir;
  };
  const measure = (files: { file: string; text: string }[]) => {
    const dir = corpus(files);
    const samples = Array.from({ length: runs }, () => lintProcess(dir));
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.json`, { force: true });
    return { seconds: median(samples.map((s) => s.seconds)), mib: median(samples.map((s) => s.mib)), code: samples[0]!.code };
  };

  const baseline = measure([]);
  console.error(`baseline: ${baseline.seconds.toFixed(2)} s, ${baseline.mib.toFixed(0)} MiB`);
  const single = classes.map((c) => {
    const m = measure([c]);
    const row = { name: c.name, file: c.file, bytes: Buffer.byteLength(c.text), ...m, addedSeconds: m.seconds - baseline.seconds, addedMiB: m.mib - baseline.mib };
    console.error(`${c.name}: +${row.addedSeconds.toFixed(2)} s, +${row.addedMiB.toFixed(0)} MiB (exit ${m.code})`);
    return row;
  });
  const copiesAt = args.indexOf('--copies');
  const copies = copiesAt >= 0 ? args[copiesAt + 1]!.split(',').map(Number) : [1, 2, 4];
  const many = copies.map((k) => {
    const files = classes.flatMap((c) => Array.from({ length: k }, (_, i) => ({ file: c.file.replace(/(\.mdx?)$/, `-${i}$1`), text: c.text })));
    const m = measure(files);
    console.error(`${k} of each (${files.length} files): +${(m.seconds - baseline.seconds).toFixed(2)} s, +${(m.mib - baseline.mib).toFixed(0)} MiB`);
    return { copies: k, files: files.length, ...m, addedSeconds: m.seconds - baseline.seconds, addedMiB: m.mib - baseline.mib };
  });
  rmSync(base, { recursive: true, force: true });

  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}`;
  const [load1, load5] = loadavg();
  const ok = (r: { addedSeconds: number; addedMiB: number }) => (r.addedSeconds <= 2 && r.addedMiB <= 512 ? 'yes' : '**no**');
  const perSet = many[0]!.addedSeconds;
  const lines = [
    '# Hostile-input benchmark',
    '',
    'What one hostile content file (each under the 2 MiB cap) adds to a whole-process `seam lint` of the',
    'example content (`content/`): the run with the file minus the run without it, in wall-clock seconds and',
    'in the process\'s peak resident memory (`process.resourceUsage().maxRSS` of the child process that runs',
    'the command). Target: each file adds at most 2 s and 512 MiB. Each figure is the median of the runs.',
    'Bounded classes are refused with a located finding (the content is not checked); the others are',
    'checked in linear time.',
    '',
    `Reproduce: \`npm run bench -- --hostile --runs ${runs} --copies ${copies.join(',')}\` (writes this file and bench/hostile.json). Measured at commit ${commit} on ${machine}; load average ${load1!.toFixed(1)} (1 min), ${load5!.toFixed(1)} (5 min) when it finished: the machine is shared, so absolute times vary with load.`,
    '',
    `Without a hostile file: ${baseline.seconds.toFixed(2)} s, ${baseline.mib.toFixed(0)} MiB.`,
    '',
    '| Hostile file | Size | Adds (s) | Adds (MiB) | Exit | Within target |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...single.map((r) => `| ${r.name} (\`${r.file}\`) | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.addedSeconds.toFixed(2)} | ${r.addedMiB.toFixed(0)} | ${r.code} | ${ok(r)} |`),
    '',
    '## Many such files',
    '',
    `k files of every class above at once (${classes.length}·k files). Linear growth means the added time is about k times that of k = 1.`,
    '',
    '| k | Files | Seconds | Adds (s) | Adds ÷ k=1 | Peak MiB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...many.map((r) => `| ${r.copies} | ${r.files} | ${r.seconds.toFixed(2)} | ${r.addedSeconds.toFixed(2)} | ${(r.addedSeconds / perSet).toFixed(2)} | ${r.mib.toFixed(0)} |`),
    '',
  ];
  if (!existsSync(join(REPO, 'bench'))) mkdirSync(join(REPO, 'bench'));
  writeFileSync(join(REPO, 'bench/HOSTILE.md'), lines.join('\n'));
  writeFileSync(join(REPO, 'bench/hostile.json'), `${JSON.stringify({ commit, machine, runs, load: [load1, load5], baseline, single, many }, null, 2)}\n`);
  console.log(readFileSync(join(REPO, 'bench/HOSTILE.md'), 'utf8'));
}

// ---------------------------------------------------------------------------------------------------
// The site build benchmark (issue 15, item 7). For each corpus size, the real `npm run build`
// (scripts/build-site.ts: astro build and Pagefind) of the corpus, and a "bare Starlight" build of the
// same pages: a Starlight project generated in a temp folder with the installed astro and
// @astrojs/starlight, one page per content file with the same Markdown body, title-only frontmatter and
// a manual sidebar of a few links (Starlight's autogenerated sidebar of every page is itself
// quadratic). Each build's wall time, the peak resident memory of its largest Node process, its pages
// and pages per second. A linear build keeps pages per second flat as the corpus grows.

/** Every Markdown content file of a corpus as a bare Starlight page: same body, title-only frontmatter. */
function bareStarlight(corpus: string): string {
  // Built with the repository as Astro's root and this folder as its srcDir, so astro and Starlight
  // resolve from the repository's node_modules exactly as in Seam's build (a project elsewhere with a
  // symlinked node_modules gives Vite two paths for one module and fails).
  const dir = mkdtempSync(join(REPO, '.bench-bare-'));
  const own = (path: string) => `./${relative(REPO, join(dir, path))}`;
  const docs = join(dir, 'src/content/docs');
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "bare-starlight", "private": true, "type": "module" }\n');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({
  srcDir: '${own('src')}',
  publicDir: '${own('public')}',
  cacheDir: '${own('.cache')}',
  devToolbar: { enabled: false },
  integrations: [starlight({ title: 'Bare', sidebar: [{ label: 'Home', link: '/' }, { label: 'Policies', link: '/policies/' }, { label: 'Projects', link: '/projects/' }] })],
});
`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  let home = false;
  for (const file of walk(corpus).filter((f) => /\.mdx?$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
    const data = match ? ((parseYaml(match[1]!) ?? {}) as { title?: unknown }) : {};
    const body = match ? text.slice(match[0].length) : text;
    const path = relative(corpus, file).replace(/\.mdx?$/, '.md');
    home ||= path === 'index.md';
    mkdirSync(join(docs, dirname(path)), { recursive: true });
    writeFileSync(join(docs, path), `---\ntitle: ${JSON.stringify(String(data.title ?? path))}\n---\n\n${body}`);
  }
  if (!home) writeFileSync(join(docs, 'index.md'), '---\ntitle: Bare\n---\n\nThe same pages, bare.\n');
  return dir;
}

/**
 * One whole build: wall seconds, the CPU seconds of its Node processes (user + system, summed: on a
 * shared machine far steadier than wall time, which waits for the CPU) and the largest peak RSS (MiB).
 */
function buildProcess(command: string[], cwd: string, env: NodeJS.ProcessEnv): { seconds: number; cpu: number; mib: number; code: number; output: string } {
  const rssDir = mkdtempSync(join(tmpdir(), 'seam-bench-rss-'));
  // Every Node process of the build (the wrapper and astro) writes its peak RSS (KiB) and CPU time (µs) on exit.
  const preload = join(rssDir, 'rss.mjs');
  writeFileSync(preload, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssDir)} + '/' + process.pid + '.rss', (({ maxRSS, userCPUTime, systemCPUTime }) => maxRSS + ' ' + (userCPUTime + systemCPUTime))(process.resourceUsage())));\n`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, command, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim() },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) throw r.error;
  // (Another process on a shared machine may have cleared the temp folder: then no figures, not a crash.)
  const usage = (existsSync(rssDir) ? readdirSync(rssDir) : []).filter((f) => f.endsWith('.rss')).map((f) => readFileSync(join(rssDir, f), 'utf8').split(' ').map(Number));
  rmSync(rssDir, { recursive: true, force: true });
  const mib = Math.max(0, ...usage.map(([kib]) => kib!)) / 1024;
  const cpu = usage.reduce((sum, [, micros]) => sum + micros!, 0) / 1e6;
  return { seconds, cpu, mib, code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

function site() {
  const at = args.indexOf('--site');
  const siteSizes = (/^[\d,]+$/.test(args[at + 1] ?? '') ? args[at + 1]! : '100,300').split(',').filter(Boolean).map(Number);
  const htmlPages = (d: string): number => readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? htmlPages(join(d, e.name)) : e.name.endsWith('.html') ? 1 : 0), 0);
  const rows: SiteRow[] = [];
  for (const size of siteSizes) {
    const { dir, files } = generate(size);
    console.error(`corpus: ${size} projects, ${files} files in ${dir}`);
    const bare = bareStarlight(dir);
    const builds: { name: string; run: (out: string) => ReturnType<typeof buildProcess> }[] = [
      {
        name: 'Seam (`npm run build`)',
        run: (out) => buildProcess([join(REPO, 'scripts/build-site.ts'), '--outDir', out], REPO, { SEAM_CONTENT: dir, SEAM_CACHE_DIR: `${out}.cache` }),
      },
      // Its output stays inside the repository (then moves), as build-site.ts does, so Astro keeps its server chunks there.
      {
        name: 'bare Starlight, same pages',
        run: (out) => {
          const r = buildProcess([join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', REPO, '--config', join(bare, 'astro.config.mjs'), '--outDir', join(bare, 'dist')], REPO, {});
          if (r.code === 0) cpSync(join(bare, 'dist'), out, { recursive: true });
          rmSync(join(bare, 'dist'), { recursive: true, force: true });
          return r;
        },
      },
    ];
    try {
      for (const build of builds) {
        const samples: { seconds: number; cpu: number; mib: number; pages: number; load: [number, number] }[] = [];
        for (let i = 0; i < runs; i++) {
          const out = join(mkdtempSync(join(tmpdir(), 'seam-bench-site-')), 'site');
          const before = loadavg()[0]!;
          const r = build.run(out);
          if (r.code !== 0) throw new Error(`${build.name} failed (exit ${r.code}):\n${r.output.slice(-4000)}`);
          samples.push({ seconds: r.seconds, cpu: r.cpu, mib: r.mib, pages: htmlPages(out), load: [before, loadavg()[0]!] });
          rmSync(dirname(out), { recursive: true, force: true });
        }
        const seconds = median(samples.map((x) => x.seconds))!;
        const cpu = median(samples.map((x) => x.cpu))!;
        const pages = samples[0]!.pages;
        const row = { projects: size, files, build: build.name, pages, seconds, cpu, mib: median(samples.map((x) => x.mib))!, pagesPerSecond: pages / seconds, pagesPerCpuSecond: pages / cpu, load: samples[0]!.load, runs: samples.map((x) => x.seconds) };
        rows.push(row);
        console.error(`  ${build.name}: ${row.pages} pages in ${seconds.toFixed(1)} s, ${cpu.toFixed(1)} CPU s (${row.pagesPerSecond.toFixed(1)} pages/s, ${row.pagesPerCpuSecond.toFixed(1)} per CPU s), peak ${row.mib.toFixed(0)} MiB, load ${row.load.map((l) => l.toFixed(1)).join(' → ')}`);
        writeSite(siteSizes, rows);
      }
    } finally {
      // A failed build must not leave the bare project inside the repository.
      rmSync(bare, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // The bare build wrote its collections' types into the repository's .astro/: put Seam's back.
  spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'sync'], { cwd: REPO, stdio: 'ignore' });
  console.log(readFileSync(join(REPO, 'bench/SITE.md'), 'utf8'));
}

type SiteRow = { projects: number; files: number; build: string; pages: number; seconds: number; cpu: number; mib: number; pagesPerSecond: number; pagesPerCpuSecond: number; load: [number, number]; runs: number[] };

/** Writes bench/SITE.md and bench/site.json from the rows measured so far (after each build, so a long run that is stopped keeps them). */
function writeSite(siteSizes: number[], rows: SiteRow[]) {

  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}`;
  const ratio = (size: number, key: 'seconds' | 'cpu' | 'mib') => {
    const seam = rows.find((r) => r.projects === size && r.build.startsWith('Seam'));
    const bare = rows.find((r) => r.projects === size && !r.build.startsWith('Seam'));
    return seam && bare ? (seam[key] / bare[key]).toFixed(2) : '—';
  };
  const lines = [
    '# Site build benchmark',
    '',
    'The whole site build of generated corpora (the same corpora as bench/RESULTS.md), against a bare',
    'Starlight build of the same pages: Starlight with the same Markdown bodies, title-only frontmatter and a',
    'manual sidebar of three links, generated in a temp folder with the installed astro and',
    '@astrojs/starlight. Seconds are wall-clock for the whole build (Pagefind included); memory is the peak',
    'resident set of the build\'s largest Node process (`process.resourceUsage().maxRSS`; Pagefind\'s own',
    'binary is not counted for either). CPU seconds are the user + system time of the build\'s Node processes',
    '(Pagefind\'s binary again not counted): on a shared machine they vary far less with load than wall time,',
    'which includes waiting for a CPU. A build whose cost per page does not depend on the number of other',
    'records keeps pages per second (and per CPU second) flat as the corpus grows.',
    '',
    `Reproduce: \`npm run bench -- --site ${siteSizes.join(',')} --runs ${runs}\` (writes this file and bench/site.json). Measured at commit ${commit} on ${machine}. The machine is shared: the load average (1 min) before → after each build is in the table, and absolute times vary with it.`,
    '',
    '| Projects | Files | Build | Pages | Seconds | Pages/s | CPU s | Pages/CPU s | Peak MiB | Load |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.projects} | ${r.files} | ${r.build} | ${r.pages} | ${r.seconds.toFixed(1)} | ${r.pagesPerSecond.toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.pagesPerCpuSecond.toFixed(1)} | ${r.mib.toFixed(0)} | ${r.load.map((l) => l.toFixed(1)).join(' → ')} |`),
    '',
    '| Projects | Seam ÷ bare, time | Seam ÷ bare, CPU | Seam ÷ bare, memory |',
    '| ---: | ---: | ---: | ---: |',
    ...siteSizes.map((size) => `| ${size} | ${ratio(size, 'seconds')} | ${ratio(size, 'cpu')} | ${ratio(size, 'mib')} |`),
    '',
  ];
  if (!existsSync(join(REPO, 'bench'))) mkdirSync(join(REPO, 'bench'));
  writeFileSync(join(REPO, 'bench/SITE.md'), lines.join('\n'));
  writeFileSync(join(REPO, 'bench/site.json'), `${JSON.stringify({ commit, machine, runs, rows }, null, 2)}\n`);
}
