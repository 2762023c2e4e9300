// Where the site reads content from, decided once for content.config.ts: the same rule as the CLI
// (src/model/config.ts) — `SEAM_CONTENT` beats `content:` in seam.config.yaml beats `content/`.
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { formatProblem } from '../model/problem.ts';
import { loadConfig, resolveContentRoot } from '../model/config.ts';

/** The repository root: two levels above this file (src/site/), where seam.config.yaml lives. */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The absolute path of the content folder the site is built from. */
export function siteContentRoot(env: NodeJS.ProcessEnv = process.env): string {
  const loaded = loadConfig(repoRoot);
  const [problem] = loaded.problems;
  if (problem) throw new AstroError(formatProblem(problem), 'Fix seam.config.yaml, then build again.');
  return resolveContentRoot(loaded, undefined, env);
}
