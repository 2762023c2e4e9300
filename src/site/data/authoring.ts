// Authoring links on a record's or handbook page: "edit this page" (seam.config.yaml `site.editUrl`, or
// `site.repository`'s edit address, + the file's path in the repository), "last updated" and the
// page's history (the commits that touched the file, read from git once per build for every file).
// Without git, in a shallow clone, or for a file git does not know, both are simply left out.
import { execFileSync } from 'node:child_process';
import { showsCommitDetails, type Audience } from '../../model/audience.ts';
import { isSafeUrl } from '../../model/url-policy.ts';

interface RepositorySettings {
  repository?: string;
  branch?: string;
  editUrl?: string;
}

/**
 * The base of "edit this page" addresses: `site.editUrl`, else `<site.repository>/edit/<branch>/`
 * (the branch's segments encoded). Undefined when neither is set or the result is not an absolute
 * http(s) address the URL policy lets a page link to. Record pages (through {@link editUrlFor}) and
 * Starlight's `editLink.baseUrl` for handbook pages (astro.config.mjs) both start from it.
 */
export function editBaseOf(site: RepositorySettings): string | undefined {
  const base = site.editUrl
    ? site.editUrl
    : site.repository
      ? `${site.repository.replace(/\/+$/, '')}/edit/${(site.branch ?? 'main').split('/').map(encodeURIComponent).join('/')}/`
      : undefined;
  return base !== undefined && isHttpUrl(base) ? base : undefined;
}

/** Whether `url` is an absolute http(s) address that the URL policy lets a page link to. */
function isHttpUrl(url: string): boolean {
  if (!isSafeUrl(url, 'link')) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** One line of a page's history as the build's readers may see it: always the date, the rest only for internal readers. */
export interface HistoryLine {
  date: string;
  author?: string;
  subject?: string;
  /** The commit's page in the repository, when `site.repository` is configured. */
  href?: string;
}

/** A file's commits as its page shows them to an `audience` build (the audience module decides what shows). */
export function historyLines(commits: readonly Commit[], audience: Audience, site: RepositorySettings): HistoryLine[] {
  // Dates only: one line per day a change was committed.
  if (!showsCommitDetails(audience)) return [...new Set(commits.map((c) => c.date))].map((date) => ({ date }));
  const repository = site.repository?.replace(/\/+$/, '');
  return commits.map(({ hash, date, author, subject }) => ({ date, author, subject, ...(repository ? { href: `${repository}/commit/${hash}` } : {}) }));
}

/**
 * The address that edits `file` (repository-relative, forward slashes) under `base`, e.g.
 * `https://github.com/org/repo/edit/main/` + `content/policies/x.mdx`. Undefined without a base, for a
 * file outside the repository, or when the result is not a valid absolute URL.
 */
export function editUrlFor(base: string | undefined, file: string | undefined): string | undefined {
  if (!base || !file || file.startsWith('../') || file.startsWith('/')) return undefined;
  const joined = `${base.endsWith('/') ? base : `${base}/`}${file.split('/').map(encodeURIComponent).join('/')}`;
  return isHttpUrl(joined) ? new URL(joined).href : undefined;
}

/** One commit that changed a file, newest first in a file's history. */
export interface Commit {
  /** The full commit hash. */
  hash: string;
  /** The committer date, `YYYY-MM-DD`. */
  date: string;
  /** The author's name, as the commit gives it (untrusted text). */
  author: string;
  /** The commit's subject line (untrusted text). */
  subject: string;
}

/** Starts each commit's header line: a control character git never prints unquoted in a file name. */
const HEADER = '\x1e';
const FIELD = '\x1f';
/** `git log` arguments whose output {@link parseGitLog} reads: every commit with the files it changed, renames detected. */
const LOG_ARGS = ['-c', 'core.quotepath=off', 'log', `--format=${HEADER}%H${FIELD}%cs${FIELD}%an${FIELD}%s`, '--name-status', '-M', '--relative', '--', '.'];

/**
 * Parses `git log --format=<header> --name-status -M` output (newest commit first) into each file's
 * commits, newest first, keyed by the file's current path. A rename is followed: the commits of the
 * old path before the rename belong to the new path's history (one log for every file, so following
 * renames costs no process per file). Merge commits list no files and appear in no history.
 */
export function parseGitLog(output: string): Map<string, Commit[]> {
  const histories = new Map<string, Commit[]>();
  /** Older paths → the current path they were renamed to. */
  const renamedTo = new Map<string, string>();
  const current = (path: string) => renamedTo.get(path) ?? path;
  let commit: Commit | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith(HEADER)) {
      const [hash = '', date = '', author = '', ...subject] = line.slice(1).split(FIELD);
      commit = /^[0-9a-f]{7,64}$/.test(hash) && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { hash, date, author, subject: subject.join(FIELD) } : undefined;
      continue;
    }
    if (!line || !commit) continue;
    const [status = '', path = '', to] = line.split('\t');
    if (!path) continue;
    const file = current(to ?? path);
    const history = histories.get(file) ?? [];
    if (history.at(-1) !== commit) history.push(commit);
    histories.set(file, history);
    // Older commits of the old path are this file's too.
    if (status.startsWith('R') && to !== undefined) renamedTo.set(path, file);
  }
  return histories;
}

const logs = new Map<string, Map<string, Commit[]>>();

/**
 * The history of every file under `root` (one `git log` per build), keyed by path relative to `root`.
 * Empty when there is no history to tell: not a git checkout, git not installed, or a shallow clone
 * (whose oldest commit would look like every file's creation).
 */
export function gitHistory(root: string): Map<string, Commit[]> {
  let histories = logs.get(root);
  if (histories) return histories;
  const git = (args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  try {
    histories = git(['rev-parse', '--is-shallow-repository']).trim() === 'false' ? parseGitLog(git(LOG_ARGS)) : new Map();
  } catch {
    // Not a git checkout or git not installed: no history.
    histories = new Map();
  }
  logs.set(root, histories);
  return histories;
}
