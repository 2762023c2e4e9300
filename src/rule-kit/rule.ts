// The shape of a Seam rule: metadata as data (id, criteria, severity, options, docs, examples) plus a
// `check` that reports findings for one file with the whole record graph at hand. The engine, the
// remark plugin wrapper, the rule catalogue, the docs and the generic example tester all read this.
import type { Root } from 'mdast';
import type { z } from 'zod';
import type { ContentRecord, RecordGraph } from '../model/graph.ts';
import type { SeamConfig } from '../model/config.ts';
import type { Position } from '../model/problem.ts';
import type { SourceFile } from '../model/source.ts';
import type { Fix, Severity } from './finding.ts';

/** One example in a rule's docs; the generic tester runs it. */
export interface RuleExample {
  /** What the example shows, in a few words. */
  title: string;
  /**
   * Files of a content root, by content-relative path. They are laid over a base content folder
   * (`rules/examples/<base>/`, default `base`; `false` for none); a value of `null` deletes that file.
   */
  files: Record<string, string | null>;
  base?: string | false;
  /** The reference date for the example; defaults to the base's 2026-06-15. */
  today?: string;
  options?: Record<string, unknown>;
  /** For invalid examples: the findings this rule must report (all of them, in order). */
  expect?: { file: string; line: number; column: number; message?: string | RegExp; severity?: Severity }[];
  /** For fixable rules: a file's content after `--fix`. */
  fixed?: Record<string, string>;
}

export interface RuleMeta<O extends z.ZodType = z.ZodType> {
  /** Stable kebab-case id: used in config, disable comments, SARIF and doc URLs. Never renamed. */
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** The criteria the rule protects. */
  criteria: string[];
  /** The record types (names from src/model/record-types.ts) the rule reads; `*` for every type. */
  reads: string[];
  severity: Severity;
  fixable: boolean;
  /** Options schema; defaults apply when the config sets none. */
  options: O;
  /** Markdown: why the rule exists, what it reads, how to fix a finding. */
  docs: string;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
}

export interface Report {
  message: string;
  /** Where: a position in the file, a frontmatter path, or an mdast node. */
  at?: Position | { path: PropertyKey[]; key?: boolean } | { node: { position?: { start: { line: number; column: number }; end?: { line: number; column: number } } } };
  fix?: Fix[];
  /**
   * `warning` marks an advisory finding of a rule whose findings are otherwise errors (an overdue
   * action, a thin recommendation). It only lowers: a rule configured as `warn` never reports errors.
   */
  severity?: 'warning';
  /**
   * `project`: the finding is about the project as a whole (a record it lacks, a report it owes),
   * placed on the charter for want of a better place. Coverage does not count it against the
   * charter's own criteria.
   */
  scope?: 'project';
}

export interface RuleContext<Options = unknown> {
  /** The file being linted, relative to the content root. */
  file: string;
  source: SourceFile;
  /** The record for the file (undefined for files outside every record type). */
  record?: ContentRecord;
  /** The body's Markdown tree (positions are file positions), when it parsed. */
  tree?: Root;
  /** Why the body did not parse, when it did not. */
  syntaxError?: Position & { message: string };
  graph: RecordGraph;
  /** The reference date, YYYY-MM-DD, from the one place dates come from. */
  today: string;
  options: Options;
  config: SeamConfig;
  report(report: Report): void;
}

export interface Rule<O extends z.ZodType = z.ZodType> {
  meta: RuleMeta<O>;
  /**
   * Asynchronous work done once per run before any `check` (for example parsing every diagram with
   * Mermaid), so that `check` itself stays synchronous and per-file.
   */
  prepare?(graph: RecordGraph): Promise<void>;
  check(context: RuleContext<z.output<O>>): void;
}

/** Declares a rule; typing only (so options are typed from their schema). */
export function defineRule<O extends z.ZodType>(rule: Rule<O>): Rule<O> {
  return rule;
}
