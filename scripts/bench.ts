// Benchmark: generates corpora of N projects from the example content and times `seam lint` against
// markdownlint-cli2 and remark-cli (parse only, with the MDX and frontmatter plugins) on the same files.
// Usage: npm run bench -- [sizes…] [--runs N]      (default sizes 100 1000, 3 runs, median reported)
// Writes bench/RESULTS.md and bench/results.json.
// `npm run bench -- --hostile [--runs N] [--copies 1,2,4]`: the hostile-input benchmark instead (see hostile() below),
// written to bench/HOSTILE.md and bench/hostile.json.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');
const CONTENT = join(REPO, 'content');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const sizes = args.filter((a, i) => /^\d+$/.test(a) && i !== runsAt + 1).map(Number);
if (!sizes.length) sizes.push(100, 1000);

/** N projects: the example's projects copied round-robin under new ids, plus the shared collections. */
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
