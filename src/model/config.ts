// Seam's configuration: `seam.config.yaml` at the repository root (YAML, never code: content and config
// arrive through pull requests from other organisations). Every setting has a default; the CLI flags
// and environment variables named below override the file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { positionsIn } from './position.ts';
import { id, isoDate } from './schemas.ts';
import type { Problem } from './problem.ts';
import { zodIssueMessage } from './zod-messages.ts';

export const CONFIG_FILE = 'seam.config.yaml';

/** A `secrets.allow` entry: `sha256:` and the hex SHA-256 of a secret's exact text. */
export const SECRET_FINGERPRINT = /^sha256:[0-9a-f]{64}$/;

const severitySetting = z.enum(['off', 'warn', 'warning', 'error']);

export const configSchema = z.strictObject({
  content: z.string().default('content').describe('The content root, relative to this file. Overridden by `--content DIR` and `SEAM_CONTENT`.'),
  today: isoDate.optional().describe('The reference date every date rule compares with. Overridden by `--today` and `SEAM_TODAY`; defaults to the system clock. Pin it in example or archived content so it stays clean as the calendar moves.'),
  rules: z
    .record(
      z.string(),
      z.union([severitySetting, z.tuple([severitySetting]), z.tuple([severitySetting, z.record(z.string(), z.unknown())])]),
    )
    .default({})
    .describe('Per-rule severity (`off`, `warn`, `error`) or `[severity, options]`, keyed by rule id.'),
  standards: z
    .strictObject({
      primary: id
        .optional()
        .describe('The id of the primary standard (its catalogue is content/standards/<id>.yaml): what an unqualified criterion id such as `P5` means everywhere — records, evidence claims, policies, coverage maps aside (their ids are their own standard\'s). A criterion of any other standard is written with its standard, `sp800-53-low:ac-2`. Defaults to the only catalogue; with several catalogues and none named here, an unqualified id means none of them and is reported.'),
    })
    .prefault({})
    .describe('The criteria catalogues the organisation adopts (src/model/criterion-ids.ts).'),
  components: z.array(z.string()).default([]).describe('MDX components authors may use (the `mdx-safety` allow-list).'),
  secrets: z
    .strictObject({
      allow: z
        .array(z.string().regex(SECRET_FINGERPRINT, { error: 'a fingerprint is "sha256:" and 64 lower-case hex digits, copied from the `secrets` finding' }))
        .default([])
        .describe('Fingerprints of documented sample credentials that grant nothing, which the `secrets` rule lets through: `sha256:` and the SHA-256 of the exact secret text in hex, as the rule\'s finding prints it. Only this exact text is allowed; a comment in content never is.'),
    })
    .prefault({})
    .describe('The `secrets` rule (no credentials, tokens or private keys in content).'),
  site: z
    .strictObject({
      url: z.string().optional().describe('The published site\'s address, for the sitemap and canonical links.'),
      repository: z
        .url({ protocol: /^https?$/, error: 'site.repository is the repository\'s web address, e.g. https://github.com/org/repo' })
        .optional()
        .describe('The repository\'s web address, e.g. https://github.com/org/repo: page histories link each commit to `<repository>/commit/<hash>`, and "edit this page" links to `<repository>/edit/<branch>/<file>` unless `editUrl` says otherwise.'),
      branch: z.string().optional().describe('The branch "edit this page" proposes changes against (with `repository`); default `main`.'),
      editUrl: z.string().optional().describe('Base address for "edit this page" links, e.g. https://github.com/org/repo/edit/main/; overrides the one derived from `repository`.'),
      audience: z.enum(['public', 'internal', 'confidential']).optional().describe('Default audience of site builds; `SEAM_AUDIENCE` overrides.'),
    })
    .default({}),
  links: z
    .strictObject({
      cacheMaxAgeDays: z.number().nonnegative().default(7).describe('How long `seam links --external` trusts a result in .seam-cache/links.json before checking the address again (0: always check).'),
      timeoutMs: z.number().int().positive().default(10_000).describe('How long one request may take.'),
      retries: z.number().int().nonnegative().default(2).describe('Extra attempts after a timeout, a network error, 429 or a 5xx answer.'),
      backoffMs: z.number().int().nonnegative().default(500).describe('The wait before the first retry; it doubles for each further one.'),
      concurrency: z.number().int().positive().default(8).describe('Requests in flight at once; `--concurrency` overrides.'),
      ignore: z.array(z.string()).default([]).describe('Address prefixes never checked (intranets, example domains).'),
      allowPrivate: z.array(z.string()).default([]).describe('Hosts (`intranet.corp`), addresses or networks (`10.20.0.0/16`) that may be checked although they are private or local. Everything else private, local, link-local or cloud-metadata is never requested, whatever content links to.'),
    })
    .prefault({})
    .describe('External link checking (`seam links --external`).'),
});

export type SeamConfig = z.output<typeof configSchema>;

export interface LoadedConfig {
  config: SeamConfig;
  /** The directory holding the config file (or the working directory when there is none). */
  baseDir: string;
  /** The config file's path, when one was found. */
  file?: string;
  problems: Problem[];
}

/** Looks for `seam.config.yaml` from `cwd` upwards and reads it; problems are values, never thrown. */
export function loadConfig(cwd: string = process.cwd(), explicitFile?: string): LoadedConfig {
  const file = explicitFile ? resolve(cwd, explicitFile) : findUp(cwd, CONFIG_FILE);
  if (!file) return { config: configSchema.parse({}), baseDir: resolve(cwd), problems: [] };
  const baseDir = dirname(file);
  const display = file;
  if (!existsSync(file)) {
    return { config: configSchema.parse({}), baseDir, file, problems: [{ file: display, line: 1, column: 1, code: 'config', message: `Config file not found: ${file}` }] };
  }
  const text = readFileSync(file, 'utf8');
  const positionAt = positionsIn(text);
  const doc = parseDocument(text, { prettyErrors: false });
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    problems.push({ file: display, ...positionAt(error.pos[0]), code: 'config', message: `Broken YAML in the config: ${error.message.split('\n')[0]}` });
  }
  if (problems.length) return { config: configSchema.parse({}), baseDir, file, problems };
  const parsed = configSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number] } | undefined;
      problems.push({ file: display, ...positionAt(node?.range?.[0] ?? 0), code: 'config', message: zodIssueMessage(issue) });
    }
    return { config: configSchema.parse({}), baseDir, file, problems };
  }
  return { config: parsed.data, baseDir, file, problems };
}

function findUp(from: string, name: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
