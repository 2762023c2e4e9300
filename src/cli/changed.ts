// `seam lint --changed [--base REF]`: which files changed since a git ref, for the engine to check them
// and every file whose findings they can change (src/lint/affected.ts). The base is compared at its
// merge-base with HEAD, as a pull request is (`git diff BASE...`), against the working tree, so
// committed, staged, unstaged and untracked (not ignored) changes all count. Without --base: the
// pull request's target in GitHub Actions (`origin/$GITHUB_BASE_REF`), else `origin/HEAD` (the remote's
// default branch), else `HEAD` (only what is not committed yet). Local git only, never the network.
import { spawnSync } from 'node:child_process';
import { isAbsolute, relative, resolve } from 'node:path';
import { recordTypeOf } from '../model/identity.ts';
import type { Changes } from '../lint/affected.ts';
import { UsageError } from './io.ts';

interface ChangedSince extends Changes {
  /** The ref compared with, as given or chosen. */
  base: string;
}

type Git = (args: string[], input?: string) => { ok: boolean; out: string; raw: Buffer; err: string };

function gitAt(cwd: string): Git {
  return (args, input) => {
    const r = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    if (r.error) throw new UsageError(`seam lint --changed needs git: ${r.error.message}`);
    return { ok: r.status === 0, out: r.stdout.toString(), raw: r.stdout, err: r.stderr.toString().trim().split('\n')[0] ?? '' };
  };
}

/** The text of each path at `commit` that existed there (one `git cat-file --batch` for all). */
function textsAt(git: Git, commit: string, paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!paths.length) return out;
  const raw = git(['cat-file', '--batch'], `${paths.map((p) => `${commit}:${p}`).join('\n')}\n`).raw;
  let at = 0;
  for (const path of paths) {
    const eol = raw.indexOf(0x0a, at);
    if (eol === -1) break;
    const header = raw.subarray(at, eol).toString();
    at = eol + 1;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) continue; // missing at the base, or not a file
    out.set(path, raw.subarray(at, at + Number(size)).toString('utf8'));
    at += Number(size) + 1;
  }
  return out;
}

/** The default base, as described above; `undefined` when the repository has no commit yet. */
function defaultBase(git: Git, env: NodeJS.ProcessEnv): string | undefined {
  const candidates = [env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : undefined, 'origin/HEAD', 'HEAD'];
  return candidates.find((ref) => ref !== undefined && git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).ok);
}

/** The changes since `base` (or the default base) in the repository around `cwd`, for the content root `root`. */
export function changedSince(cwd: string, root: string, base: string | undefined, env: NodeJS.ProcessEnv, configFile?: string): ChangedSince {
  const git = gitAt(cwd);
  const top = git(['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new UsageError(`seam lint --changed compares with git, but ${cwd} is not in a git repository (${top.err || 'git rev-parse failed'}). Run it in a clone, or lint everything without --changed.`);
  const repo = top.out.trim();
  const contentDir = relative(repo, root);
  if (contentDir.startsWith('..') || isAbsolute(contentDir)) throw new UsageError(`The content folder ${root} is outside the git repository at ${repo}, so --changed cannot tell what changed in it.`);
  const atTop = gitAt(repo);
  if (base !== undefined && !atTop(['rev-parse', '--verify', '--quiet', `${base}^{commit}`]).ok) {
    throw new UsageError(`Unknown git ref "${base}" for --base. Fetch it first (for example "git fetch origin main") or name a branch, tag or commit that exists.`);
  }
  const ref = base ?? defaultBase(atTop, env);
  const paths = new Set<string>();
  const add = (out: string) => {
    for (const p of out.split('\0')) if (p) paths.add(resolve(repo, p));
  };
  const baseProjects = new Set<string>();
  let before: ((path: string) => string | undefined) | undefined;
  if (ref !== undefined) {
    const mergeBase = atTop(['merge-base', ref, 'HEAD']);
    if (!mergeBase.ok) throw new UsageError(`"${ref}" and HEAD share no history (${mergeBase.err || 'git merge-base failed'}), so there is nothing to compare with. Name another ref with --base.`);
    const commit = mergeBase.out.trim();
    const diff = atTop(['diff', '--name-only', '--no-renames', '-z', commit, '--']);
    if (!diff.ok) throw new UsageError(`git diff failed: ${diff.err}`);
    add(diff.out);
    const prefix = contentDir ? `${contentDir.split('\\').join('/')}/` : '';
    const projectPaths = diff.out.split('\0').filter((p) => p.startsWith(`${prefix}projects/`));
    const texts = textsAt(atTop, commit, projectPaths);
    before = (path) => texts.get(relative(repo, path).split('\\').join('/'));
    const tree = atTop(['ls-tree', '-r', '--name-only', '-z', '--full-tree', commit, '--', `${prefix}projects`]);
    for (const p of tree.out.split('\0')) {
      const file = p.slice(prefix.length);
      if (p && recordTypeOf(file)?.inProject) baseProjects.add(file.split('/')[1]!);
    }
  }
  add(atTop(['ls-files', '--others', '--exclude-standard', '-z', '--full-name']).out);
  return { base: ref ?? 'HEAD', paths: [...paths].sort(), configFile, baseProjects, ...(before ? { before } : {}) };
}
