// The `secrets` rule beyond its examples: only a fingerprint in seam.config.yaml allows a secret, no
// comment in content silences one, and no output format of `seam lint` ever prints one.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, resolveRuleSettings } from '../../src/lint/engine.ts';
import { configSchema } from '../../src/model/config.ts';
import { rules } from '../../rules/index.ts';
import secrets, { fingerprintOf } from '../../rules/secrets.ts';
import { BASE_CHARTER, charterWithDiagram } from '../../rules/examples/charter.ts';
import { FAKE_AWS_ACCESS_KEY_ID, FAKE_AWS_SECRET_ACCESS_KEY, FAKE_GITHUB_TOKEN, FAKE_PRIVATE_KEY, FAKE_SLACK_TOKEN } from '../../rules/examples/fake-secrets.ts';
import { seam } from '../helpers/cli.ts';
import { ruleContentFolders } from '../helpers/content.ts';

const temp = ruleContentFolders();

const BILLING = 'systems/billing.mdx';
const billing = (body: string, frontmatter = '') => `---\ntitle: Beta Billing\nowner: beta\nkind: application\nlifecycle: retiring\n${frontmatter}---\n\n## Purpose\n\n${body}\n`;

/** The `secrets` findings (only that rule on) for a content root, as `line:column message`. */
async function secretFindings(root: string, configInput: Record<string, unknown> = {}) {
  const config = configSchema.parse(configInput);
  const { settings } = resolveRuleSettings(rules, config);
  const only = settings.map((s) => (s.rule === secrets ? s : { ...s, severity: 'off' as const }));
  const { result } = await lint({ root, cwd: root, config, today: '2026-06-15', settings: only });
  return result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message.slice(0, f.message.indexOf(' would be published'))}`);
}

describe('secrets', () => {
  it('leaves no profile behind: secretlint marks nothing in the process\'s performance timeline', async () => {
    const root = temp({ [BILLING]: billing(`A sample token: ${FAKE_GITHUB_TOKEN}.`) });
    performance.clearMarks();
    expect(await secretFindings(root)).toEqual([`${BILLING}:10:17 A GitHub token in the body`]);
    expect(performance.getEntriesByType('mark').map((m) => m.name)).toEqual([]);
  });

  it('lets through exactly the secret whose fingerprint is on the allow-list, nothing else', async () => {
    // The same kind of token, one character apart: allowing one does not allow the other.
    const other = `${FAKE_GITHUB_TOKEN.slice(0, -1)}1`;
    const root = temp({ [BILLING]: billing(`A sample token: ${FAKE_GITHUB_TOKEN}.\n\nAnother: ${other}.\n\nAnd ${FAKE_SLACK_TOKEN}.`) });
    const all = [`${BILLING}:10:17 A GitHub token in the body`, `${BILLING}:12:10 A GitHub token in the body`, `${BILLING}:14:5 A Slack token in the body`];
    expect(await secretFindings(root)).toEqual(all);
    expect(await secretFindings(root, { secrets: { allow: [fingerprintOf(FAKE_GITHUB_TOKEN)] } })).toEqual([all[1], all[2]]);
    // The finding prints the fingerprint to copy, and the config refuses anything else as an entry.
    expect(fingerprintOf(FAKE_GITHUB_TOKEN)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(configSchema.safeParse({ secrets: { allow: ['ghp_*'] } }).success).toBe(false);
  });

  it('is not silenced by any disable comment in content, Seam\'s or secretlint\'s', async () => {
    const root = temp({
      [BILLING]: billing(
        `{/* seam-disable */}\n{/* seam-disable-next-line secrets */}\n{/* secretlint-disable */}\nToken ${FAKE_SLACK_TOKEN} {/* secretlint-disable-line */}`,
        `# seam-disable-next-line secrets\n# secretlint-disable-next-line\naws_access_key_id: ${FAKE_AWS_ACCESS_KEY_ID}  # seam-disable-line\n`,
      ),
      'docs/keys.md': `---\ntitle: Keys\n---\n\n<!-- seam-disable secrets -->\n<!-- secretlint-disable -->\n${FAKE_GITHUB_TOKEN}\n`,
    });
    expect(await secretFindings(root)).toEqual([
      'docs/keys.md:7:1 A GitHub token in the body',
      `${BILLING}:8:20 An AWS access key id in the frontmatter`,
      `${BILLING}:16:7 A Slack token in the body`,
    ]);
  });

  it('never prints a secret in any output format of seam lint', async () => {
    const root = temp({
      [BILLING]: billing(`Export with \`${FAKE_GITHUB_TOKEN}\` and this key:\n\n\`\`\`\n${FAKE_PRIVATE_KEY}\n\`\`\``, `aws_access_key_id: ${FAKE_AWS_ACCESS_KEY_ID}\naws_secret_access_key: ${FAKE_AWS_SECRET_ACCESS_KEY}\n`),
      'projects/alpha/index.mdx': charterWithDiagram(`flowchart LR\n  crm[Acme CRM] -- "alerts via ${FAKE_SLACK_TOKEN}" --> billing[Beta Billing]`),
      'docs/keys.md': `---\ntitle: Keys\n---\n\nThe bot posts as ${FAKE_SLACK_TOKEN}.\n`,
    });
    expect(BASE_CHARTER).toContain('```mermaid');
    const summary = join(root, 'summary.md');
    writeFileSync(summary, '');
    const outputs: string[] = [];
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = await seam(['lint', '--content', root, '--today', '2026-06-15', '--format', format], { cwd: root, env: { GITHUB_STEP_SUMMARY: summary } });
      expect(r.code, format).toBe(1);
      expect(r.stdout, format).toContain('secrets');
      outputs.push(r.stdout, r.stderr);
    }
    outputs.push(readFileSync(summary, 'utf8'));
    const everything = outputs.join('\n');
    // Each kind is reported …
    for (const kind of ['An AWS access key id', 'An AWS secret access key', 'A GitHub token', 'A private key', 'A Slack token in a Mermaid diagram']) expect(everything).toContain(kind);
    // … and no twelve characters of any secret past its first four appear anywhere.
    for (const secret of [FAKE_AWS_ACCESS_KEY_ID, FAKE_AWS_SECRET_ACCESS_KEY, FAKE_GITHUB_TOKEN, FAKE_SLACK_TOKEN, FAKE_PRIVATE_KEY]) {
      for (let i = 4; i + 12 <= secret.length; i++) expect(everything).not.toContain(secret.slice(i, i + 12));
    }
  });
});
