// Seam's configuration: `seam.config.yaml` at the repository root (YAML, never code: content and config
// arrive through pull requests from other organisations). Every setting has a default; the CLI flags
// and environment variables named below override the file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { positionsIn } from './position.ts';
import { BASE_PATTERN, baseProblem } from './site-address.ts';
import { recordTypeNames } from './record-types.ts';
import { unsafePattern } from './safe-pattern.ts';
import { id, isoDate } from './schemas.ts';
import type { Position, Problem } from './problem.ts';
import { zodIssueMessage } from './zod-messages.ts';

export const CONFIG_FILE = 'seam.config.yaml';

/** A `secrets.allow` entry: `sha256:` and the hex SHA-256 of a secret's exact text. */
export const SECRET_FINGERPRINT = /^sha256:[0-9a-f]{64}$/;

const severitySetting = z.enum(['off', 'warn', 'warning', 'error']);

const ruleSettings = z.record(
  z.string(),
  z.union([severitySetting, z.tuple([severitySetting]), z.tuple([severitySetting, z.record(z.string(), z.unknown())])]),
);

/** Why `glob` is no content-relative glob, or undefined when it is one. */
function badGlob(glob: string): string | undefined {
  if (glob.includes('\\')) return 'use forward slashes in a glob';
  if (glob.startsWith('/') || /^[a-z]:/i.test(glob)) return 'a glob is relative to the content root, not an absolute path';
  if (glob.split('/').some((part) => part === '..' || part === '.')) return 'a glob names files inside the content root: no "." or ".." segments';
  try {
    picomatch.makeRe(glob);
  } catch (error) {
    return `not a glob: ${(error as Error).message}`;
  }
  return undefined;
}

/** A picomatch glob over content-relative paths (`projects/*\/drafts/**`, `docs/archive/**`). */
const contentGlob = z.string().min(1, { error: 'a glob cannot be empty' }).superRefine((glob, context) => {
  const problem = badGlob(glob);
  if (problem) context.addIssue({ code: 'custom', message: `${problem} (got "${glob}")` });
});

/** A frontmatter field: its keys joined by dots (`contract.owner`). */
const fieldPath = z.string().regex(/^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/, { error: 'a field is its frontmatter keys joined by dots, e.g. "owner" or "contract.owner"' });

const safePattern = z.string().superRefine((pattern, context) => {
  const problem = unsafePattern(pattern);
  if (problem) context.addIssue({ code: 'custom', message: `pattern ${JSON.stringify(pattern)}: ${problem}` });
});

const customRuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { error: 'a rule id is kebab-case, e.g. "change-has-owner"' }).describe('The rule\'s id, kebab-case: findings, disable comments, `rules:` and `overrides:` name it. It may not be a built-in rule\'s or a plugin rule\'s id.'),
    description: z.string().min(1).describe('One line: what the rule checks. The rule catalogue (`seam rules`, the site\'s rule pages) shows it.'),
    message: z.string().optional().describe('What to do about a finding, added to each finding\'s message (for example who to ask).'),
    severity: z.enum(['warn', 'warning', 'error']).default('error').describe('`error` (the default) or `warn`; `rules:` and `overrides:` can change it like any rule\'s.'),
    types: z.array(z.enum(recordTypeNames as [string, ...string[]])).min(1).describe('The record types it checks (`change`, `status`, `policy`…).'),
    files: z.array(contentGlob).optional().describe('Only the files these globs match (relative to the content root).'),
    criteria: z.array(z.string()).default([]).describe('The criteria of the standard the rule protects; each must exist in a catalogue in `standards/`. None by default: a rule claims only what it checks.'),
    requiredFields: z.array(fieldPath).optional().describe('Frontmatter fields that must be present and not empty.'),
    requiredSections: z.array(z.string().min(1)).optional().describe('Headings the body must have (compared ignoring case and punctuation).'),
    allowedValues: z.record(fieldPath, z.array(z.union([z.string(), z.number(), z.boolean()])).min(1)).optional().describe('For each field, the values it may take (each item, for a list). A missing field is not checked: list it in `requiredFields` too.'),
    patterns: z.record(fieldPath, safePattern).optional().describe('For each field, a regular expression its text must match (each item, for a list), compiled with the `u` flag. Patterns that can backtrack without bound (nested or alternated unbounded repeats, backreferences, lookaround) are refused, and a value longer than 1000 characters is a finding rather than tested.'),
  })
  .refine((rule) => rule.requiredFields?.length || rule.requiredSections?.length || Object.keys(rule.allowedValues ?? {}).length || Object.keys(rule.patterns ?? {}).length, {
    error: 'a custom rule checks something: give it requiredFields, requiredSections, allowedValues or patterns',
  });

export type CustomRuleSpec = z.output<typeof customRuleSchema>;

export const configSchema = z.strictObject({
  content: z.string().default('content').describe('The content root, relative to this file. Overridden by `--content DIR` and `SEAM_CONTENT`.'),
  today: isoDate.optional().describe('The reference date every date rule compares with. Overridden by `--today` and `SEAM_TODAY`; defaults to the system clock. Pin it in example or archived content so it stays clean as the calendar moves.'),
  rules: ruleSettings
    .default({})
    .describe('Per-rule severity (`off`, `warn`, `error`) or `[severity, options]`, keyed by rule id.'),
  ignores: z.array(contentGlob).default([]).describe('Globs (relative to the content root) of content files Seam does not lint, as ESLint\'s global ignores: they still load, so links to them resolve and rules read them, but no finding is reported in them.'),
  overrides: z
    .array(z.strictObject({
      files: z.array(contentGlob).min(1).describe('Globs (relative to the content root) of the files the settings apply to.'),
      rules: ruleSettings.describe('Rule settings for those files, as in `rules`: a severity keeps the options set before, `[severity, options]` replaces them.'),
    }))
    .default([])
    .describe('Per-path rule settings, applied in order after `rules`: for a file several match, the last one wins.'),
  customRules: z.array(customRuleSchema).default([]).describe('Rules written as data, no code: required fields and sections, allowed values and patterns, per record type and path.'),
  plugins: z.array(z.string().min(1)).default([]).describe('Rule modules (.ts, .js or .mjs), relative to this file, whose default export is a rule or a list of rules written with the rule kit (src/rule-kit/rule.ts). Plugins are code: they must lie outside the content root, and are reviewed as code (CODEOWNERS).'),
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
      url: z.string().optional().describe('The published site\'s address, for the sitemap and canonical links: the full address, with the base path when there is one (`https://org.github.io/repo/`).'),
      repository: z
        .url({ protocol: /^https?$/, error: 'site.repository is the repository\'s web address, e.g. https://github.com/org/repo' })
        .optional()
        .describe('The repository\'s web address, e.g. https://github.com/org/repo: page histories link each commit to `<repository>/commit/<hash>`, and "edit this page" links to `<repository>/edit/<branch>/<file>` unless `editUrl` says otherwise.'),
      branch: z.string().optional().describe('The branch "edit this page" proposes changes against (with `repository`); default `main`.'),
      editUrl: z.string().optional().describe('Base address for "edit this page" links, e.g. https://github.com/org/repo/edit/main/; overrides the one derived from `repository`.'),
      audience: z.enum(['public', 'internal', 'confidential']).optional().describe('Default audience of site builds; `SEAM_AUDIENCE` overrides.'),
      base: z
        .string()
        .superRefine((base, ctx) => {
          const problem = baseProblem(base);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .meta({ pattern: BASE_PATTERN.source })
        .optional()
        .describe('The path the site is served under, starting and ending with `/`: `/` (the default) for a site at the root of its host (a custom domain, an `<owner>.github.io` repository), `/<repository>/` for a GitHub Pages project site at `https://<owner>.github.io/<repository>/`. Every address the site writes starts with it. `astro build --base` overrides.'),
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
  /** Where the setting at `path` is written in the config file (line 1 when it is not, or there is no file). */
  locate(path: readonly (string | number)[]): Position;
}

const nowhere = (): Position => ({ line: 1, column: 1 });

/** Looks for `seam.config.yaml` from `cwd` upwards and reads it; problems are values, never thrown. */
export function loadConfig(cwd: string = process.cwd(), explicitFile?: string): LoadedConfig {
  const file = explicitFile ? resolve(cwd, explicitFile) : findUp(cwd, CONFIG_FILE);
  if (!file) return { config: configSchema.parse({}), baseDir: resolve(cwd), problems: [], locate: nowhere };
  const baseDir = dirname(file);
  const display = file;
  if (!existsSync(file)) {
    return { config: configSchema.parse({}), baseDir, file, problems: [{ file: display, line: 1, column: 1, code: 'config', message: `Config file not found: ${file}` }], locate: nowhere };
  }
  const text = readFileSync(file, 'utf8');
  const positionAt = positionsIn(text);
  const doc = parseDocument(text, { prettyErrors: false });
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    problems.push({ file: display, ...positionAt(error.pos[0]), code: 'config', message: `Broken YAML in the config: ${error.message.split('\n')[0]}` });
  }
  if (problems.length) return { config: configSchema.parse({}), baseDir, file, problems, locate: nowhere };
  // The nearest node written at the path (a key's own position for a record entry's key).
  const locate = (path: readonly (string | number | PropertyKey)[]): Position => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number] } | undefined;
      if (node?.range) {
        if (n === path.length && n > 0) {
          const parent = doc.getIn(path.slice(0, n - 1) as (string | number)[], true) as { items?: { key?: { value?: unknown; range?: [number, number] } }[] } | undefined;
          const key = parent?.items?.find((item) => item.key?.value === path[n - 1])?.key;
          if (key?.range) return positionAt(key.range[0]);
        }
        return positionAt(node.range[0]);
      }
    }
    return nowhere();
  };
  const parsed = configSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number] } | undefined;
      problems.push({ file: display, ...positionAt(node?.range?.[0] ?? 0), code: 'config', message: zodIssueMessage(issue) });
    }
    return { config: configSchema.parse({}), baseDir, file, problems, locate };
  }
  return { config: parsed.data, baseDir, file, problems, locate };
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
