// The GitHub Actions reporter: one `::error`/`::warning` workflow command per finding, which GitHub shows
// as annotations on the changed lines, plus a job step summary listing every finding, because GitHub
// shows only 10 annotations of each kind per step. The reporter returns the commands for stdout; the
// CLI then calls `appendGithubSummary`, the one function here that touches the file system.

import { appendFileSync } from 'node:fs';
import { compareFindings, type Finding, type LintResult } from '../../rule-kit/finding.ts';
import type { Reporter, ReporterContext } from './index.ts';
import { plainText } from '../../model/safe-text.ts';
import { plural } from '../../model/text.ts';
import { codeSpan, repositoryUri } from './format.ts';

export const github: Reporter = (result) =>
  [...result.findings]
    .sort(compareFindings)
    .map((f) => `${command(f)}\n`)
    .join('');

function command(f: Finding): string {
  // GitHub rejects columns on an annotation that spans several lines.
  const multiLine = f.endLine !== undefined && f.endLine !== f.line;
  const properties: [string, string | number | undefined][] = [
    // The log shows this line: a control character in a file name becomes a visible escape (the annotation
    // then misses the file, but such a name is itself a finding, and the message still says where).
    ['file', plainText(f.file)],
    ['line', f.line],
    ['col', multiLine ? undefined : f.column],
    ['endLine', f.endLine],
    ['endColumn', multiLine ? undefined : f.endColumn],
    ['title', `seam(${f.ruleId})`],
  ];
  const list = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${f.severity} ${list}::${escapeData(f.message)}`;
}

/** The toolkit's escaping (`@actions/core` `escapeData`) for a command's message. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** The toolkit's escaping (`@actions/core` `escapeProperty`) for a command's property values. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** GitHub refuses a step summary over 1 MiB; past this many bytes the table stops with a note. */
const SUMMARY_BUDGET = 1000 * 1000;

/** The step summary as Markdown: a heading, the counts, and a table of every finding. */
export function githubSummary(result: LintResult, context: Pick<ReporterContext, 'githubBlobUrl'>): string {
  const { errorCount, warningCount, files } = result;
  const total = result.findings.length;
  const heading = '## Seam lint\n\n';
  if (total === 0) return `${heading}No problems found in ${plural(files.length, 'file')}.\n\n`;

  let markdown =
    `${heading}${plural(total, 'problem')} (${plural(errorCount, 'error')}, ` +
    `${plural(warningCount, 'warning')}) in ${plural(new Set(result.findings.map((f) => f.file)).size, 'file')} ` +
    `of ${files.length} linted.\n\n` +
    '| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n';
  let bytes = Buffer.byteLength(markdown);
  const findings = [...result.findings].sort(compareFindings);
  for (const [shown, f] of findings.entries()) {
    const row = `| ${locationCell(f, context.githubBlobUrl)} | ${f.severity} | \`${f.ruleId}\` | ${code(f.message)} |\n`;
    bytes += Buffer.byteLength(row);
    if (bytes > SUMMARY_BUDGET) {
      markdown += `\n…and ${plural(total - shown, 'more finding')}: a step summary is limited to 1 MiB.\n`;
      break;
    }
    markdown += row;
  }
  return `${markdown}\n`;
}

/** Appends (never overwrites: other steps and tools write there too) the summary to `$GITHUB_STEP_SUMMARY`. */
export function appendGithubSummary(result: LintResult, context: ReporterContext): void {
  if (context.githubStepSummary) appendFileSync(context.githubStepSummary, githubSummary(result, context));
}

function locationCell(f: Finding, blobUrl: string | undefined): string {
  const text = code(`${f.file}:${f.line}:${f.column}`);
  if (!blobUrl) return text;
  const lines = f.endLine !== undefined && f.endLine !== f.line ? `L${f.line}-L${f.endLine}` : `L${f.line}`;
  // encodeURIComponent leaves ( and ) alone, and a ) in a file name would end the link's destination.
  const path = repositoryUri(f.file).replaceAll('(', '%28').replaceAll(')', '%29');
  return `[${text}](${blobUrl.replace(/\/+$/, '')}/${path}#${lines})`;
}

/** A code span in a table cell: a `|` is escaped, as GFM requires even inside code, so it cannot end the cell. */
function code(text: string): string {
  // Backslashes right before a pipe are doubled (and then show doubled): GFM has no way to show `\|` in a cell.
  return codeSpan(plainText(text).replace(/(\\*)\|/g, (_, backslashes: string) => `${backslashes.repeat(2)}\\|`));
}
