// The default reporter, for people at a terminal: ESLint's "stylish" layout — findings grouped under
// each file, in aligned columns, then a one-line tally. Prints nothing at all when there is nothing wrong.

import { styleText } from 'node:util';
import { plainText } from '../../model/safe-text.ts';
import { plural } from '../../model/text.ts';
import { compareFindings, type Finding } from '../../rule-kit/finding.ts';
import type { Reporter } from './index.ts';

type Style = Parameters<typeof styleText>[0];

export const stylish: Reporter = (result, context) => {
  if (result.findings.length === 0) return '';
  // validateStream: false — the CLI has already decided (TTY, NO_COLOR, --color); honour that here.
  const paint = (style: Style, text: string) =>
    context.color ? styleText(style, text, { validateStream: false }) : text;

  let output = '\n';
  for (const [file, findings] of groupByFile(result.findings)) {
    // A file name comes from the pull request too: a terminal gets it without control characters.
    output += `${paint('underline', plainText(file))}\n${table(findings, paint)}\n\n`;
  }

  const { errorCount, warningCount, fixableCount } = result;
  const total = errorCount + warningCount;
  const summaryStyle: Style = ['bold', errorCount > 0 ? 'red' : 'yellow'];
  output += paint(
    summaryStyle,
    `\u2716 ${plural(total, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')})`,
  );
  output += '\n';
  if (fixableCount > 0) {
    output += `${paint(summaryStyle, `  ${plural(fixableCount, 'problem')} fixable with --fix`)}\n`;
  }
  return output;
};

function table(findings: Finding[], paint: (style: Style, text: string) => string): string {
  const rows = findings.map((f) => ({
    line: String(f.line),
    column: String(f.column),
    severity: f.severity,
    // One row per finding, and nothing that drives the terminal (the engine already ensures both; a
    // reporter is also handed findings built elsewhere).
    message: plainText(f.message).replace(/([^ ])\.$/, '$1'),
    ruleId: f.ruleId,
  }));
  const width = (key: keyof (typeof rows)[number]) => Math.max(...rows.map((r) => length(r[key])));
  const [lineWidth, columnWidth, severityWidth, messageWidth] = [
    width('line'),
    width('column'),
    width('severity'),
    width('message'),
  ];
  return rows
    .map((r) => {
      // Line numbers right-aligned and columns left-aligned, so the colons line up.
      const cells = [
        pad(r.line, lineWidth) + paint('dim', `${r.line}:${r.column}`) + pad(r.column, columnWidth),
        paint(r.severity === 'error' ? 'red' : 'yellow', r.severity) + pad(r.severity, severityWidth),
        r.message + pad(r.message, messageWidth),
        paint('dim', r.ruleId),
      ];
      return `  ${cells.join('  ')}`;
    })
    .join('\n');
}

function groupByFile(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of [...findings].sort(compareFindings)) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/** Length in code points, so a message with astral characters still lines the rule ids up. */
function length(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number): string {
  return ' '.repeat(width - length(text));
}
