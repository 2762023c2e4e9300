// `seam report`: a Markdown summary for a pull-request comment. With `--base <ref>` it also lists the
// content files changed on this branch (`git diff <base>...HEAD`) and the coverage cells that moved,
// linting the base's content from a temporary copy read out of git. Local git only, never the network;
// it exits 0 whatever it finds (2 for bad usage), so a comment step never fails the build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { recordTypeOf } from '../model/identity.ts';
import { computeCoverage, primaryCoverage } from '../rule-kit/coverage.ts';
import { lint } from '../lint/engine.ts';
import { diffCoverage, renderReport } from '../lint/report.ts';
import type { RecordChange } from '../lint/report.ts';
import type { IO } from './io.ts';
import { UsageError } from './io.ts';
import { openCommandWorkspace } from './workspace.ts';
import type { CommandWorkspace, WorkspaceFlags } from './workspace.ts';

export interface ReportFlags extends WorkspaceFlags {
  base?: string;
  outputFile?: string;
}

export async function reportCommand(flags: ReportFlags, io: IO): Promise<number> {
  const workspace = await openCommandWorkspace(flags, io);
  const display = (file: string) => relative(io.cwd, resolve(workspace.root, file)).split(sep).join('/');
  const current = await lint({ root: workspace.root, cwd: io.cwd, config: workspace.config, today: workspace.today, settings: workspace.settings });
  const input: Parameters<typeof renderReport>[0] = { today: workspace.today, files: current.result.files.length, findings: current.result.findings, display };
  if (flags.base) {
    const git = gitAt(io.cwd);
    const commit = git(['rev-parse', '--verify', '--quiet', `${flags.base}^{commit}`]).toString().trim();
    if (!commit) throw new UsageError(`Unknown git ref "${flags.base}". Fetch it first (for example "git fetch origin main") or name a branch, tag or commit that exists.`);
    const top = git(['rev-parse', '--show-toplevel']).toString().trim();
    const contentDir = relative(realpathSync(top), realpathSync(workspace.root)).split(sep).join('/');
    if (contentDir.startsWith('..') || isAbsolute(contentDir)) throw new UsageError(`The content folder ${workspace.root} is outside the git repository at ${top}.`);
    const changes = changedRecords(git, flags.base, contentDir);
    // The pull request's coverage changes are the primary standard's, the figure projects are judged by.
    const after = primaryCoverage(current.graph, computeCoverage(current.graph, current.result.findings, display));
    const before = await baseCoverage(git, commit, contentDir, workspace);
    input.base = { ref: flags.base, commit, changes, coverage: diffCoverage(before, after) };
  }
  const markdown = renderReport(input);
  if (flags.outputFile) {
    const target = resolve(io.cwd, flags.outputFile);
    mkdirSync(dirname(target), { recursive: true });
    await writeFileAtomic(target, markdown, 'utf8');
  } else io.stdout(markdown);
  return 0;
}

type Git = (args: string[], input?: string) => Buffer;

/** Runs git in `cwd`; a failure is a usage problem (no repository, bad ref), never a crash. */
function gitAt(cwd: string): Git {
  return (args, input) => {
    const r = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    if (r.error) throw new UsageError(`seam report --base needs git: ${r.error.message}`);
    // rev-parse --verify --quiet exits 1 with no output for an unknown ref: the caller reports that.
    if (r.status !== 0 && !(args[0] === 'rev-parse' && args.includes('--quiet'))) {
      throw new UsageError(`git ${args[0]} failed: ${r.stderr.toString().trim().split('\n')[0] || `exit ${r.status}`}`);
    }
    return r.stdout;
  };
}

/** The content files this branch changed since it left `base`, as records. */
function changedRecords(git: Git, base: string, contentDir: string): RecordChange[] {
  const fields = git(['diff', '--name-status', '--find-renames', '-z', `${base}...HEAD`, '--', contentDir || '.']).toString().split('\0');
  const inContent = (path: string) => (contentDir ? path.slice(contentDir.length + 1) : path);
  const changes: RecordChange[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++];
    const letter = status[0];
    const from = letter === 'R' || letter === 'C' ? inContent(fields[i++]) : undefined;
    const file = inContent(fields[i++]);
    const kind = letter === 'A' || letter === 'C' ? 'added' : letter === 'D' ? 'removed' : letter === 'R' ? 'renamed' : 'changed';
    const type = recordTypeOf(file);
    const project = type?.inProject ? file.split('/')[1] : undefined;
    changes.push({ kind, file, ...(letter === 'R' ? { from } : {}), type: type?.label, project });
  }
  return changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The coverage of the content as it was at `commit`: its files read out of git into a temporary folder and linted. */
async function baseCoverage(git: Git, commit: string, contentDir: string, workspace: CommandWorkspace) {
  const dir = mkdtempSync(join(tmpdir(), 'seam-base-'));
  try {
    const entries = git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', contentDir || '.'])
      .toString()
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t');
        const [, type, sha] = meta.split(' ');
        return { type, sha, path };
      })
      .filter((e) => e.type === 'blob');
    const blobs = catBlobs(git, entries.map((e) => e.sha));
    entries.forEach((e, i) => {
      const target = resolve(dir, contentDir ? e.path.slice(contentDir.length + 1) : e.path);
      if (!target.startsWith(dir + sep)) return; // never write outside the temporary folder
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, blobs[i]);
    });
    const { result, graph } = await lint({ root: dir, cwd: dir, config: workspace.config, today: workspace.today, settings: workspace.settings });
    return primaryCoverage(graph, computeCoverage(graph, result.findings));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads many blobs with one `git cat-file --batch` (as `git show <ref>:<path>` would, without a process each). */
function catBlobs(git: Git, shas: string[]): Buffer[] {
  if (!shas.length) return [];
  const output = git(['cat-file', '--batch'], `${shas.join('\n')}\n`);
  const blobs: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < shas.length; i++) {
    const eol = output.indexOf(10, at);
    const size = Number(output.subarray(at, eol).toString().split(' ')[2]);
    blobs.push(output.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
}
