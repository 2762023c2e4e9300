// "Edit this page" and "last updated": the edit address is the configured base plus the file's path,
// and dates come from one read of git's log, the newest commit of each file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editUrlFor, gitDates, lastUpdated, parseGitLog } from '../../src/site/data/authoring.ts';

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
});

describe('last updated', () => {
  it('takes each file’s newest commit from the log', () => {
    const log = '@@2026-11-02\ncontent/a.mdx\ncontent/b.mdx\n\n@@2026-10-01\ncontent/a.mdx\ncontent/c.mdx\n';
    expect(Object.fromEntries(parseGitLog(log))).toEqual({ 'content/a.mdx': '2026-11-02', 'content/b.mdx': '2026-11-02', 'content/c.mdx': '2026-10-01' });
  });

  it('knows the dates of this repository’s committed files', () => {
    const date = lastUpdated(process.cwd(), 'package.json');
    expect(date?.toISOString()).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    expect(lastUpdated(process.cwd(), 'no/such/file.mdx')).toBeUndefined();
  });

  it('has no dates, and does not fail, outside a git checkout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-nogit-'));
    try {
      expect(gitDates(dir).size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
