// `seam report` on a real git repository: two commits of the example organisation, the second adding a
// record and breaking another; the report lists both changes and the coverage cells that moved.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTENT } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function git(cwd: string, ...args: string[]) {
  const r = spawnSync('git', ['-c', 'user.name=Seam Test', '-c', 'user.email=seam@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('seam report', () => {
  let repo: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'seam-report-'));
    made.push(repo);
    cpSync(EXAMPLE_CONTENT, join(repo, 'content'), { recursive: true });
    writeFileSync(join(repo, 'seam.config.yaml'), 'content: content\ntoday: 2026-11-20\nstandards:\n  primary: eskitp5045\n');
    git(repo, 'init', '--quiet', '--initial-branch=main');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'The example organisation');
    git(repo, 'switch', '--quiet', '-c', 'records');
    writeFileSync(join(repo, 'content/organisations/fenwick-holdings.mdx'), '---\ntitle: Fenwick Holdings\nkind: target\n---\n\n## Role in the integration\n\nFenwick Assurance\'s former parent company, which keeps the pension scheme.\n');
    // The claims consolidation's charter now claims its "Lessons applied" section (which the coverage map
    // allows for K13.2) as evidence of K13.2, which a policy evidenced until now.
    const charter = join(repo, 'content/projects/claims-consolidation/index.mdx');
    writeFileSync(charter, readFileSync(charter, 'utf8').replace('evidence:\n', 'evidence:\n  - criterion: K13.2\n    section: Lessons applied\n'));
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'Add Fenwick Holdings; claim K13.2 for the claims consolidation');
  });

  it('lists findings by rule, the records added and changed, and the coverage cells that moved', async () => {
    const r = await seam(['report', '--base', 'main'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^## Seam report\n\nChecked \d+ files on 2026-11-20: \*\*0 errors\*\*, 1 warning\.\nCompared with `main` \([0-9a-f]{12}\)\./);
    expect(md).toContain('| `currency` | 0 | 1 |');
    expect(md).toContain('No findings in the files this branch adds or changes.');
    expect(md).toContain('| added | `content/organisations/fenwick-holdings.mdx` | organisation | — |');
    expect(md).toContain('| changed | `content/projects/claims-consolidation/index.mdx` | project charter | claims-consolidation |');
    expect(md).toContain('| claims-consolidation | K13.2 | 📘 evidenced by policy | ✅ evidenced |');
    // Evidenced by the project's record instead of by policy: the figure itself does not move.
    expect(md).not.toContain('| Project | Required criteria evidenced, before | After |');
    expect(md).not.toContain('| policy-admin-migration |');

    // A record broken on the branch shows as failing cells, and its finding is listed.
    const plan = join(repo, 'content/projects/policy-admin-migration/plan.mdx');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^currency: GBP$/m, 'currency: pounds'));
    git(repo, 'commit', '--quiet', '-am', 'Break the plan');
    const broken = (await seam(['report', '--base', 'main'], { cwd: repo })).stdout;
    expect(broken).toMatch(/- ❌ `content\/projects\/policy-admin-migration\/plan\.mdx:5:11` `"currency": .*` \(`schema`\)/);
    expect(broken).toContain('| changed | `content/projects/policy-admin-migration/plan.mdx` | plan and budget | policy-admin-migration |');
    expect(broken).toContain('| policy-admin-migration | P5 | ✅ evidenced | ❌ failing |');
    expect(broken).toMatch(/\| policy-admin-migration \| (\d+)\/(\d+) \| \d+\/\d+ \|/);
  });

  it('without --base, summarises the findings alone', async () => {
    const r = await seam(['report'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('### Findings by rule');
    expect(r.stdout).not.toContain('### Coverage changes');
  });

  it('exits 2 on an unknown ref or outside a git repository, never on findings', async () => {
    const unknown = await seam(['report', '--base', 'no-such-branch'], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown git ref "no-such-branch"');
    const outside = mkdtempSync(join(tmpdir(), 'seam-nogit-'));
    made.push(outside);
    cpSync(EXAMPLE_CONTENT, join(outside, 'content'), { recursive: true });
    const r = await seam(['report', '--base', 'main', '--content', 'content'], { cwd: outside });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
