// What the site is built from and for, decided by the one workspace opener (src/model/workspace.ts), as
// the CLI decides it: the content folder (`SEAM_CONTENT` beats `content:` in seam.config.yaml beats
// `content/`) and the audience (`SEAM_AUDIENCE` beats `site.audience`; unset builds for the public).
// The workspace is opened from the working directory, where Astro runs; the repository root is the
// config file's folder.
import { AstroError } from 'astro/errors';
import type { AudienceSetting } from '../../model/audience.ts';
import { graphOptions, type GraphOptions } from '../../model/graph.ts';
import { openWorkspace, problemLines, type Workspace } from '../../model/workspace.ts';

/** A setting the site cannot be built with: the message and the fix, no stack trace. */
function settingError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}

/** The workspace the site is built from; a problem in seam.config.yaml stops the build. */
export function siteWorkspace(env: NodeJS.ProcessEnv = process.env): Workspace {
  const workspace = openWorkspace({ cwd: process.cwd(), env });
  const [problem] = problemLines(workspace, 'config');
  if (problem) throw settingError(problem, 'Fix seam.config.yaml, then build again.');
  return workspace;
}

/** The absolute path of the content folder the site is built from. */
export function siteContentRoot(env: NodeJS.ProcessEnv = process.env): string {
  return siteWorkspace(env).contentRoot;
}

/** What the graph the site publishes needs from the config: the primary standard. */
export function siteGraphOptions(env: NodeJS.ProcessEnv = process.env): GraphOptions {
  return graphOptions(siteWorkspace(env).config);
}

/** Who the site is built for: records above this audience's clearance are left out of the build. */
export function siteAudience(env: NodeJS.ProcessEnv = process.env): Extract<AudienceSetting, { ok: true }> {
  const workspace = siteWorkspace(env);
  const [problem] = problemLines(workspace, 'audience');
  if (problem) throw settingError(problem, 'Set SEAM_AUDIENCE to public, internal or confidential, or unset it.');
  return { ok: true, audience: workspace.audience, source: workspace.audienceSource };
}
