// The site build's first step: the `mdx-safety` and `secrets` rules over the whole content root,
// through the lint engine with only those rules on, before Astro loads a single record. Content
// arrives through pull requests from other organisations; a build that finds an import, an export, an
// `{expression}`, a script or an event handler (code that would run), or a credential, token or private
// key (that would be published), stops with file:line:column lines and no stack trace. The rules'
// severity in seam.config.yaml and disable comments in content do not apply here: the check cannot be
// switched off from the content it guards (only a fingerprint in `secrets.allow` lets a documented
// sample key through). (Bodies are never compiled anyway, see render.ts; this makes the author fix them
// instead of having them silently neutralised.) In `astro dev` the findings are logged. A build keeps
// what it read, and the later readers stop the build at a file whose text is not what was checked
// (src/site/data/build-reads.ts), so a file edited while the site builds is never published unchecked.
// It also checks the build's audience setting first, so a wrong SEAM_AUDIENCE is one clear line.
import { relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import mdxSafety from '../../../rules/mdx-safety.ts';
import secrets from '../../../rules/secrets.ts';
import { lint, type RuleSetting } from '../../lint/engine.ts';
import type { Finding } from '../../rule-kit/finding.ts';
import { describeAudience } from '../../model/audience.ts';
import { recordBuildReads } from '../data/build-reads.ts';
import { siteAudience, siteWorkspace } from './content-root.ts';

/**
 * The `mdx-safety` and `secrets` findings in the content root the site is built from (its paths
 * relative to the repository). Every file is read and checked afresh; with `record`, what each read
 * gave is kept for the build's later graphs (src/site/data/build-reads.ts), which this check never reads.
 */
export async function contentSafetyFindings(env: NodeJS.ProcessEnv = process.env, { record = false } = {}): Promise<Finding[]> {
  const { config, contentRoot, repoRoot, today } = siteWorkspace(env);
  const settings: RuleSetting[] = [mdxSafety, secrets].map((rule) => ({ rule, severity: 'error', options: {} }));
  // Neither rule compares dates (a bad "today" is the lint state's to report); the engine still wants one.
  // The config's `ignores` quiet the linter, not this refusal: an ignored file is still published, so it is checked.
  // A file the build's later graphs find changed since this read is named as the findings name it.
  const shown = (file: string) => shownPath(repoRoot, relative(repoRoot, resolve(contentRoot, file)).split(sep).join('/'));
  const { result } = await lint({ root: contentRoot, cwd: repoRoot, config: { ...config, ignores: [] }, today, settings, ignoreDirectives: true, ...(record ? { readSink: recordBuildReads(shown) } : {}) });
  return result.findings;
}

/** A path relative to the repository as the build prints it: a content root outside the repository is named by its absolute path rather than by `../../`. */
const shownPath = (repoRoot: string, file: string) => (file.startsWith('../') ? resolve(repoRoot, file) : file);

/** The findings as the build prints them: one `file:line:column: message` line each. */
export function formatSafetyFindings(findings: Finding[]): string {
  const { repoRoot } = siteWorkspace();
  return findings.map((f) => `${shownPath(repoRoot, f.file)}:${f.line}:${f.column}: ${f.message} (${f.ruleId})`).join('\n');
}

/** What is wrong with the content and how to fix it, for the rules that found something. */
export function describeFindings(findings: Finding[]): { problem: string; fix: string } {
  const code = findings.some((f) => f.ruleId === mdxSafety.meta.id);
  const credentials = findings.some((f) => f.ruleId === secrets.meta.id);
  const problems = [code && 'would run code when the site is built', credentials && 'holds credentials that the site would publish'].filter(Boolean);
  const fixes = [
    code && 'Remove the imports, exports, {expressions}, scripts and event handlers named above; write braces in prose as \\{ and \\}.',
    credentials && 'Remove the credentials named above and revoke or rotate them: they have been exposed. A documented sample key that grants nothing can be allowed by its fingerprint in "secrets.allow" in seam.config.yaml.',
  ].filter(Boolean);
  return { problem: problems.join(' and '), fix: fixes.join(' ') };
}

function buildError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.name = 'ContentError';
  error.stack = '';
  return error;
}

export function contentSafety(): AstroIntegration {
  return {
    name: 'seam:content-safety',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        // A wrong SEAM_AUDIENCE stops the build here, as one line, rather than inside content sync.
        logger.info(describeAudience(siteAudience()));
        // A build's loader and lint state take each file's parse from what this check read (one parse per build).
        const findings = await contentSafetyFindings(process.env, { record: command === 'build' });
        if (findings.length === 0) return;
        const count = `${findings.length} problem${findings.length === 1 ? '' : 's'}`;
        const { problem, fix } = describeFindings(findings);
        if (command === 'dev') {
          logger.error(`Content that ${problem} (${count}); a build refuses it:\n${formatSafetyFindings(findings)}`);
          return;
        }
        throw buildError(`The content ${problem} (${count}), so nothing was built:\n${formatSafetyFindings(findings)}`, `${fix} Run \`npm run lint:content\` to check again.`);
      },
    },
  };
}
