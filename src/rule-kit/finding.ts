// A finding: what a rule reports about one place in one file. Reporters, the CLI, the site's lint
// badges and the editor integration all consume this shape.
import type { MessagePart } from '../model/message.ts';

export type Severity = 'error' | 'warning';

/** A text edit, as data: replace `[start, end)` (0-based UTF-16 offsets into the file) with `text`. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export interface Finding {
  /** The rule's stable id, e.g. `schema`. Graph problems found while loading use `schema`/`references`. */
  ruleId: string;
  severity: Severity;
  /** The file, relative to the repository root (the current directory), with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** What is wrong and how to fix it. */
  message: string;
  /**
   * The parts of `message` when it names other records: a site built for an audience renders them so
   * that records above the audience read as "a restricted record" (src/model/message.ts).
   */
  parts?: MessagePart[];
  /** Edits that fix it, applied by `--fix` (never by the rule). */
  fix?: Fix[];
  /** `project` when the finding concerns the whole project rather than the record it sits in. */
  scope?: 'project';
}

/** The order findings are always reported in: file, line, column, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** What a reporter is given: the findings plus the rule catalogue, for SARIF's `rules` and help links. */
export interface RuleDescriptor {
  id: string;
  description: string;
  /** The criteria the rule protects, qualified by their standard (`eskitp5045:P5`). */
  criteria: string[];
  severity: Severity | 'off';
  docs: string;
  url: string;
  fixable: boolean;
}

export interface LintResult {
  findings: Finding[];
  /** Files linted, relative to the repository root, sorted. */
  files: string[];
  rules: RuleDescriptor[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  /** Set on one shard of a run (`seam lint --shard i/n`): its reports carry it for `seam merge-reports`. */
  shard?: ShardStamp;
}

/** Which part of which run a shard's report is (see src/lint/shard.ts). */
export interface ShardStamp {
  /** 1-based. */
  index: number;
  count: number;
  /** A digest of what decides the run's findings: shards of one run have the same. */
  run: string;
  /** How many rules the run's catalogue has (SARIF lists rules with findings but no descriptor after them). */
  rules: number;
}
