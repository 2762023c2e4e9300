// What the site is built from and for, decided once for content.config.ts: the content folder (the
// same rule as the CLI, src/model/config.ts: `SEAM_CONTENT` beats `content:` in seam.config.yaml beats
// `content/`) and the audience (`SEAM_AUDIENCE` beats `site.audience`; unset builds for the public).
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { resolveAudience, type AudienceSetting } from '../../model/audience.ts';
import { formatProblem } from '../../model/problem.ts';
import { loadConfig, resolveContentRoot, type LoadedConfig } from '../../model/config.ts';

/** The repository root: three levels above this file (src/site/integrations/), where seam.config.yaml lives. */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A setting the site cannot be built with: the message and the fix, no stack trace. */
function settingError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}

function siteConfig(): LoadedConfig {
  const loaded = loadConfig(repoRoot);
  const [problem] = loaded.problems;
  if (problem) throw settingError(formatProblem(problem), 'Fix seam.config.yaml, then build again.');
  return loaded;
}

/** The absolute path of the content folder the site is built from. */
export function siteContentRoot(env: NodeJS.ProcessEnv = process.env): string {
  return resolveContentRoot(siteConfig(), undefined, env);
}

/** Who the site is built for: records above this audience's clearance are left out of the build. */
export function siteAudience(env: NodeJS.ProcessEnv = process.env): Extract<AudienceSetting, { ok: true }> {
  const setting = resolveAudience(siteConfig().config, env);
  if (!setting.ok) throw settingError(setting.message, 'Set SEAM_AUDIENCE to public, internal or confidential, or unset it.');
  return setting;
}
