// Benchmark of `seam lint --cache` and `--changed`: a cold run, a warm run with nothing changed, and a
// warm run after editing one status report, each a whole `seam lint` process, on a corpus of N projects
// from the benchmark's generator (bench/corpus.ts: the example content and N - 3 distinct generated
// projects, as scripts/bench.ts uses), in a git repository.
// Checks on the way that every warm and --changed report equals the cold run's (for --changed: the
// full run's findings for the files it selected). Writes bench/CACHE.md.
// Usage: node scripts/bench-cache.ts [projects] [--runs N]     (default 100 projects, 3 runs, median)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpusConfig, generateCorpus } from '../bench/corpus.ts';

const REPO = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const projects = Number(args.find((a, i) => /^\d+$/.test(a) && i !== runsAt + 1) ?? 100);

function generate(count: number): { dir: string; files: number } {
  const dir = mkdtempSync(join(tmpdir(), `seam-lintcache-${count}-`));
  const { files } = generateCorpus(join(dir, 'content'), count, 1);
  writeFileSync(join(dir, 'seam.config.yaml'), corpusConfig('content'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n*.json\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'corpus');
  return { dir, files };
}

/**
 * The status report edited in run `run`: the latest report of a generated project (one that has
 * reports), a different project each run.
 */
function reportToEdit(dir: string, run: number): string {
  const projects = join(dir, 'content/projects');
  const example = new Set(readdirSync(join(REPO, 'content/projects')));
  const withReports = readdirSync(projects).sort().filter((p) => !example.has(p) && existsSync(join(projects, p, 'status')) && readdirSync(join(projects, p, 'status')).length > 0);
  const project = withReports[(7 * run + 1) % withReports.length]!;
  const latest = readdirSync(join(projects, project, 'status')).sort().at(-1)!;
  return join(projects, project, 'status', latest);
}

function git(cwd: string, ...gitArgs: string[]): string {
  const r = spawnSync('git', gitArgs, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.org' } });
  if (r.status !== 0) throw new Error(`git ${gitArgs.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * One `seam lint` process: its wall time, its CPU time (user + system, from /usr/bin/time: on a shared
 * machine the steadier figure) and its JSON report.
 */
function seam(dir: string, extra: string[]): { seconds: number; cpu: number; report: string } {
  const out = join(dir, 'report.json');
  const times = join(dir, 'time.txt');
  rmSync(out, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-o', times, '-f', '%U %S', process.execPath, join(REPO, 'bin/seam.js'), 'lint', '--format', 'json', '--output-file', out, ...extra], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`seam lint ${extra.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [user, system] = readFileSync(times, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, cpu: user! + system!, report: readFileSync(out, 'utf8') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (s: number) => s.toFixed(1);

const { dir, files } = generate(projects);
const load: number[][] = [loadavg()];
const cache = ['--cache-location', join(dir, 'cache.json')];
type Times = { wall: number[]; cpu: number[] };
const times = (): Times => ({ wall: [], cpu: [] });
const cold = times();
const coldCache = times();
const warm = times();
const edited = times();
const coldEdited = times();
const changed = times();
const note = (into: Times, r: { seconds: number; cpu: number }) => {
  into.wall.push(r.seconds);
  into.cpu.push(r.cpu);
};
let selected = 0;
try {
  for (let run = 0; run < runs; run++) {
    rmSync(join(dir, 'cache.json'), { force: true });
    const reference = seam(dir, []);
    note(cold, reference);
    const first = seam(dir, cache);
    note(coldCache, first);
    const again = seam(dir, cache);
    note(warm, again);
    if (first.report !== reference.report || again.report !== reference.report) throw new Error('A cached run reported something else than the cold run.');

    // Edit one status report of a generated project: its rag, so findings can move.
    const file = reportToEdit(dir, run);
    const text = readFileSync(file, 'utf8');
    const rag = /^rag: (\w+)$/m.exec(text)?.[1];
    writeFileSync(file, text.replace(/^rag: \w+$/m, `rag: ${rag === 'red' ? 'amber' : 'red'}`));
    const afterEdit = seam(dir, cache);
    note(edited, afterEdit);
    const full = seam(dir, []);
    note(coldEdited, full);
    if (afterEdit.report !== full.report) throw new Error('The warm run after the edit reported something else than a cold run.');
    const pr = seam(dir, ['--changed']);
    note(changed, pr);
    const prReport = JSON.parse(pr.report) as { files: string[]; findings: { file: string }[] };
    const fullFindings = (JSON.parse(full.report) as { findings: { file: string }[] }).findings.filter((f) => prReport.files.includes(f.file));
    if (JSON.stringify(prReport.findings) !== JSON.stringify(fullFindings)) throw new Error('--changed reported something else than the full run for its files.');
    selected = prReport.files.length;
    git(dir, 'checkout', '-q', '--', '.');
    load.push(loadavg());
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const row = (label: string, t: Times) => `| ${label} | ${fmt(median(t.wall))} | ${(median(t.wall) / median(cold.wall)).toFixed(2)} | ${fmt(median(t.cpu))} | ${(median(t.cpu) / median(cold.cpu)).toFixed(2)} |`;
const lines = [
  '# Lint cache and pull-request mode',
  '',
  `Command: \`node scripts/bench-cache.ts ${projects} --runs ${runs}\` — ${projects} projects (${files} files: the example's three and ${projects - 3} generated by \`bench/corpus.ts\`, seed 1), each figure a whole \`seam lint --format json\` process (start-up included), median of ${runs} run${runs === 1 ? '' : 's'}: wall-clock seconds, and CPU seconds (user + system) of the process, the steadier figure on a shared machine. Every warm report was checked byte for byte against the cold run's, and \`--changed\` against the full run's findings for the files it selected.`,
  '',
  '| Run | Wall s | × cold | CPU s | × cold |',
  '| --- | ---: | ---: | ---: | ---: |',
  row('cold, no cache', cold),
  row('cold, writing the cache', coldCache),
  row('warm, nothing changed', warm),
  row('warm, one status report edited', edited),
  row('cold after the edit (reference)', coldEdited),
  row(`\`--changed\` after the edit, no cache (${selected} files selected)`, changed),
  '',
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), shared; load average (1, 5, 15 min) before and after each run: ${load.map((l) => l.map((x) => x.toFixed(1)).join('/')).join(', ')}. Node ${process.version}.`,
  '',
];
writeFileSync(join(REPO, 'bench/CACHE.md'), `${lines.join('\n')}\n`);
process.stdout.write(lines.join('\n'));
