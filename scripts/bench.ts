// Benchmark: generates corpora of N projects from the example content and times `seam lint` against
// markdownlint-cli2 and remark-cli (parse only, with the MDX and frontmatter plugins) on the same files.
// Usage: npm run bench -- [sizes…] [--runs N]      (default sizes 100 1000, 3 runs, median reported)
// Writes bench/RESULTS.md and bench/results.json.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
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
  `Reproduce: \`npm run bench -- ${sizes.join(' ')} --runs ${runs}\` (writes this file). Measured at commit ${commit} on ${machine}.`,
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
