// The reporters: each turns a LintResult into the text `seam lint --format NAME` prints. They are
// pure (no I/O, no clock, no environment): the CLI gathers the context and writes the output.

import type { LintResult } from '../../rule-kit/finding.ts';
import { github } from './github.ts';
import { json } from './json.ts';
import { sarif } from './sarif.ts';
import { stylish } from './stylish.ts';

/** What a reporter may know besides the findings; the CLI fills it from the process and environment. */
export interface ReporterContext {
  /** Absolute path of the repository root, which every `Finding.file` is relative to. */
  cwd: string;
  /** Seam's version, e.g. `0.1.0`. */
  version: string;
  /** Where Seam is documented; SARIF's `tool.driver.informationUri`. */
  informationUri: string;
  /** `$GITHUB_STEP_SUMMARY` when running in GitHub Actions: where `appendGithubSummary` writes. */
  githubStepSummary?: string | undefined;
  /**
   * Base URL that a repository path is appended to for links in the step summary, e.g.
   * `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/blob/${GITHUB_SHA}`. Without it locations are plain text.
   */
  githubBlobUrl?: string | undefined;
  /** Whether to colour the output with ANSI escapes (stylish only). */
  color: boolean;
}

/** A reporter: the whole output for one lint run, ending in a newline, or `''` when it has nothing to say. */
export interface Reporter {
  (result: LintResult, context: ReporterContext): string;
}

export const reporterNames = ['stylish', 'json', 'sarif', 'github'] as const;
export type ReporterName = (typeof reporterNames)[number];

export const reporters: Record<ReporterName, Reporter> = { stylish, json, sarif, github };

export function isReporterName(name: string): name is ReporterName {
  return (reporterNames as readonly string[]).includes(name);
}

export { appendGithubSummary } from './github.ts';
