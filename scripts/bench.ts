// Benchmark: generates corpora of N projects (bench/corpus.ts: the example content plus N - 3 generated
// projects) and times `seam lint` against markdownlint-cli2 and remark-cli (parse only, with the MDX and
// frontmatter plugins) on the same files, with each process's peak memory.
// Usage: npm run bench -- [sizes…] [--runs N] [--seed S]   (default sizes 100 1000, 3 runs, median reported, seed 1)
// Writes bench/RESULTS.md and bench/results.json.
// `npm run bench -- --hostile [--runs N] [--copies 1,2,4]`: the hostile-input benchmark instead (see hostile() below),
// written to bench/HOSTILE.md and bench/hostile.json.
// `npm run bench -- --site 100,300 [--runs N]`: the site build benchmark instead (see site() below): Seam's
// build against a bare Starlight build of the same pages, written to bench/SITE.md and bench/site.json.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { corpusConfig, generateCorpus } from '../bench/corpus.ts';
import { allocatorSettings, BUILD_NODE_FLAGS } from './build-site.ts';

/** A config beside the corpus folder `dir` (its reference date, its primary standard), for `--config`. */
function corpusConfigFile(dir: string): string {
  const file = `${dir}.seam.config.yaml`;
  writeFileSync(file, corpusConfig(basename(dir)));
  return file;
}

const REPO = resolve(import.meta.dirname, '..');
const CONTENT = join(REPO, 'content');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : args.includes('--site') ? 1 : 3;
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && (runsAt < 0 || i !== runsAt + 1) && (seedAt < 0 || i !== seedAt + 1)).map(Number);
if (!sizes.length) sizes.push(100, 1000);

/** N projects, for every benchmark mode: the example content and N - 3 generated projects (bench/corpus.ts), every one distinct and lint-clean. */
function generate(projects: number): { dir: string; files: number } {
  const dir = mkdtempSync(join(tmpdir(), `seam-bench-${projects}-`));
  return { dir, ...generateCorpus(dir, projects, seed) };
}

/**
 * A module each measured Node process loads first: on exit it writes its peak resident set size (KiB,
 * worker threads included) and the CPU time it used (µs, user + system) to $SEAM_BENCH_RSS. CPU time
 * barely moves with the machine's load, where wall time does: on a shared machine it is the fairer ratio.
 */
const RSS_PRELOAD = `data:text/javascript,${encodeURIComponent("import { writeFileSync } from 'node:fs'; const f = process.env.SEAM_BENCH_RSS; if (f) process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(f, JSON.stringify([u.maxRSS, u.userCPUTime + u.systemCPUTime])); });")}`;

/** One run of a Node command: wall seconds, CPU seconds, peak resident memory (MiB) and exit code. */
function time(command: string, commandArgs: string[], cwd: string, rssFile: string): { seconds: number; cpu: number; mib: number; code: number } {
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(command, ['--import', RSS_PRELOAD, ...commandArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', SEAM_BENCH_RSS: rssFile } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) throw r.error;
  const [kib, cpuMicros] = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as number[]) : [Number.NaN, Number.NaN];
  rmSync(rssFile, { force: true });
  return { seconds, cpu: cpuMicros! / 1e6, mib: kib! / 1024, code: r.status ?? -1 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bin = (name: string) => join(REPO, 'node_modules/.bin', name);

// Each tool: its command and arguments for a corpus, and where it runs (the corpus, unless it says).
const tools: { name: string; run: (dir: string) => [string, string[], string?] }[] = [
  { name: 'seam lint (all rules, cross-file)', run: (dir) => [process.execPath, [join(REPO, 'bin/seam.js'), 'lint', '--config', corpusConfigFile(dir), '--content', dir, '--today', '2026-11-20', '--format', 'json', '--output-file', join(dir, '..', `${dir.split('/').at(-1)}.json`)]] },
  { name: 'markdownlint-cli2 (default rules)', run: (dir) => [process.execPath, [bin('markdownlint-cli2'), '**/*.{md,mdx}']] },
  // Run from the repository: remark-cli resolves `--use` plugins from its working folder, and from the
  // corpus it found none — every file failed with "Cannot find module `remark-frontmatter`" and nothing
  // was parsed (the figures before this commit timed that failure).
  { name: 'remark-cli (parse: frontmatter + MDX)', run: (dir) => [process.execPath, [bin('remark'), dir, '--ext', 'md,mdx', '--no-config', '--no-ignore', '--use', 'remark-frontmatter', '--use', 'remark-mdx', '--quiet', '--no-stdout'], REPO] },
];

if (args.includes('--hostile')) {
  hostile();
  process.exit(0);
}
if (args.includes('--site')) {
  site();
  process.exit(0);
}

const results: { projects: number; files: number; tool: string; seconds: number; cpu: number; mib: number; code: number; runs: number[] }[] = [];
for (const size of sizes) {
  const { dir, files } = generate(size);
  console.error(`corpus: ${size} projects, ${files} files in ${dir}`);
  for (const tool of tools) {
    const [command, commandArgs, cwd = dir] = tool.run(dir);
    const samples = Array.from({ length: runs }, () => time(command, commandArgs, cwd, `${dir}.rss`));
    const seconds = median(samples.map((s) => s.seconds));
    results.push({ projects: size, files, tool: tool.name, seconds, cpu: median(samples.map((s) => s.cpu)), mib: median(samples.map((s) => s.mib)), code: samples[0]!.code, runs: samples.map((s) => s.seconds) });
    console.error(`  ${tool.name}: ${seconds.toFixed(2)} s (median of ${runs}), ${results.at(-1)!.cpu.toFixed(2)} s CPU, ${results.at(-1)!.mib.toFixed(0)} MiB, exit ${samples[0]!.code}`);
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.json`, { force: true });
  rmSync(`${dir}.seam.config.yaml`, { force: true });
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim();
const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'rules', 'bin'], { cwd: REPO, encoding: 'utf8' }).stdout.trim() ? ' (with uncommitted changes to src/rules/bin)' : '';
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}`;
const [load1, load5, load15] = loadavg();
const [seamTool, markdownlintTool, remarkTool] = tools.map((t) => t.name);
const at = (projects: number, tool: string) => results.find((r) => r.projects === projects && r.tool === tool)!;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
/** Whether `value` meets `limit`, and if not by how much it misses (as a share of the limit). */
const verdict = (value: number, limit: number) => (value <= limit ? 'met' : `**missed** by ${(((value - limit) / limit) * 100).toFixed(0)}%`);
const GIB = 1024;
const lines = [
  '# Benchmark',
  '',
  'Wall-clock seconds (median of the runs) and peak resident memory of each tool\'s process on generated',
  'corpora: the example content (its shared collections and three projects) plus N - 3 projects generated by',
  '`bench/corpus.ts` — every project distinct (ids, names, people, organisations, systems, amounts, dates,',
  'milestones, status reports, diagrams) and lint-clean, deterministic from the seed. Lower is better. seam',
  'lint does strictly more work than the others (YAML + schema validation, a cross-file record graph, 20+',
  'rules); the other two are the floor for "read and parse every file" with tools authors already know.',
  '',
  `Reproduce: \`npm run bench -- ${sizes.join(' ')} --runs ${runs}${seed !== 1 ? ` --seed ${seed}` : ''}\` (writes this file). Measured at commit ${commit}${dirty} on ${machine}; load average ${load1!.toFixed(1)} / ${load5!.toFixed(1)} / ${load15!.toFixed(1)} (1 / 5 / 15 min) when it finished. Other work on the machine slows every tool alike, so absolute times vary with load; the targets are ratios within one run.`,
  '',
  '| Projects | Files | Tool | Seconds | CPU seconds | Peak MiB | Exit | Runs (s) |',
  '| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |',
  ...results.map((r) => `| ${r.projects} | ${r.files} | ${r.tool} | ${r.seconds.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.mib.toFixed(0)} | ${r.code} | ${r.runs.map((s) => s.toFixed(2)).join(', ')} |`),
  '',
  '## Issue 15 lint targets',
  '',
  'Each ratio in wall time, then in CPU time (user + system: what the same run costs with the machine\'s',
  'load taken out).',
  '',
  '| Projects | seam ÷ remark-cli (target ≤ 1.0×) | seam ÷ markdownlint-cli2 (stretch ≤ 1.0×) | seam peak memory (target ≤ 1.5 GiB) |',
  '| ---: | --- | --- | --- |',
  ...sizes.map((n) => {
    const s = at(n, seamTool!);
    const m = at(n, markdownlintTool!);
    const r = at(n, remarkTool!);
    const both = (a: typeof s, b: typeof s) => `wall ${ratio(a.seconds, b.seconds)}: ${verdict(a.seconds / b.seconds, 1)}; CPU ${ratio(a.cpu, b.cpu)}: ${verdict(a.cpu / b.cpu, 1)}`;
    return `| ${n} | ${both(s, r)} | ${both(s, m)} | ${(s.mib / GIB).toFixed(2)} GiB: ${verdict(s.mib, 1.5 * GIB)} |`;
  }),
  '',
];
if (!existsSync(join(REPO, 'bench'))) mkdirSync(join(REPO, 'bench'));
writeFileSync(join(REPO, 'bench/RESULTS.md'), lines.join('\n'));
writeFileSync(join(REPO, 'bench/results.json'), `${JSON.stringify({ commit, machine, runs, seed, load: [load1, load5, load15], results }, null, 2)}\n`);
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
  // Just under the bounds of src/model/bounds.ts (a body of 100,000 characters, a frontmatter of 50,000).
  const criteria = Array.from({ length: 7_500 }, () => '  - x').join('\n');
  const edges = (chars: number) => {
    const list: string[] = [];
    for (let i = 0, length = 'flowchart LR'.length; length < chars - 16; i++) length += list.push(`a${i % 900}-->b${i}`) && list.at(-1)!.length + 1;
    return list;
  };
  const mermaid = (lines: string[]) => page(`## Diagram\n\n\`\`\`mermaid\nflowchart LR\n${lines.join('\n')}\n\`\`\``);
  const connections = Array.from({ length: 500 }, (_, i) => `a${i % 90}-->b${i}`);
  const longDiagram = edges(49_900);
  return [
    { name: '250,000 `TODO:` prompts in one paragraph (a 2 MB body, refused unparsed)', file: 'docs/hostile-prompts.md', text: page(`## Notes\n\n${'TODO: x '.repeat(250_000)}`) },
    { name: '12,000 `TODO:` prompts in one paragraph, just under the body bound (checked: 100 reported, the rest counted)', file: 'docs/hostile-prompts-checked.md', text: page(`## Notes\n\n${'TODO: x '.repeat(12_000)}`) },
    { name: '20,000 nested list markers on one 40 KB line', file: 'docs/hostile-lists.md', text: page('- '.repeat(20_000)) },
    { name: '5,000 nested block quotes', file: 'docs/hostile-quotes.md', text: page(`${'>'.repeat(5_000)} deep`) },
    { name: '50,000 frontmatter keys in one mapping (a 760 KB frontmatter, refused unparsed)', file: 'docs/hostile-keys.md', text: `---\ntitle: Keys\nextra:\n${Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}`).join('\n')}\n---\n` },
    { name: 'YAML nested 500,000 levels deep (1 MB of brackets)', file: 'docs/hostile-deep-yaml.md', text: `---\ntitle: Deep\nextra: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n---\n` },
    { name: 'a Mermaid flowchart of 500 connections, the most parsed', file: 'docs/hostile-diagram-edges.md', text: mermaid(connections) },
    { name: `a Mermaid flowchart just under the 50,000-character bound, ${longDiagram.length.toLocaleString('en')} connections (refused at the 501st, unparsed)`, file: 'docs/hostile-diagram.md', text: mermaid(longDiagram) },
    { name: 'a Mermaid diagram of 95,000 characters (refused for its length, unparsed and unscanned)', file: 'docs/hostile-diagram-huge.md', text: mermaid(Array.from({ length: 9_500 }, () => '  a --> b')) },
    { name: 'many findings in one file: 7,500 invalid list items (7,500 located schema findings)', file: 'policies/hostile-findings.mdx', text: policy.replace(/^criteria:\n(?:  - .*\n)+/m, `criteria:\n${criteria}\n`) },
    { name: 'many findings in one file: 4,500 broken links, just under the body bound (100 reported, the rest counted)', file: 'docs/hostile-links.md', text: page(`## Links\n\n${Array.from({ length: 4_500 }, (_, i) => `[a](missing-${i}.md)`).join('\n')}`) },
  ];
}

/**
 * One whole-process `seam lint` over `dir`: wall seconds, the process's CPU seconds (user + system) and
 * its peak RSS in MiB. On a shared machine the wall time measures the other jobs too; the CPU time is
 * what the run itself cost.
 */
function lintProcess(dir: string): { seconds: number; cpu: number; mib: number; code: number } {
  const usageFile = `${dir}.usage`;
  const args = ['lint', '--content', dir, '--today', '2026-11-20', '--format', 'json', '--output-file', `${dir}.json`];
  // The command runs in a child Node process exactly as bin/seam.js runs it; on exit the child writes
  // its own resource usage (process.resourceUsage(): maxRSS in KiB, CPU times in µs).
  const code = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify(process.resourceUsage())));
const { main } = await import(${JSON.stringify(join(REPO, 'src/cli/main.ts'))});
process.exitCode = await main(${JSON.stringify(args)});`;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) throw r.error;
  if (r.status === 2 || !existsSync(usageFile)) throw new Error(`seam lint failed (exit ${r.status}): ${r.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
  rmSync(usageFile, { force: true });
  return { seconds, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, mib: usage.maxRSS / 1024, code: r.status ?? -1 };
}

function hostile() {
  const [startLoad] = loadavg();
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
    return { seconds: median(samples.map((s) => s.seconds)), cpu: median(samples.map((s) => s.cpu)), mib: median(samples.map((s) => s.mib)), code: samples[0]!.code };
  };

  const baseline = measure([]);
  console.error(`baseline: ${baseline.seconds.toFixed(2)} s, ${baseline.cpu.toFixed(2)} s CPU, ${baseline.mib.toFixed(0)} MiB`);
  const single = classes.map((c) => {
    const m = measure([c]);
    const row = { name: c.name, file: c.file, bytes: Buffer.byteLength(c.text), ...m, addedSeconds: m.seconds - baseline.seconds, addedCpu: m.cpu - baseline.cpu, addedMiB: m.mib - baseline.mib };
    console.error(`${c.name}: +${row.addedSeconds.toFixed(2)} s, +${row.addedCpu.toFixed(2)} s CPU, +${row.addedMiB.toFixed(0)} MiB (exit ${m.code})`);
    return row;
  });
  const copiesAt = args.indexOf('--copies');
  const copies = copiesAt >= 0 ? args[copiesAt + 1]!.split(',').map(Number) : [1, 2, 4];
  const many = copies.map((k) => {
    const files = classes.flatMap((c) => Array.from({ length: k }, (_, i) => ({ file: c.file.replace(/(\.mdx?)$/, `-${i}$1`), text: c.text })));
    const m = measure(files);
    console.error(`${k} of each (${files.length} files): +${(m.seconds - baseline.seconds).toFixed(2)} s, +${(m.cpu - baseline.cpu).toFixed(2)} s CPU, +${(m.mib - baseline.mib).toFixed(0)} MiB`);
    return { copies: k, files: files.length, ...m, addedSeconds: m.seconds - baseline.seconds, addedCpu: m.cpu - baseline.cpu, addedMiB: m.mib - baseline.mib };
  });
  rmSync(base, { recursive: true, force: true });

  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}`;
  const [load1, load5] = loadavg();
  // Judged by CPU time, which the other jobs of a shared machine do not inflate (wall time is shown too).
  const ok = (r: { addedCpu: number; addedMiB: number }) => (r.addedCpu <= 2 && r.addedMiB <= 512 ? 'yes' : '**no**');
  const perSet = many[0]!.addedCpu;
  const lines = [
    '# Hostile-input benchmark',
    '',
    'What one hostile content file (each under the 2 MiB cap) adds to a whole-process `seam lint` of the',
    'example content (`content/`): the run with the file minus the run without it, in seconds of CPU time',
    '(user + system), in wall-clock seconds, and in the process\'s peak resident memory (all from',
    '`process.resourceUsage()` of the child process that runs the command). Target: each file adds at most',
    '2 s and 512 MiB; "within target" is judged by CPU time, because on a shared machine the wall-clock time',
    'also measures the other jobs. Each figure is the median of the runs. Bounded classes are refused with a',
    'located finding (the content is not checked; the bounds are in `src/model/bounds.ts`); the others are',
    'checked in linear time.',
    '',
    `Reproduce: \`npm run bench -- --hostile --runs ${runs} --copies ${copies.join(',')}\` (writes this file and bench/hostile.json). Measured at commit ${commit} on ${machine}; load average ${startLoad!.toFixed(1)} (1 min) when it started, ${load1!.toFixed(1)} (1 min) and ${load5!.toFixed(1)} (5 min) when it finished: the machine is shared, so wall-clock times vary with load.`,
    '',
    `Without a hostile file: ${baseline.cpu.toFixed(2)} s CPU, ${baseline.seconds.toFixed(2)} s wall-clock, ${baseline.mib.toFixed(0)} MiB.`,
    '',
    '| Hostile file | Size | Adds (s CPU) | Adds (s wall) | Adds (MiB) | Exit | Within target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...single.map((r) => `| ${r.name} (\`${r.file}\`) | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.addedCpu.toFixed(2)} | ${r.addedSeconds.toFixed(2)} | ${r.addedMiB.toFixed(0)} | ${r.code} | ${ok(r)} |`),
    '',
    '## Many such files',
    '',
    `k files of every class above at once (${classes.length}·k files). Linear growth means the added CPU time is about k times that of k = 1.`,
    '',
    '| k | Files | CPU s | Adds (s CPU) | Adds ÷ k=1 | Wall s | Peak MiB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...many.map((r) => `| ${r.copies} | ${r.files} | ${r.cpu.toFixed(2)} | ${r.addedCpu.toFixed(2)} | ${(r.addedCpu / perSet).toFixed(2)} | ${r.seconds.toFixed(2)} | ${r.mib.toFixed(0)} |`),
    '',
  ];
  if (!existsSync(join(REPO, 'bench'))) mkdirSync(join(REPO, 'bench'));
  writeFileSync(join(REPO, 'bench/HOSTILE.md'), lines.join('\n'));
  writeFileSync(join(REPO, 'bench/hostile.json'), `${JSON.stringify({ commit, machine, runs, load: { started: startLoad, finished: [load1, load5] }, baseline, single, many }, null, 2)}\n`);
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
    // Made just before its build, removed after it. Astro joins `--config` to `--root`: a relative path.
    let bare: string | undefined;
    const builds: { name: string; run: (out: string) => ReturnType<typeof buildProcess> }[] = [
      {
        name: 'Seam (`npm run build`)',
        run: (out) => buildProcess([join(REPO, 'scripts/build-site.ts'), '--outDir', out], REPO, { SEAM_CONTENT: dir, SEAM_CACHE_DIR: `${out}.cache` }),
      },
      // Its output stays inside the repository (then moves), as build-site.ts does, so Astro keeps its server chunks there.
      {
        name: 'bare Starlight, same pages',
        run: (out) => {
          bare ??= bareStarlight(dir);
          // With the runtime settings `npm run build` gives astro (V8's heap growth, the allocators'), so
          // the ratio is what Seam's pages and checks cost, not what those settings save.
          const r = buildProcess([...BUILD_NODE_FLAGS, join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', REPO, '--config', relative(REPO, join(bare, 'astro.config.mjs')), '--outDir', join(bare, 'dist')], REPO, allocatorSettings(process.env));
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
      if (bare) rmSync(bare, { recursive: true, force: true });
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
    '@astrojs/starlight, and run with the runtime settings `npm run build` gives astro (V8\'s heap growth,',
    'the native allocators\' settings: scripts/build-site.ts), so the ratios are what Seam\'s pages and checks',
    'cost. Seconds are wall-clock for the whole build (Pagefind included); memory is the peak',
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
