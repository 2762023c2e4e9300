// secrets: no credentials, tokens or private keys in content. Records arrive through pull requests from
// other organisations and are published and indexed; a key pasted into one is leaked to every reader.
// The scanning is secretlint's (its maintained recommended preset), run once per run over the whole
// text of every content file; findings are Seam's own and never print the secret.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { SecretLintCoreConfig, SecretLintCoreResultMessage, SecretLintRuleCreator } from '@secretlint/types';
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import type { RecordGraph } from '../src/model/graph.ts';
import { readSource } from '../src/model/source.ts';
import type { SourceFile } from '../src/model/source.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { charterWithDiagram } from './examples/charter.ts';
import { FAKE_AWS_ACCESS_KEY_ID, FAKE_AWS_SECRET_ACCESS_KEY, FAKE_GITHUB_TOKEN, FAKE_PRIVATE_KEY, FAKE_SLACK_TOKEN } from './examples/fake-secrets.ts';

/** One secret found in a file's text. */
interface FoundSecret {
  /** Offsets of the secret in the text. */
  start: number;
  end: number;
  /** What it is, as a sentence starts: "A GitHub token". */
  kind: string;
  length: number;
  /**
   * The first four characters of a secret of 16 or more that starts with four letters, digits or `_`
   * (enough to tell a `ghp_` token from an `xoxb-` one and to find it, far too few to use it), or ''.
   */
  prefix: string;
  /** `sha256:` and the hex SHA-256 of the secret's text: what `secrets.allow` lists. */
  fingerprint: string;
}

// The recommended preset's scanners, registered one by one rather than as the preset: secretlint 13
// ignores `disabled` for a rule inside a preset, and its comment filter must not run here, or a
// `secretlint-disable` comment in content would hide a secret.
const COMMENT_FILTER = '@secretlint/secretlint-rule-filter-comments';
function scannerConfig(recommendedRules: SecretLintRuleCreator[]): SecretLintCoreConfig {
  return {
    rules: recommendedRules
      .filter((rule) => rule.meta.id !== COMMENT_FILTER)
      .map((rule) =>
        rule.meta.id === '@secretlint/secretlint-rule-aws'
          // Access key ids too, not only secret keys: an id next to its secret is half a credential.
          // AWS account ids are not secret (AWS says so), and "account: 1234-5678-9012" is common prose.
          ? { id: rule.meta.id, rule, options: { enableIDScanRule: true }, allowMessageIds: ['AWSAccountID'] }
          : { id: rule.meta.id, rule },
      ),
  };
}

// secretlint (some 140 modules) is loaded when a file is first scanned, not when Seam starts: a warm
// run whose files all come from the lint cache scans nothing.
let loadingScanner: Promise<(text: string, file: string) => Promise<SecretLintCoreResultMessage[]>> | undefined;

async function loadScanner(): Promise<(text: string, file: string) => Promise<SecretLintCoreResultMessage[]>> {
  const [{ lintSource }, { secretLintProfiler }, { rules: recommendedRules }] = await Promise.all([
    import('@secretlint/core'), import('@secretlint/profiler'), import('@secretlint/secretlint-rule-preset-recommend'),
  ]);
  // secretlint profiles every rule on every file unless told not to: a performance mark per rule and file,
  // and an observer that keeps every entry for the whole process. Seam never reads that profile, which
  // cost a few percent of a lint run and memory growing with the number of files.
  secretLintProfiler.setEnabled(false);
  const config = scannerConfig(recommendedRules as SecretLintRuleCreator[]);
  return async (text, file) => (await lintSource({
    source: { content: text, filePath: file, ext: file.slice(file.lastIndexOf('.')), contentType: 'text' },
    options: { config, noPhysicFilePath: true },
  })).messages;
}

const KINDS: Record<string, string> = {
  AWSAccessKeyID: 'An AWS access key id',
  AWSSecretAccessKey: 'An AWS secret access key',
  GITHUB_TOKEN: 'A GitHub token',
  GITLAB_PERSONAL_ACCESS_TOKEN: 'A GitLab token',
  SLACK_TOKEN: 'A Slack token',
  IncomingWebhook: 'A Slack incoming-webhook address',
  PrivateKey: 'A private key',
  PrivateKeyJSON: 'A Google Cloud service-account key',
  BasicAuth: 'A password in an address',
  MongoDBConnection: 'A database connection string with a password',
  MySQLConnection: 'A database connection string with a password',
  PostgreSQLConnection: 'A database connection string with a password',
  NPM_ACCESS_TOKEN: 'An npm token',
  OPENAI_TOKEN: 'An OpenAI API key',
  ANTHROPIC_API_KEY: 'An Anthropic API key',
  SENDGRID_KEY: 'A SendGrid API key',
};

function kindOf(message: SecretLintCoreResultMessage): string {
  if (KINDS[message.messageId]) return KINDS[message.messageId];
  if (/^STRIPE_/.test(message.messageId)) return 'A Stripe key';
  return `A ${message.ruleId.replace(/^@secretlint\/secretlint-rule-/, '')} credential`;
}

export function fingerprintOf(secret: string): string {
  return `sha256:${createHash('sha256').update(secret, 'utf8').digest('hex')}`;
}

/**
 * Where the secret itself is. secretlint's range is not always the secret's (for an AWS secret key it
 * starts at the key name and has the secret's length), but the values it quotes are the secret: find
 * the one that starts in the range or shortly after it (a long `key   =   "…"` separator).
 */
function secretSpan(text: string, message: SecretLintCoreResultMessage): [number, number] {
  const [from, to] = message.range;
  const quoted = Object.values(message.data ?? {}).filter((v): v is string => typeof v === 'string' && v.length > 0);
  for (const value of quoted.sort((a, b) => b.length - a.length)) {
    const at = text.indexOf(value, from);
    if (at >= 0 && at <= Math.max(to, from + MAX_SEPARATOR)) return [at, at + value.length];
  }
  return [from, to];
}
const MAX_SEPARATOR = 200;

async function scan(text: string, file: string): Promise<FoundSecret[]> {
  if (!text) return [];
  const messages = await (await (loadingScanner ??= loadScanner()))(text, file);
  return messages.map((message) => {
    const [start, end] = secretSpan(text, message);
    const secret = text.slice(start, end);
    const prefix = secret.length >= 16 && /^[A-Za-z0-9_]{4}/.test(secret) ? secret.slice(0, 4) : '';
    return { start, end, kind: kindOf(message), length: secret.length, prefix, fingerprint: fingerprintOf(secret) };
  });
}

// Results per source text: unchanged files are not scanned again (an editor lints on every keystroke).
// Bounded, oldest first out; never smaller than twice the last graph, so overlapping runs keep theirs.
const scanned = new Map<string, FoundSecret[]>();
const MIN_CACHED_TEXTS = 10_000;

async function prepareSecrets(graph: RecordGraph, files: readonly string[] = graph.files): Promise<void> {
  for (const file of files) {
    let source: SourceFile;
    try {
      source = graph.byFile.get(file)?.source ?? readSource(resolve(graph.root, file), file);
    } catch {
      continue; // gone since it was listed; the engine reports it when it reads it
    }
    const found = scanned.get(source.text) ?? (await scan(source.text, file));
    scanned.delete(source.text);
    scanned.set(source.text, found);
  }
  const limit = Math.max(MIN_CACHED_TEXTS, 2 * graph.files.length);
  for (const text of scanned.keys()) {
    if (scanned.size <= limit) break;
    scanned.delete(text);
  }
}

/** Which part of the file an offset is in, as the message says it. */
function partAt(source: SourceFile, offset: number, diagrams: [number, number][]): string {
  if (/\.ya?ml$/i.test(source.file)) return 'in the catalogue';
  if (source.hasFrontmatter && offset < source.bodyOffset) return 'in the frontmatter';
  if (diagrams.some(([start, end]) => offset >= start && offset < end)) return 'in a Mermaid diagram';
  return 'in the body';
}

export default defineRule({
  meta: {
    id: 'secrets',
    description: 'No credentials, tokens or private keys in content.',
    appliesTo: '*',
    readsAcross: [],
    criteria: ['K28.1', 'K28.2'],
    severity: 'error',
    fixable: false,
    inlineDisable: false,
    options: z.strictObject({}),
    docs: `Records are published on the site and in its search index, and they come from other organisations
through pull requests: an access key, a token or a private key pasted into one is leaked to every
reader, and stays in the Git history after it is deleted. This rule scans the whole text of every
content file (frontmatter, body, Mermaid diagrams, YAML catalogues) with the scanners of
[secretlint](https://github.com/secretlint/secretlint)'s recommended preset. The examples below show AWS
access key ids and secret access keys, GitHub and Slack tokens and PEM private keys; the preset looks
for more (its README lists them). AWS account ids are not reported: they are not secret.

A finding names the kind of secret and where it is, but never prints it: at most its first four
characters (\`ghp_…\`) and its length. **Fix:** remove the secret, then revoke or rotate the credential
where it was issued — it has been exposed — and refer to where credentials are kept instead.

A documented sample that grants nothing can be allowed by a maintainer, only in seam.config.yaml and
only by fingerprint (the SHA-256 of its exact text, which the finding prints):
\`secrets: { allow: ["sha256:…"] }\`. Inline \`seam-disable\` comments (and secretlint's own
\`secretlint-disable\` comments) do not silence this rule, and the site build runs it whatever its
severity in seam.config.yaml: content cannot switch it off.`,
    examples: {
      valid: [
        {
          title: 'where credentials are kept, not the credentials; an AWS account id',
          files: { 'systems/billing.mdx': '---\ntitle: Beta Billing\nowner: beta\nkind: application\nlifecycle: retiring\n---\n\n## Purpose\n\nInvoices Beta\'s customers. The integration user\'s AWS access key is in the Acme vault under `billing/export`; rotate it every 90 days. It runs in Beta\'s AWS account, `aws_account_id: 123456789012`.\n' },
        },
      ],
      invalid: [
        {
          title: 'an AWS key pair in the frontmatter, a GitHub token and a private key in the body',
          criteria: ['K28.1', 'K28.2'],
          files: {
            'systems/billing.mdx': `---
title: Beta Billing
owner: beta
kind: application
lifecycle: retiring
aws_access_key_id: ${FAKE_AWS_ACCESS_KEY_ID} # ^ secrets:20 An AWS access key id in the frontmatter would be published ("AKIA…", 20 characters). Remove it, then revoke or rotate the credential: it has been exposed. If it is a documented sample that grants nothing, a maintainer can allow exactly it in seam.config.yaml: secrets: { allow: ["sha256:d12103dc918a3ccf3b56944a66b43b5b48a6e9132b421c41b2dd1ff6c217b9d5"] }.
aws_secret_access_key: ${FAKE_AWS_SECRET_ACCESS_KEY} # ^ secrets:24 An AWS secret access key in the frontmatter would be published ("seam…", 40 characters). Remove it, then revoke or rotate the credential: it has been exposed. If it is a documented sample that grants nothing, a maintainer can allow exactly it in seam.config.yaml: secrets: { allow: ["sha256:24fcae1bf3b2f8c9b8b58fabbc53b28705081330b0336ad3b98659e80761513d"] }.
---

## Purpose

Invoices Beta's customers. Export with \`${FAKE_GITHUB_TOKEN}\` and this key: {/* ^ secrets:41 A GitHub token in the body would be published ("ghp_…", 40 characters). Remove it, then revoke or rotate the credential: it has been exposed. If it is a documented sample that grants nothing, a maintainer can allow exactly it in seam.config.yaml: secrets: { allow: ["sha256:e1c1f14a474ff1418fd1616245852b34caf141d50c80124a36e14efff16a5af3"] }. */}

\`\`\`
${FAKE_PRIVATE_KEY}
\`\`\`
`,
          },
          expect: [
            { file: 'systems/billing.mdx', line: 15, column: 1, message: 'A private key in the body would be published (279 characters). Remove it, then revoke or rotate the credential: it has been exposed. If it is a documented sample that grants nothing, a maintainer can allow exactly it in seam.config.yaml: secrets: { allow: ["sha256:db2aaa86f0ac60c1874a8dc5eaffcc94dea392c48c605d1baca366a6ca3ee3a8"] }.' },
          ],
        },
        {
          title: 'a Slack token in a Mermaid diagram',
          criteria: ['K28.1'],
          files: { 'projects/alpha/index.mdx': charterWithDiagram(`flowchart LR
  crm[Acme CRM] -- "alerts via ${FAKE_SLACK_TOKEN}" --> billing[Beta Billing] %% ^ secrets:32 A Slack token in a Mermaid diagram would be published ("xoxb…", 55 characters). Remove it, then revoke or rotate the credential: it has been exposed. If it is a documented sample that grants nothing, a maintainer can allow exactly it in seam.config.yaml: secrets: { allow: ["sha256:a6df9514517a828ba160d785e3102559ae727c6ca009df60c37a6f3fbe193311"] }.`) },
        },
        {
          title: 'a token in a YAML catalogue, under a disable comment that does not apply',
          criteria: ['K28.1'],
          files: {
            'standards/partner-api.yaml': `title: Partner API standard\ncode: ACME-API\npublisher: Acme Group\nversion: "1"\napproved: 2026-01\nreviewBy: 2099-12\nclassification: public\n# seam-disable-next-line secrets\noverview: Partners call the API with the token ${FAKE_SLACK_TOKEN}. # ^ secrets:48 A Slack token in the catalogue would be published ("xoxb…", 55 characters). Remove it, then revoke or rotate the credential: it has been exposed. If it is a documented sample that grants nothing, a maintainer can allow exactly it in seam.config.yaml: secrets: { allow: ["sha256:a6df9514517a828ba160d785e3102559ae727c6ca009df60c37a6f3fbe193311"] }.\ngroups:\n  - id: connect\n    title: Connect to the partner API\ncriteria:\n  - id: API1\n    kind: performance\n    group: connect\n    text: Call the partner API only with a token issued to your organisation\n`,
          },
        },
      ],
    },
  },
  prepare: prepareSecrets,
  check({ source, tree, config, report }) {
    const found = scanned.get(source.text);
    // Never pass silently: a file the scan did not see is an error, not a clean file.
    if (!found) throw new Error(`${source.file} was not scanned for secrets before it was checked`);
    const allowed = new Set(config.secrets.allow);
    const diagrams: [number, number][] = [];
    if (tree) {
      visit(tree, 'code', (node: Code) => {
        if (node.lang?.toLowerCase() === 'mermaid' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
          diagrams.push([node.position.start.offset, node.position.end.offset]);
        }
      });
    }
    for (const secret of found) {
      if (allowed.has(secret.fingerprint)) continue;
      const shown = secret.prefix ? `"${secret.prefix}…", ${secret.length} characters` : `${secret.length} characters`;
      report({
        message: `${secret.kind} ${partAt(source, secret.start, diagrams)} would be published (${shown}). Remove it, then revoke or rotate the credential: it has been exposed. If it is a documented sample that grants nothing, a maintainer can allow exactly it in seam.config.yaml: secrets: { allow: ["${secret.fingerprint}"] }.`,
        at: { node: { position: { start: source.positionAt(secret.start), end: source.positionAt(secret.end) } } },
      });
    }
  },
});
