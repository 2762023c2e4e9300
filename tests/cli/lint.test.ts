// `seam lint` end to end: exit codes, formats, flags, and bad input that must never crash.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleContentFolders } from '../helpers/content.ts';
import { seam, seamProcess } from '../helpers/cli.ts';

const temp = ruleContentFolders();

const policy = (reviewBy: string) => `---\ntitle: Integration policy\nkind: policy\nowner: Head of Integration\nversion: "1.0"\napproved: 2026-01-10\napprover: CIO\nreviewBy: ${reviewBy}\ncriteria: [P1, K7]\n---\n\n## Purpose\n\nSets the rules for every project.\n\n## Scope\n\nEvery integration project.\n`;

describe('seam lint', () => {
  it('exits 0 with no output on clean content', async () => {
    const dir = temp();
    const r = await seam(['lint', '--content', dir, '--today', '2026-06-15']);
    // The repository's seam.config.yaml loads a rule plugin, which every run names.
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'seam: loaded plugin seam-rules/status-summary-length.ts (rule: status-summary-length)\n' });
  });

  it('exits 1 on errors and prints file:line:column, message and rule id', async () => {
    const dir = temp({ 'systems/crm.mdx': '---\ntitle: CRM\nowner: acme\nkind: app\nlifecycle: live\n---\n\n## Purpose\n\nHolds customer accounts.\n' });
    const r = await seam(['lint', '--content', dir, '--today', '2026-06-15'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('systems/crm.mdx\n');
    expect(r.stdout).toMatch(/4:7\s+error\s+"kind" must be one of: application, platform, data-store, integration, infrastructure, saas \(found "app"\)\s+schema/);
    expect(r.stdout).toContain('1 problem (1 error, 0 warnings)');
  });

  it('exits 0 on warnings alone, 1 when they exceed --max-warnings, and hides them with --quiet', async () => {
    const dir = temp({ 'policies/integration-policy.mdx': policy('2026-01-31') });
    const base = ['lint', '--content', dir, '--today', '2026-06-15'];
    expect((await seam(base)).code).toBe(0);
    const strict = await seam([...base, '--max-warnings', '0']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('too many warnings (1; at most 0 allowed)');
    const quiet = await seam([...base, '--quiet']);
    expect(quiet).toMatchObject({ code: 0, stdout: '' });
  });

  it('exits 2 on bad usage, with one line and no stack trace', async () => {
    for (const args of [['lint', '--bogus'], ['lint', '--format', 'xml'], ['lint', '--today', '2026-13-01'], ['lint', '--content', '/no/such/dir'], ['lint', '--max-warnings', 'many']]) {
      const r = await seam(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await seam(['lint', '--today', '2026-13-01'])).stderr).toContain('--today must be a date written as YYYY-MM-DD (got "2026-13-01")');
  });

  it('reports a broken config file at its line and exits 2', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'seam.config.yaml'), 'content: .\nrules:\n  no-such-rule: error\n');
    const r = await seam(['lint'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "no-such-rule"');
    writeFileSync(join(dir, 'seam.config.yaml'), 'content: .\ntoday: [\n');
    const broken = await seam(['lint'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/seam\.config\.yaml:\d+:\d+: Broken YAML in the config/);
  });

  it('honours per-rule severity from the config file', async () => {
    const dir = temp({ 'policies/integration-policy.mdx': policy('2026-01-31') });
    writeFileSync(join(dir, 'seam.config.yaml'), 'content: .\ntoday: 2026-06-15\nrules:\n  currency: error\n');
    expect((await seam(['lint'], { cwd: dir })).code).toBe(1);
    writeFileSync(join(dir, 'seam.config.yaml'), 'content: .\ntoday: 2026-06-15\nrules:\n  currency: off\n');
    expect((await seam(['lint'], { cwd: dir })).stdout).toBe('');
  });

  it('limits the report to the paths given', async () => {
    const dir = temp({ 'systems/crm.mdx': '---\ntitle: CRM\nowner: acme\nkind: app\nlifecycle: live\n---\n\n## Purpose\n\nHolds customer accounts.\n' });
    const other = await seam(['lint', '--content', dir, '--today', '2026-06-15', join(dir, 'organisations')]);
    expect(other).toMatchObject({ code: 0, stdout: '' });
    expect((await seam(['lint', '--content', dir, join(dir, 'systems/crm.mdx')])).code).toBe(1);
    expect((await seam(['lint', '--content', dir, 'no/such/file.mdx'])).code).toBe(2);
  });

  it('silences findings with disable comments in frontmatter and body', async () => {
    const text = policy('2026-01-31').replace('reviewBy: 2026-01-31', 'reviewBy: 2026-01-31 # seam-disable-line currency');
    const dir = temp({ 'policies/integration-policy.mdx': text });
    expect((await seam(['lint', '--content', dir, '--today', '2026-06-15', '--max-warnings', '0'])).code).toBe(0);
    const next = temp({ 'policies/integration-policy.mdx': policy('2026-01-31').replace('reviewBy:', '# seam-disable-next-line currency\nreviewBy:') });
    expect((await seam(['lint', '--content', next, '--today', '2026-06-15', '--max-warnings', '0'])).code).toBe(0);
    const other = temp({ 'policies/integration-policy.mdx': policy('2026-01-31').replace('reviewBy:', '# seam-disable-next-line schema\nreviewBy:') });
    expect((await seam(['lint', '--content', other, '--today', '2026-06-15', '--max-warnings', '0'])).code).toBe(1);
    const block = temp({ 'organisations/beta.mdx': '---\ntitle: Beta Ltd\nkind: target\n---\n\n{/* seam-disable required-sections */}\n\nNo headings here.\n' });
    expect((await seam(['lint', '--content', block, '--today', '2026-06-15'])).code).toBe(0);
  });

  it('writes JSON that lists every finding with its position', async () => {
    const dir = temp({ 'organisations/beta.mdx': '---\ntitle: Beta Ltd\nkind: target\n---\n\nimport X from "./x.js"\n\n## Role in the integration\n\nThe acquired company.\n' });
    const r = await seam(['lint', '--content', dir, '--format', 'json'], { cwd: dir });
    const json = JSON.parse(r.stdout);
    expect(json.findings).toEqual([expect.objectContaining({ ruleId: 'mdx-safety', file: 'organisations/beta.mdx', line: 6, column: 1, severity: 'error' })]);
    expect(json.errorCount).toBe(1);
  });

  it('appends a step summary with every finding in github format', async () => {
    const dir = temp({ 'systems/crm.mdx': '---\ntitle: CRM\nowner: acme\nkind: app\nlifecycle: live\n---\n\n## Purpose\n\nHolds customer accounts.\n' });
    const summary = join(temp(), 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const r = await seam(['lint', '--content', dir, '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('::error file=systems/crm.mdx,line=4,col=7,endLine=4,endColumn=10,title=seam(schema)::"kind" must be one of: application, platform, data-store, integration, infrastructure, saas (found "app").\n');
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('earlier step\n')).toBe(true);
    expect(text).toContain('systems/crm.mdx:4:7');
  });

  it('runs as a real process with the same exit codes', () => {
    const dir = temp({ 'organisations/beta.mdx': '---\ntitle: Beta\nkind: [target\n---\n' });
    const r = seamProcess(['lint', '--content', dir, '--today', '2026-06-15'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/organisations\/beta\.mdx\n\s+4:1\s+error\s+Broken YAML/);
    expect(r.stderr).toBe('');
    expect(seamProcess(['lint', '--nope']).code).toBe(2);
  });
});

describe('seam lint: content cannot drive the output', () => {
  // A record from another organisation whose values and file name carry terminal escape sequences (clear
  // the screen, home the cursor, print a fake all-clear), a bidi override and an overlong value.
  const hostile = '\u001b[2J\u001b[H0 problems ' + 'x'.repeat(100);
  const files = {
    'systems/crm.mdx': `---\ntitle: Acme CRM\nowner: "${hostile.replaceAll('\u001b', '\\e')}"\nkind: application\nlifecycle: live\n"\\e[31mcolour": red\ninterfaces:\n  - system: "bil\\u202Eling"\n    protocol: REST\n---\n\n## Purpose\n\nHolds customers.\n`,
    'organisations/beta\u001b[2J.mdx': '---\ntitle: Beta Ltd\nkind: target\n---\n\n## Role in the integration\n\nThe target.\n',
  };
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('shows escape sequences and bidi overrides as visible escapes, caps long values, and says the same in every format', async () => {
    const dir = temp(files);
    const run = (format: string) => seam(['lint', '--content', dir, '--today', '2026-06-15', '--format', format], { cwd: dir });
    const [stylish, json, sarif] = [await run('stylish'), JSON.parse((await run('json')).stdout), JSON.parse((await run('sarif')).stdout)];
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).not.toMatch(RAW);
    const messages: string[] = json.findings.map((f: { message: string }) => f.message);
    expect(messages).toEqual(expect.arrayContaining([
      `"owner": ids are kebab-case: lower-case letters and digits joined by hyphens, for example "crm-migration" (found "\\u001b[2J\\u001b[H0 problems ${'x'.repeat(51)}…").`,
      expect.stringMatching(/^Unknown field "\\u001b\[31mcolour"\. Allowed fields/),
      expect.stringMatching(/^"interfaces\[0\]\.system": .* \(found "bil\\u202eling"\)\.$/),
      expect.stringMatching(/^The file name "beta\\u001b\[2J" is the record's id and must be kebab-case/),
    ]));
    for (const message of messages) expect(message).not.toMatch(RAW);
    // One text, every format: SARIF carries the same messages, stylish prints them (without the full stop).
    expect(sarif.runs[0].results.map((r: { message: { text: string } }) => r.message.text)).toEqual(messages);
    for (const message of messages) expect(stylish.stdout).toContain(message.replace(/\.$/, ''));
    expect(stylish.stdout).toContain('organisations/beta\\u001b[2J.mdx\n');
  });

  it('writes GitHub annotations and a step summary with no raw control characters and no Markdown from content', async () => {
    const dir = temp(files);
    const summary = join(temp(), 'summary.md');
    const r = await seam(['lint', '--content', dir, '--today', '2026-06-15', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('::error file=systems/crm.mdx,line=3,col=8,endLine=3,endColumn=');
    const text = readFileSync(summary, 'utf8');
    expect(text).not.toMatch(RAW);
    expect(text).toContain('(found "\\u001b[2J\\u001b[H0 problems ');
  });
});
