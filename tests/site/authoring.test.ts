// "Edit this page" and the page history: the edit address is the configured base (or the repository's
// edit address) plus the file's path, and every file's commits come from one read of git's log, over a
// fixture repository with known commits here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editBaseOf, editUrlFor, gitHistory, historyLines, parseGitLog, type Commit } from '../../src/site/data/authoring.ts';

describe('editUrlFor', () => {
  it('joins the configured base and the file’s path in the repository', () => {
    expect(editUrlFor('https://github.com/org/repo/edit/main/', 'content/policies/x.mdx')).toBe('https://github.com/org/repo/edit/main/content/policies/x.mdx');
    expect(editUrlFor('https://github.com/org/repo/edit/main', 'content/a b.mdx')).toBe('https://github.com/org/repo/edit/main/content/a%20b.mdx');
  });

  it('gives no link without a base, for a file outside the repository, or for a base that is not a web address', () => {
    expect(editUrlFor(undefined, 'content/x.mdx')).toBeUndefined();
    expect(editUrlFor('https://example.com/', '../elsewhere/x.mdx')).toBeUndefined();
    expect(editUrlFor('javascript:alert(1)//', 'x.mdx')).toBeUndefined();
    expect(editUrlFor('not a url', 'x.mdx')).toBeUndefined();
  });

  it('edits on the configured repository’s branch unless editUrl names another address', () => {
    expect(editBaseOf({ repository: 'https://github.com/org/repo/' })).toBe('https://github.com/org/repo/edit/main/');
    expect(editBaseOf({ repository: 'https://github.com/org/repo', branch: 'trunk' })).toBe('https://github.com/org/repo/edit/trunk/');
    expect(editBaseOf({ repository: 'https://github.com/org/repo', editUrl: 'https://git.example/edit/' })).toBe('https://git.example/edit/');
    expect(editBaseOf({})).toBeUndefined();
    // A branch is path segments of the address, each encoded; a base the URL policy refuses is none.
    expect(editBaseOf({ repository: 'https://github.com/org/repo', branch: 'release/1.0#x' })).toBe('https://github.com/org/repo/edit/release/1.0%23x/');
    expect(editBaseOf({ editUrl: 'javascript:alert(1)//' })).toBeUndefined();
    expect(editBaseOf({ editUrl: 'java\tscript:alert(1)//' })).toBeUndefined();
    expect(editBaseOf({ editUrl: '/relative/edit/' })).toBeUndefined();
    expect(editBaseOf({ editUrl: 'mailto:someone@example.com' })).toBeUndefined();
  });
});

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A git repository in a temporary folder whose commits are known: author, dates, subjects, a rename. */
function fixtureRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seam-history-'));
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, ...(date ? { GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z` } : {}) },
    });
  const commit = (date: string, subject: string, author = 'Ada Author') => git(['-c', `user.name=${author}`, '-c', 'user.email=ada@example.org', 'commit', '-q', '-m', subject], date);
  git(['init', '-q', '-b', 'main']);
  mkdirSync(join(dir, 'content/policies'), { recursive: true });
  writeFileSync(join(dir, 'content/policies/a.mdx'), 'one\n');
  writeFileSync(join(dir, 'content/policies/old-name.mdx'), 'the renamed file, long enough to be recognised as a rename\n'.repeat(5));
  git(['add', '.']);
  commit('2026-01-05', 'Add the first policies');
  writeFileSync(join(dir, 'content/policies/a.mdx'), 'two\n');
  git(['add', '.']);
  commit('2026-02-10', HOSTILE, 'Mallory & "M" Jones');
  git(['mv', 'content/policies/old-name.mdx', 'content/policies/new-name.mdx']);
  commit('2026-03-15', 'Rename a policy');
  writeFileSync(join(dir, 'outside.txt'), 'not content\n');
  git(['add', '.']);
  commit('2026-04-01', 'A file outside the content root');
  return dir;
}

describe('page history from git', () => {
  let repo = '';
  beforeAll(() => {
    repo = fixtureRepository();
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lists each file’s commits newest first, with date, author and subject, keyed by path under the content root', () => {
    const history = gitHistory(join(repo, 'content'));
    expect([...history.keys()].sort()).toEqual(['policies/a.mdx', 'policies/new-name.mdx']);
    const a = history.get('policies/a.mdx') ?? [];
    expect(a.map(({ date, author, subject }) => ({ date, author, subject }))).toEqual([
      { date: '2026-02-10', author: 'Mallory & "M" Jones', subject: HOSTILE },
      { date: '2026-01-05', author: 'Ada Author', subject: 'Add the first policies' },
    ]);
    expect(a.every((c) => /^[0-9a-f]{40}$/.test(c.hash))).toBe(true);
  });

  it('follows a rename: the file’s commits under its old name are part of its history', () => {
    const renamed = gitHistory(join(repo, 'content')).get('policies/new-name.mdx') ?? [];
    expect(renamed.map((c) => c.subject)).toEqual(['Rename a policy', 'Add the first policies']);
  });

  it('is the same on every read of the same commit (no clock, no process state)', () => {
    const log = execFileSync('git', ['-c', 'core.quotepath=off', 'log', '--format=\x1e%H\x1f%cs\x1f%an\x1f%s', '--name-status', '-M', '--relative', '--', '.'], { cwd: join(repo, 'content'), encoding: 'utf8' });
    expect(parseGitLog(log)).toEqual(parseGitLog(log));
    expect(parseGitLog(log)).toEqual(gitHistory(join(repo, 'content')));
  });

  it('shows a public build only the dates, and internal and confidential builds everything, linked when the repository is known', () => {
    const commits = gitHistory(join(repo, 'content')).get('policies/a.mdx') ?? [];
    const site = { repository: 'https://github.com/org/repo/' };
    expect(historyLines(commits, 'public', site)).toEqual([{ date: '2026-02-10' }, { date: '2026-01-05' }]);
    expect(JSON.stringify(historyLines(commits, 'public', site))).not.toMatch(/Mallory|img|Ada|github/);
    for (const audience of ['internal', 'confidential'] as const) {
      expect(historyLines(commits, audience, site)).toEqual([
        { date: '2026-02-10', author: 'Mallory & "M" Jones', subject: HOSTILE, href: `https://github.com/org/repo/commit/${commits[0]?.hash}` },
        { date: '2026-01-05', author: 'Ada Author', subject: 'Add the first policies', href: `https://github.com/org/repo/commit/${commits[1]?.hash}` },
      ]);
    }
    expect(historyLines(commits, 'internal', {})[0]).toEqual({ date: '2026-02-10', author: 'Mallory & "M" Jones', subject: HOSTILE });
  });

  it('shows one date per day in a public build', () => {
    const sameDay: Commit[] = [
      { hash: 'a'.repeat(40), date: '2026-05-01', author: 'x', subject: 'b' },
      { hash: 'b'.repeat(40), date: '2026-05-01', author: 'x', subject: 'a' },
    ];
    expect(historyLines(sameDay, 'public', {})).toEqual([{ date: '2026-05-01' }]);
  });

  it('has no history in a shallow clone, whose oldest commit would look like every file’s creation', () => {
    const clone = mkdtempSync(join(tmpdir(), 'seam-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone], { stdio: 'ignore' });
      expect(gitHistory(join(clone, 'content')).size).toBe(0);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('has no history, and does not fail, outside a git checkout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-nogit-'));
    try {
      expect(gitHistory(dir).size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
