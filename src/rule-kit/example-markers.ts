// Expected findings written beside the input: a rule example marks each line a finding must be
// reported on with a trailing comment naming the rule and the column, as markdownlint's `{MD0xx}`
// markers do. The rule tester (src/lint/rule-tester.ts) lints the text without the markers and checks
// the findings against them; the rule pages show the text with them and list what they expect.
//
// A marker is a comment at the end of the offending line, in the comment syntax of where it sits:
//
//   kind: app # ^ schema:7 "kind" must be one of: …                  (YAML: frontmatter, .yaml files)
//   See [the plan](./plann.mdx). {/* ^ links:5 /^The link target/ */}   (an MDX body)
//   See [the plan](./plann.md). <!-- ^ links:5 -->                    (a Markdown body)
//   crm --> biling %% ^ mermaid:3                                     (inside a Mermaid diagram)
//
// After the caret: the rule id and the finding's column (1-based); optionally its end, `-<endColumn>`
// on the same line or `-<endLine>:<endColumn>`; optionally `[warning]` or `[error]` (default `error`,
// the severity the tester runs the rule at); then optionally the message, exact, or `/a regular
// expression/`. Several markers may follow one another on a line. The tester removes every marker,
// with the spaces before it, before it lints, so lines and columns are those of the text without
// them; a marker alone on a line leaves the line empty.
import type { Severity } from './finding.ts';
import type { RuleExample } from './rule.ts';

/** A finding an example expects: a marker's, or an explicit `expect` entry (whose rule is the example's own). */
export type ExpectedFinding = NonNullable<RuleExample['expect']>[number] & { rule?: string };

const OPENER = String.raw`(?:#|%%|\{/\*|<!--)[ \t]*\^[ \t]+(?=[a-z]+(?:-[a-z]+)*:\d)`;
/** Where the markers of a line start: a comment opener (at the start or after a space) and a caret. */
const FIRST = new RegExp(String.raw`(?:^|[ \t]+)${OPENER}`);
const EACH = new RegExp(String.raw`[ \t]*${OPENER}`, 'g');
const BODY = /^([a-z]+(?:-[a-z]+)*):(\d+)(?:-(\d+)(?::(\d+))?)?(?:[ \t]+\[(error|warning)\])?(?:[ \t]+([^[ \t].*?))?[ \t]*$/s;

/** The text without its markers, and the findings they expect in the file `file`. */
export function readMarkers(file: string, text: string): { text: string; expected: ExpectedFinding[] } {
  const expected: ExpectedFinding[] = [];
  const lines = text.split('\n').map((line, i) => {
    const start = line.search(FIRST);
    if (start < 0) return line;
    const tail = line.slice(start);
    const bodies = tail.split(EACH).slice(1);
    for (const raw of bodies) {
      const body = raw.replace(/[ \t]*(?:\*\/\}|-->)[ \t]*$/, '');
      const m = BODY.exec(body);
      if (!m) throw new Error(`${file}:${i + 1}: a marker must read "^ <rule>:<column>[-<end>] [severity] [message]", not "^ ${body}".`);
      const [, rule, column, end1, end2, severity, message] = m;
      expected.push({
        file,
        rule,
        line: i + 1,
        column: Number(column),
        ...(end1 !== undefined ? (end2 !== undefined ? { endLine: Number(end1), endColumn: Number(end2) } : { endLine: i + 1, endColumn: Number(end1) }) : {}),
        ...(severity ? { severity: severity as Severity } : {}),
        ...(message ? { message: asPattern(message) } : {}),
      });
    }
    return line.slice(0, start);
  });
  return { text: lines.join('\n'), expected };
}

function asPattern(message: string): string | RegExp {
  const regex = /^\/(.+)\/([dgimsuy]*)$/s.exec(message);
  return regex ? new RegExp(regex[1], regex[2]) : message;
}

/**
 * An example as the tester lints it: its files without markers, and every finding it expects (its
 * markers' and its explicit `expect` entries, for findings in files it does not show), in report order.
 */
export function readExample(example: RuleExample): { files: Record<string, string | null>; expected: ExpectedFinding[] } {
  const files: Record<string, string | null> = {};
  const expected: ExpectedFinding[] = [...(example.expect ?? [])];
  for (const [file, text] of Object.entries(example.files)) {
    if (text === null) {
      files[file] = null;
      continue;
    }
    const read = readMarkers(file, text);
    files[file] = read.text;
    expected.push(...read.expected);
  }
  return { files, expected: expected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column) };
}
