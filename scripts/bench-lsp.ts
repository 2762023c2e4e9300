// Benchmark: the language server's answer to a keystroke. Generates a corpus of N projects
// (bench/corpus.ts), starts the real language server (bin/seam-language-server.js) over stdio as an
// editor does (with bench/lsp-client.ts, as tests/e2e/editor-integration.test.ts does), opens a status report and
// types into it: each keystroke is a `didChange` with the whole text (the server asks for full sync),
// timed until the `publishDiagnostics` for that version arrives, one keystroke at a time. Nine of ten
// keystrokes type into the report's body, every tenth into its frontmatter title (the record is
// validated again and its project's references resolved again). Each keystroke's wall time and the
// server's CPU time for it are reported (p50, p95, max), with the machine's load average.
// Usage: npm run bench:lsp -- [projects] [--edits N] [--seed S] [--workspace DIR] [--cpu-prof DIR]
//   (default 1000 projects, 100 edits, seed 1; --workspace reuses a folder an earlier run generated;
//   --cpu-prof writes the server's V8 CPU profile to DIR, for bench/profile-top.ts)
// Writes bench/lsp.json (the last run); bench/LSP.md records runs with the machine they ran on.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusConfig, generateCorpus } from '../bench/corpus.ts';
import { startLanguageServer } from '../bench/lsp-client.ts';

const REPO = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const valued = new Set(['--edits', '--seed', '--workspace', '--cpu-prof'].map((n) => args.indexOf(n) + 1).filter((i) => i > 0));
const projects = Number(args.find((a, i) => /^\d+$/.test(a) && !valued.has(i)) ?? 1000);
const edits = Number(option('--edits') ?? 100);
const seed = Number(option('--seed') ?? 1);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

/** A workspace as a user has it: seam.config.yaml and .remarkrc.mjs at the top, the corpus in content/. */
function workspace(): { dir: string; files: number; generatedSeconds?: number } {
  const given = option('--workspace');
  const dir = given ? resolve(given) : mkdtempSync(join(tmpdir(), `seam-bench-lsp-${projects}-`));
  const content = join(dir, 'content');
  let files: number;
  let generatedSeconds: number | undefined;
  if (existsSync(join(content, 'projects'))) files = countFiles(content);
  else {
    mkdirSync(content, { recursive: true });
    const started = performance.now();
    files = generateCorpus(content, projects, seed).files;
    generatedSeconds = (performance.now() - started) / 1000;
  }
  writeFileSync(join(dir, 'seam.config.yaml'), corpusConfig('content'));
  // The repository's own .remarkrc.mjs, pointed at this checkout's preset.
  const rc = readFileSync(join(REPO, '.remarkrc.mjs'), 'utf8').replace('./src/lint/remark-preset.ts', pathToFileURL(join(REPO, 'src/lint/remark-preset.ts')).href);
  writeFileSync(join(dir, '.remarkrc.mjs'), rc);
  return { dir, files, ...(generatedSeconds === undefined ? {} : { generatedSeconds }) };
}

function countFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((d) => d.isFile()).length;
}

/** The latest status report of a generated project in the middle of the corpus. */
function statusReport(dir: string): string {
  const all = readdirSync(join(dir, 'content/projects')).sort();
  const project = all[Math.floor(all.length / 2)]!;
  const folder = join(dir, 'content/projects', project, 'status');
  return join(folder, readdirSync(folder).sort().at(-1)!);
}

/** The language server over stdio (bench/lsp-client.ts), with a CPU profile when asked. */
function startServer(cwd: string) {
  const profile = option('--cpu-prof');
  return startLanguageServer(cwd, profile ? ['--cpu-prof', '--cpu-prof-dir', resolve(profile)] : []);
}

/**
 * The CPU time (ms) the server's threads have used so far, from the kernel's scheduler statistics: on a
 * machine other people share, wall time grows with their load, CPU time barely does.
 */
function cpuMs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // a thread that ended meanwhile
    }
  }
  return ns / 1e6;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const loadBefore = load();
const { dir, files, generatedSeconds } = workspace();
console.error(`workspace: ${projects} projects, ${files} files in ${dir}${generatedSeconds === undefined ? '' : ` (generated in ${generatedSeconds.toFixed(0)} s)`}`);
const file = statusReport(dir);
const uri = pathToFileURL(file).href;
const original = readFileSync(file, 'utf8');
const { server, send, next } = startServer(dir);
const diagnosticsOf = (version: number, seconds: number) => next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && m.params.version === version, `diagnostics for version ${version}`, seconds);

const started = performance.now();
send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }] } });
await next((m) => m.id === 1 && m.result !== undefined, 'initialize result', 120);
send({ method: 'initialized', params: {} });
send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'mdx', version: 1, text: original } } });
const opened = await diagnosticsOf(1, 3600);
const openSeconds = (performance.now() - started) / 1000;
console.error(`first diagnostics (server start, graph load) after ${openSeconds.toFixed(1)} s: ${opened.params!.diagnostics!.length} diagnostics`);

// Typing: nine keystrokes in ten into the body (a new sentence at its end), every tenth into the title.
const sentence = 'The integration tests of the second wave passed on the first run, and the cut-over rehearsal is booked. ';
let body = '';
let title = '';
const textAt = () => (title ? original.replace(/^title: (.*)$/m, (_, t: string) => `title: ${t}${title}`) : original).replace(/\n*$/, `\n\n${body}\n`);
const times: number[] = [];
const cpu: number[] = [];
let lastDiagnostics = opened.params!.diagnostics!;
for (let i = 0; i < edits; i++) {
  if (i % 10 === 9) title += 'x';
  else body += sentence[body.length % sentence.length];
  const version = i + 2;
  const cpuBefore = cpuMs(server.pid!);
  const sent = performance.now();
  send({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ text: textAt() }] } });
  lastDiagnostics = (await diagnosticsOf(version, 600)).params!.diagnostics!;
  times.push(performance.now() - sent);
  cpu.push(cpuMs(server.pid!) - cpuBefore);
}
const rssKiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
// Asked to exit, so that a CPU profile is written.
send({ id: 2, method: 'shutdown' });
await next((m) => m.id === 2, 'shutdown result', 60);
send({ method: 'exit' });
await new Promise((done) => server.on('exit', done));

const sorted = [...times].sort((a, b) => a - b);
const sortedCpu = [...cpu].sort((a, b) => a - b);
const result = {
  date: new Date().toISOString(),
  projects, files, edits, seed,
  file: file.slice(dir.length + 1),
  openSeconds: Number(openSeconds.toFixed(1)),
  p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), max: Math.round(sorted.at(-1)!),
  firstKeystroke: Math.round(times[0]!),
  cpu: { p50: Math.round(percentile(sortedCpu, 50)), p95: Math.round(percentile(sortedCpu, 95)), max: Math.round(sortedCpu.at(-1)!) },
  diagnosticsAtEnd: lastDiagnostics.map((d) => d.code ?? d.message),
  serverPeakMiB: Math.round(rssKiB / 1024),
  cores: cpus().length, loadBefore, loadAfter: load(),
  times: times.map(Math.round),
  cpuTimes: cpu.map(Math.round),
};
console.error(`keystrokes: p50 ${result.p50} ms, p95 ${result.p95} ms, max ${result.max} ms (first ${result.firstKeystroke} ms); server CPU per keystroke p50 ${result.cpu.p50} ms, p95 ${result.cpu.p95} ms; load average ${result.loadBefore} before, ${result.loadAfter} after`);
writeFileSync(join(REPO, 'bench/lsp.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ ...result, times: undefined, cpuTimes: undefined }, null, 2));
