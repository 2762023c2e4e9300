// A team's own rules, end to end through `seam lint`: ignore globs, per-path overrides, declarative
// rules in the config and local rule plugins, each in a repository like a user's (seam.config.yaml at
// the top, the content below, plugins in seam-rules/). Plugins run as the real command runs them (a
// child process), with workers and the cache, and through remark-cli with the repository's preset.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RULE_BASE, REPO } from '../helpers/content.ts';
import { seam, seamProcess } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A repository: `config` as seam.config.yaml, the rule examples' base as content/ with `content` laid over it, and other `files` by path. */
function repo(config: string, content: Record<string, string> = {}, files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'seam-own-rules-'));
  made.push(root);
  cpSync(RULE_BASE, join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'seam.config.yaml'), `content: content\ntoday: 2026-06-15\n${config}`);
  for (const [file, text] of [...Object.entries(content).map(([f, t]) => [`content/${f}`, t] as const), ...Object.entries(files)]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const POLICY = readFileSync(join(RULE_BASE, 'policies/integration-policy.mdx'), 'utf8');
const lines = (stdout: string) => stdout.split('\n').filter((l) => /^\s+\d+:\d+/.test(l)).map((l) => l.trim().replace(/\s+/g, ' '));

describe('ignores', () => {
  const config = 'ignores:\n  - docs/drafts/**\n';
  const draft = '---\ntitle: "TODO: a title"\n---\n\n## Draft\n\nTODO: write it.\n';
  const linking = POLICY.replace('Sets the rules every integration project follows.', 'Sets the rules every integration project follows; see [the draft](../docs/drafts/plan.mdx).');

  it('does not lint an ignored file, and links to it still resolve', async () => {
    const dir = repo(config, { 'docs/drafts/plan.mdx': draft, 'policies/integration-policy.mdx': linking });
    const r = await seam(['lint'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    // Without the ignore, the draft's prompts are findings: the file was checked before.
    writeFileSync(join(dir, 'seam.config.yaml'), 'content: content\ntoday: 2026-06-15\n');
    const unignored = await seam(['lint', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(unignored.stdout).findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`)).toContain('content/docs/drafts/plan.mdx unfinished');
  });

  it('says so when an ignored file is named on the command line, as ESLint does', async () => {
    const dir = repo(config, { 'docs/drafts/plan.mdx': draft });
    const r = await seam(['lint', 'content/docs/drafts/plan.mdx', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('seam: content/docs/drafts/plan.mdx: File ignored because of a matching ignore pattern ("ignores" in seam.config.yaml).\n');
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: [], files: [] });
  });
});

describe('overrides', () => {
  const other = POLICY.replace('title: Integration policy', 'title: Other policy');
  const stale = (text: string) => text.replace('reviewBy: 2027-01-10', 'reviewBy: 2026-01-31');

  it('apply in order after "rules": the last one that matches a file wins', async () => {
    const dir = repo(
      [
        'rules:',
        '  currency: error',
        'overrides:',
        '  - files: [policies/**]',
        '    rules: { currency: off }',
        '  - files: [policies/integration-*.mdx]',
        '    rules: { currency: warn }',
        '  - files: [organisations/beta.mdx]',
        '    rules:',
        '      required-sections: [error, { minWords: 50 }]',
        '',
      ].join('\n'),
      { 'policies/integration-policy.mdx': stale(POLICY), 'policies/other-policy.mdx': stale(other), 'systems/crm.mdx': readFileSync(join(RULE_BASE, 'systems/crm.mdx'), 'utf8') },
    );
    const r = await seam(['lint', '--format', 'json'], { cwd: dir });
    const found = JSON.parse(r.stdout).findings.map((f: { file: string; ruleId: string; severity: string }) => `${f.file} ${f.ruleId} ${f.severity}`);
    // currency: error everywhere, off for policies, then a warning again for integration-*.mdx.
    expect(found).toEqual([
      'content/organisations/beta.mdx required-sections error',
      'content/policies/integration-policy.mdx currency warning',
    ]);
  });

  it('report an unknown rule, a bad glob and bad options at their line and column', async () => {
    const unknown = repo('overrides:\n  - files: [docs/**]\n    rules:\n      no-such-rule: warn\n');
    const r = await seam(['lint'], { cwd: unknown });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^seam: seam\.config\.yaml:6:7: unknown rule "no-such-rule" in "overrides"\. Known rules: /);
    // The top-level "rules" are placed the same way.
    const top = await seam(['lint'], { cwd: repo('rules:\n  nope: off\n') });
    expect(top.stderr).toMatch(/^seam: seam\.config\.yaml:4:3: unknown rule "nope" in "rules"/);
    const glob = await seam(['lint'], { cwd: repo('overrides:\n  - files: [../outside/**]\n    rules: { currency: off }\n') });
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('seam.config.yaml:4:13: "overrides[0].files[0]": a glob names files inside the content root: no "." or ".." segments (got "../outside/**")');
    const absolute = await seam(['lint'], { cwd: repo('ignores: [/etc/**]\n') });
    expect(absolute.stderr).toContain('seam.config.yaml:3:11: "ignores[0]": a glob is relative to the content root, not an absolute path (got "/etc/**")');
    const options = await seam(['lint'], { cwd: repo('overrides:\n  - files: [docs/**]\n    rules:\n      required-sections: [error, { minWords: many }]\n') });
    expect(options.code).toBe(2);
    expect(options.stderr).toMatch(/seam\.config\.yaml:6:7: options for rule "required-sections": /);
  });
});

describe('declarative rules (customRules)', () => {
  const rule = [
    'customRules:',
    '  - id: system-basics',
    '    description: Systems name their tier and a support contact, and state their runbook.',
    '    message: Ask the platform team.',
    '    severity: warn',
    '    types: [systems]',
    '    files: [systems/ledger.mdx, systems/vault.mdx, systems/fine.mdx]',
    '    requiredFields: [support.contact, tier]',
    '    requiredSections: [Runbook]',
    '    allowedValues:',
    '      tier: [gold, silver]',
    '    patterns:',
    '      support.contact: \'^[a-z.]+@acme\\.example$\'',
    '      tags: \'^[a-z]+$\'',
    '',
  ].join('\n');
  const system = (frontmatter: string, body = '## Purpose\n\nHolds the accounts.\n\n## Runbook\n\nRestart it.\n') =>
    `---\ntitle: Ledger\nowner: acme\nkind: application\nlifecycle: live\n${frontmatter}---\n\n${body}`;

  it('reports each check at the field or heading, line 1 when what is required is missing', async () => {
    const dir = repo(`${rule}rules:\n  schema: off\n`, {
      'systems/ledger.mdx': system('tier: bronze\nsupport:\n  contact: Ops Team\ntags: [core, Legacy]\n'),
      'systems/vault.mdx': system('tier: "   "\n', '## Purpose\n\nHolds the secrets.\n'),
      'systems/fine.mdx': system('tier: gold\nsupport:\n  contact: ops@acme.example\ntags: [core]\n'),
    });
    const r = await seam(['lint'], { cwd: dir });
    expect(r.code).toBe(0);
    // (stylish drops a message's final full stop, as ESLint's does)
    const hint = ' Ask the platform team system-basics';
    expect(lines(r.stdout)).toEqual([
      `6:7 warning "tier" is "bronze"; allowed: "gold", "silver".${hint}`,
      `8:12 warning "support.contact" is "Ops Team", which does not match /^[a-z.]+@acme\\.example$/.${hint}`,
      `9:14 warning "tags" is "Legacy", which does not match /^[a-z]+$/.${hint}`,
      `1:1 warning The field "support.contact" is missing or empty.${hint}`,
      `1:1 warning The section "Runbook" is missing: add a heading "Runbook".${hint}`,
      `6:7 warning The field "tier" is missing or empty.${hint}`,
    ]);
  });

  it('checks only the files its globs match, and may claim criteria the catalogue defines', async () => {
    const dir = repo(`${rule.replace('    files: [systems/ledger.mdx, systems/vault.mdx, systems/fine.mdx]\n', '    files: [systems/l*.mdx]\n    criteria: [P8]\n')}rules:\n  schema: off\n`, {
      'systems/ledger.mdx': system('tier: bronze\nsupport:\n  contact: ops@acme.example\n'),
      'systems/vault.mdx': system('tier: bronze\n'),
    });
    const r = await seam(['lint', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).findings.map((f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`)).toEqual(['content/systems/ledger.mdx:6:7']);
    const described = JSON.parse((await seam(['rules', '--format', 'json'], { cwd: dir })).stdout).find((d: { id: string }) => d.id === 'system-basics');
    expect(described).toMatchObject({ criteria: ['eskitp5045:P8'], severity: 'warning', description: 'Systems name their tier and a support contact, and state their runbook.' });
  });

  it('refuses a clashing id, an unknown criterion and a pattern that can backtrack without bound, at their place', async () => {
    const clash = await seam(['lint'], { cwd: repo(rule.replace('id: system-basics', 'id: links')) });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('seam.config.yaml:4:5: the custom rule id "links" is already a built-in rule\'s: choose another.');
    const criteria = await seam(['lint'], { cwd: repo(rule.replace('    types: [systems]\n', '    types: [systems]\n    criteria: [Z99]\n')) });
    expect(criteria.stderr).toMatch(/seam\.config\.yaml:9:5: rule "system-basics" claims "Z99", which no criteria catalogue in standards\/ defines\./);
    const unsafe = await seam(['lint'], { cwd: repo(rule.replace("'^[a-z]+$'", () => "'^(a+)+$'")) });
    expect(unsafe.code).toBe(2);
    expect(unsafe.stderr).toContain('seam.config.yaml:16:13: "customRules[0].patterns.tags": pattern "^(a+)+$": a group repeated without bound may not hold a quantifier or an alternation');
    const nothing = await seam(['lint'], { cwd: repo('customRules:\n  - id: empty\n    description: Checks nothing.\n    types: [systems]\n') });
    expect(nothing.stderr).toContain('seam.config.yaml:4:5: "customRules[0]": a custom rule checks something');
  });

  it('caps the text a pattern is tested against', async () => {
    const dir = repo(`${rule}rules:\n  schema: off\n`, { 'systems/ledger.mdx': system(`tier: gold\nsupport:\n  contact: ${'a'.repeat(1001)}@acme.example\n`) });
    const r = await seam(['lint'], { cwd: dir });
    expect(lines(r.stdout)).toEqual([`8:12 warning "support.contact" is longer than 1000 characters, too long to check against /^[a-z.]+@acme\\.example$/. Ask the platform team system-basics`]);
  });
});

// A plugin in a repository outside this one imports the rule kit and zod by their file addresses
// (a user's plugin would import them from the installed package).
const KIT = pathToFileURL(join(REPO, 'src/rule-kit/rule.ts')).href;
const ZOD = import.meta.resolve('zod');
const plugin = (id: string, message = 'is not an owner: name the organisation that owns the system') => `import { z } from '${ZOD}';
import { defineRule } from '${KIT}';

export default defineRule({
  meta: {
    id: '${id}', description: 'A system names a real owner, not a placeholder.', appliesTo: ['systems'], readsAcross: [],
    criteria: [], severity: 'error', fixable: false, options: z.strictObject({}), docs: 'Owners are organisations.',
    examples: { valid: [{ title: 'the base', files: {} }], invalid: [] },
  },
  check({ record, report }) {
    if (record.data.owner === 'tbd') report({ message: '"tbd" ${message}.', at: { path: ['owner'] } });
  },
});
`;
const TBD = '---\ntitle: Ledger\nowner: tbd\nkind: application\nlifecycle: live\n---\n\n## Purpose\n\nHolds the accounts.\n';

describe('local rule plugins', () => {
  const pluginRepo = (extra = '') => repo(`plugins:\n  - seam-rules/no-tbd-owner.ts\n${extra}`, { 'systems/ledger.mdx': TBD }, { 'seam-rules/no-tbd-owner.ts': plugin('no-tbd-owner') });

  // Each run is a child process that loads the engine: slow on a busy machine.
  const SLOW = { timeout: 600_000 };

  it('shows a plugin\'s findings in seam lint, names the plugin, and gives the same findings on workers and from the cache', SLOW, () => {
    const dir = pluginRepo();
    const r = seamProcess(['lint'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('seam: loaded plugin seam-rules/no-tbd-owner.ts (rule: no-tbd-owner)\n');
    expect(lines(r.stdout)).toContain('3:8 error "tbd" is not an owner: name the organisation that owns the system no-tbd-owner');
    const json = seamProcess(['lint', '--format', 'json', '--workers', '1'], { cwd: dir });
    expect(JSON.parse(json.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'no-tbd-owner')).toMatchObject([{ file: 'content/systems/ledger.mdx', line: 3, column: 8 }]);
    const sarif = JSON.parse(seamProcess(['lint', '--format', 'sarif'], { cwd: dir }).stdout);
    expect(sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'no-tbd-owner')).toMatchObject({ shortDescription: { text: 'A system names a real owner, not a placeholder.' } });
    expect(sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'no-tbd-owner')).toHaveLength(1);
    for (const flags of [['--workers', '2'], ['--cache'], ['--cache']]) {
      const other = seamProcess(['lint', '--format', 'json', ...flags], { cwd: dir });
      expect(other.stdout, flags.join(' ')).toBe(json.stdout);
    }
    expect(seamProcess(['lint', '--quiet'], { cwd: dir }).stderr).toBe('');
  });

  it('checks again from the cache when the plugin file changes', SLOW, () => {
    const dir = pluginRepo();
    const first = seamProcess(['lint', '--format', 'json', '--cache'], { cwd: dir });
    expect(first.stdout).toContain('is not an owner');
    writeFileSync(join(dir, 'seam-rules/no-tbd-owner.ts'), plugin('no-tbd-owner', 'is a placeholder'));
    const second = seamProcess(['lint', '--format', 'json', '--cache'], { cwd: dir });
    expect(second.stderr).toContain('ignoring the lint cache');
    expect(second.stdout).toContain('\\"tbd\\" is a placeholder.');
    expect(second.stdout).not.toContain('is not an owner');
  });

  it('reports its findings through the remark preset (remark-cli with the repository\'s .remarkrc.mjs)', SLOW, () => {
    const dir = pluginRepo();
    const rc = readFileSync(join(REPO, '.remarkrc.mjs'), 'utf8').replace('./src/lint/remark-preset.ts', pathToFileURL(join(REPO, 'src/lint/remark-preset.ts')).href);
    writeFileSync(join(dir, '.remarkrc.mjs'), rc);
    const r = spawnSync(process.execPath, [join(REPO, 'node_modules/remark-cli/cli.js'), '--no-stdout', 'content/systems/ledger.mdx'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(r.stderr.replace(/\u001b\[\d+m/g, '')).toMatch(/3:8(-3:\d+)?\s+error\s+"tbd" is not an owner: name the organisation that owns the system\.\s+no-tbd-owner\s+seam/);
    expect(r.status).toBe(1);
  });

  it('refuses a broken plugin with its path and one line of why (exit 2, no stack trace)', SLOW, () => {
    const cases: [string, string, RegExp][] = [
      ['syntax error', 'export default {', /plugin seam-rules\/no-tbd-owner\.ts: cannot be loaded: SyntaxError: .+/],
      ['throws on import', 'throw new Error("no database");\nexport default 1;', /plugin seam-rules\/no-tbd-owner\.ts: cannot be loaded: Error: no database\./],
      ['no default export', 'export const rule = 1;', /plugin seam-rules\/no-tbd-owner\.ts: has no default export: export default a rule/],
      ['not a rule', 'export default { meta: { id: "x" } };', /plugin seam-rules\/no-tbd-owner\.ts: exports something that is not a rule: it has no `check` function\./],
      ['an id clash', plugin('links'), /plugin seam-rules\/no-tbd-owner\.ts: its rule id "links" is already a built-in rule's: choose another\./],
    ];
    for (const [name, text, message] of cases) {
      const dir = repo('plugins:\n  - seam-rules/no-tbd-owner.ts\n', {}, { 'seam-rules/no-tbd-owner.ts': text });
      const r = seamProcess(['lint'], { cwd: dir });
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(new RegExp(`^seam: seam\\.config\\.yaml:4:5: ${message.source}`));
      expect(r.stderr.trimEnd().split('\n'), name).toHaveLength(1);
      expect(r.stderr, name).not.toMatch(/\n\s+at /);
    }
  });

  it('loads only from outside the content root, and a missing plugin is an error at its place', async () => {
    const inside = repo('plugins:\n  - content/rules/sneaky.ts\n', { 'rules/sneaky.ts': plugin('sneaky') });
    const r = await seam(['lint'], { cwd: inside });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('seam: seam.config.yaml:4:5: plugin content/rules/sneaky.ts: it is inside the content root (content/). Plugins are code: they load only from outside the content, where content contributors cannot add one. Move it, for example to seam-rules/.\n');
    const missing = await seam(['lint'], { cwd: repo('plugins:\n  - seam-rules/none.ts\n') });
    expect(missing.stderr).toBe('seam: seam.config.yaml:4:5: plugin seam-rules/none.ts: no such file.\n');
  });
});
