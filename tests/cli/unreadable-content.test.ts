// Files Seam cannot read or should not follow: each is a located finding (and the rest is still
// linted) or a usage error with exit 2 — never an internal error, never a silent skip that lets a
// misconfigured CI go green — and `seam new` never writes through a link. (A named pipe is stood in for by
// a Unix socket, which Node can create: both are names that are not regular files.)
//
// Unreadable files and folders: the tests run as root in CI containers, where chmod 000 does not stop
// a read. Then the real command runs as the unprivileged user `nobody` (runuser), so the kernel itself
// denies the read (EACCES); as any other user it runs directly. Nothing is mocked.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordLoader } from '../../src/site/integrations/loader.ts';
import { recordTypeByName } from '../../src/model/record-types.ts';
import { seam } from '../helpers/cli.ts';
import { REPO, RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const CONFIG = { 'seam.config.yaml': 'content: .\ntoday: 2026-06-15\n' };
const PROMPT = '---\ntitle: Guide\n---\n\n## Notes\n\nTODO: write this.\n';

function content(files: Record<string, string> = {}): string {
  const dir = tempContent(RULE_BASE, { ...CONFIG, 'docs/guide.md': PROMPT, ...files });
  made.push(dir);
  return dir;
}

const asRoot = process.getuid?.() === 0;
const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p));

/** `seam lint --format json` as a real process that the permissions apply to (as `nobody` when root). */
function lintUnprivileged(dir: string) {
  // `nobody` must reach the folder and read everything except what the test locked.
  const open = (path: string) => {
    const s = statSync(path);
    if (s.isDirectory()) {
      if ((s.mode & 0o777) === 0) return;
      chmodSync(path, 0o755);
      for (const name of readdirSync(path)) open(join(path, name));
    } else if ((s.mode & 0o777) !== 0) chmodSync(path, 0o644);
  };
  open(dir);
  const command = [process.execPath, join(REPO, 'bin/seam.js'), 'lint', '--format', 'json'];
  const r = asRoot ? spawnSync(runuser!, ['-u', 'nobody', '--', ...command], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } }) : spawnSync(command[0]!, command.slice(1), { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: r.status, stderr: r.stderr, findings: JSON.parse(r.stdout || '{"findings":[]}').findings as { ruleId: string; file: string; line: number; column: number; message: string }[] };
}

const ordinaryPrompt = expect.objectContaining({ ruleId: 'unfinished', file: 'docs/guide.md', line: 7 });

describe('files Seam cannot read', () => {
  // One real run as an unprivileged user, over a locked file and a locked folder beside ordinary content.
  let run: ReturnType<typeof lintUnprivileged>;
  const locked = () => {
    if (run) return run;
    const dir = content({ 'docs/locked/page.md': PROMPT, 'systems/locked.mdx': '---\ntitle: Locked\n---\n' });
    chmodSync(join(dir, 'systems/locked.mdx'), 0o000);
    chmodSync(join(dir, 'docs/locked'), 0o000);
    return (run = lintUnprivileged(dir));
  };

  it.skipIf(asRoot && !runuser)('reports an unreadable file where it is and lints the rest (exit 1, no internal error)', () => {
    const { code, stderr, findings } = locked();
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(1);
    expect(findings).toContainEqual(ordinaryPrompt);
    expect(findings.filter((f) => f.file === 'systems/locked.mdx')).toEqual([
      { ruleId: 'schema', severity: 'error', file: 'systems/locked.mdx', line: 1, column: 1, message: 'Seam cannot read this file (permission denied), so it was not checked. Make it readable (for example chmod a+r), or move it out of the content folder.' },
    ]);
  });

  it.skipIf(asRoot && !runuser)('reports an unreadable folder where it is, instead of skipping what is in it', () => {
    const { code, findings } = locked();
    expect(code).toBe(1);
    expect(findings).toEqual([
      ordinaryPrompt,
      { ruleId: 'schema', severity: 'error', file: 'docs/locked', line: 1, column: 1, message: 'Seam cannot read this folder (permission denied), so nothing in it was checked. Make it readable (for example chmod a+rx), or move it out of the content folder.' },
      expect.objectContaining({ file: 'systems/locked.mdx' }),
    ]);
  });

  it('reports a socket or pipe with a content name instead of opening it', async () => {
    const dir = content();
    // A Unix socket: like a named pipe, a name that is not a regular file (reading a pipe would block forever).
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(dir, 'docs/pipe.md'), done));
    const r = await seam(['lint', '--format', 'json'], { cwd: dir }).finally(() => server.close());
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toEqual([
      ordinaryPrompt,
      expect.objectContaining({ ruleId: 'schema', file: 'docs/pipe.md', line: 1, column: 1, message: 'This is not a regular file (a named pipe, socket or device), so Seam did not read it. Replace it with a regular file, or delete it.' }),
    ]);
  });
});

describe('symbolic links', () => {
  const LINK = 'This is a symbolic link; Seam does not follow links (one could lead out of the content folder), so what it points to was not checked. Replace the link with the file or folder itself, or delete it.';

  it('reports a linked file and a linked folder, never reads what they point to, and lints the rest', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'seam-outside-'));
    made.push(outside);
    writeFileSync(join(outside, 'secret.md'), '---\ntitle: Outside\n---\n\n## Notes\n\nTODO: outside the content folder.\n');
    const dir = content();
    symlinkSync(join(outside, 'secret.md'), join(dir, 'docs/secret.md'));
    symlinkSync(outside, join(dir, 'docs/elsewhere'));
    const r = await seam(['lint', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toEqual([
      expect.objectContaining({ ruleId: 'schema', file: 'docs/elsewhere', line: 1, column: 1, message: LINK }),
      ordinaryPrompt,
      expect.objectContaining({ ruleId: 'schema', file: 'docs/secret.md', line: 1, column: 1, message: LINK }),
    ]);
  });

  it('seam new refuses to write through a linked folder: exit 2, nothing written anywhere', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'seam-outside-'));
    made.push(outside);
    const dir = content();
    rmSync(join(dir, 'systems'), { recursive: true });
    symlinkSync(outside, join(dir, 'systems'));
    const r = await seam(['new', 'system', '--id', 'evil', '--title', 'Evil', '--yes'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('seam: systems is a symbolic link; seam new does not write through links (one could lead out of the content folder), so nothing was written. Replace the link with a real folder or file, or delete it.\n');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('the site build fails closed on a link, naming it', async () => {
    const dir = content();
    symlinkSync(join(dir, 'systems/crm.mdx'), join(dir, 'systems/crm-copy.mdx'));
    const loader = recordLoader(recordTypeByName.get('systems')!, { contentRoot: dir });
    const context = { config: { root: new URL(`file://${dir}/`) }, store: new Map(), logger: console } as unknown as Parameters<typeof loader.load>[0];
    await expect(loader.load(context)).rejects.toThrow(`systems/crm-copy.mdx:1:1: ${LINK}`);
  });
});

describe('--content that holds nothing to check', () => {
  it.each([
    ['a file', (dir: string) => join(dir, 'docs/guide.md'), 'is a file, not a folder. Pass --content DIR with the folder that holds the records (content/), not one file; to check one file, pass it as a path: seam lint FILE.'],
    ['an empty folder', (dir: string) => (mkdirSync(join(dir, 'empty')), join(dir, 'empty')), 'has no content files (.md, .mdx, .yaml, .yml), so there is nothing to check. Pass --content DIR with the folder that holds the records, set SEAM_CONTENT, or set "content:" in seam.config.yaml.'],
    ['a missing folder', (dir: string) => join(dir, 'missing'), 'does not exist. Pass --content DIR, set SEAM_CONTENT, or set "content:" in seam.config.yaml.'],
  ])('--content at %s is a usage error (exit 2) for lint and links', async (_, target, message) => {
    const dir = content();
    const at = target(dir);
    for (const command of ['lint', 'links']) {
      const r = await seam([command, '--content', at], { cwd: dir });
      expect(r).toEqual({ code: 2, stdout: '', stderr: `seam: The content folder ${at.slice(dir.length + 1)} ${message}\n` });
    }
  });
});
