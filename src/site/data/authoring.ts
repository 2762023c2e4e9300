// Authoring links on a record's page: "edit this page" (seam.config.yaml `site.editUrl` + the file's
// path in the repository) and "last updated" (the date of the last commit that touched the file, read
// from git once per build). Without git, or for a file git does not know, the date is simply left out.
import { execFileSync } from 'node:child_process';

/**
 * The address that edits `file` (repository-relative, forward slashes) under `base`, e.g.
 * `https://github.com/org/repo/edit/main/` + `content/policies/x.mdx`. Undefined without a base, for a
 * file outside the repository, or when the result is not a valid absolute URL.
 */
export function editUrlFor(base: string | undefined, file: string | undefined): string | undefined {
  if (!base || !file || file.startsWith('../') || file.startsWith('/')) return undefined;
  const joined = `${base.endsWith('/') ? base : `${base}/`}${file.split('/').map(encodeURIComponent).join('/')}`;
  try {
    const url = new URL(joined);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses `git log --format=@@%cs --name-only` output (newest commit first) into the date each file
 * was last changed. A file's first appearance is its latest commit.
 */
export function parseGitLog(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  let date: string | undefined;
  for (const line of output.split('\n')) {
    const commit = /^@@(\d{4}-\d{2}-\d{2})$/.exec(line);
    if (commit) date = commit[1];
    else if (line && date && !dates.has(line)) dates.set(line, date);
  }
  return dates;
}

const logs = new Map<string, Map<string, string>>();

/** The dates every file under `repoRoot` was last committed, keyed by repository-relative path; empty without git. */
export function gitDates(repoRoot: string): Map<string, string> {
  let dates = logs.get(repoRoot);
  if (dates) return dates;
  try {
    const output = execFileSync('git', ['-c', 'core.quotepath=off', 'log', '--format=@@%cs', '--name-only', '--relative', '--no-renames', '--', '.'], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    dates = parseGitLog(output);
  } catch {
    // Not a git checkout, git not installed, or a shallow CI clone without history: no dates.
    dates = new Map();
  }
  logs.set(repoRoot, dates);
  return dates;
}

/** When `file` (repository-relative) was last committed, as a Date for Starlight's footer; undefined when unknown. */
export function lastUpdated(repoRoot: string, file: string | undefined): Date | undefined {
  const date = file ? gitDates(repoRoot).get(file) : undefined;
  return date ? new Date(`${date}T00:00:00Z`) : undefined;
}
