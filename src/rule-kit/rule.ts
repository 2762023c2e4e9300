// The shape of a Seam rule: metadata as data (id, criteria, the records it applies to and reads,
// severity, options, docs, examples) plus a `check` that reports findings for one file with the whole
// record graph at hand. The engine, the remark plugin wrapper, the rule catalogue, the docs and the
// generic example tester all read this. `defineRule` types each rule from its own metadata: `check`
// receives the record types it declares, its options as parsed, and may return fixes only if fixable.
import type { Root } from 'mdast';
import type { z } from 'zod';
import type { ContentRecord, RecordGraph, TypedRecord } from '../model/graph.ts';
import type { RecordTypeName } from '../model/record-data.ts';
import type { SeamConfig } from '../model/config.ts';
import type { MessagePart } from '../model/message.ts';
import { parseCriterionRef, qualify } from '../model/criterion-ids.ts';
import type { Position } from '../model/problem.ts';
import type { SourceFile } from '../model/source.ts';
import type { Fix, Severity } from './finding.ts';

/**
 * The files a rule checks: the records of these types, or `*` for every content file (records, and
 * Markdown that is no record, whose `record` is then undefined).
 */
export type AppliesTo = readonly RecordTypeName[] | '*';

/** The record a rule's `check` receives, from what it applies to. */
export type RecordFor<A extends AppliesTo> = A extends readonly (infer T extends RecordTypeName)[] ? TypedRecord<T> : ContentRecord | undefined;

/**
 * One example in a rule's docs; the rule tester (src/lint/rule-tester.ts) runs it, the rule's page
 * shows it. An invalid example marks each finding the rule must report with a comment at the end of
 * the offending line, `# ^ <rule>:<column> <message>` (syntax: src/rule-kit/example-markers.ts).
 */
export interface RuleExample {
  /** What the example shows, in a few words. */
  title: string;
  /**
   * For an invalid example: the criteria of the rule's `criteria` whose check it demonstrates. Every
   * criterion a rule lists must be demonstrated by at least one invalid example, and an example may
   * name only criteria the rule lists (tests/rules/criteria-honesty.test.ts): a rule claims only what
   * it shows it checks.
   */
  criteria?: string[];
  /**
   * Files of a content root, by content-relative path, with their markers. They are laid over the
   * base content folder `rules/examples/base/`, or over it with the overlay `rules/examples/<base>/`
   * (`false`: an empty folder); a value of `null` deletes that file.
   */
  files: Record<string, string | null>;
  base?: string | false;
  /** The reference date for the example; defaults to the base's 2026-06-15. */
  today?: string;
  options?: Record<string, unknown>;
  /** `standards.primary` for the example: needed when it adds a second catalogue to the base's ESKITP5045. */
  primaryStandard?: string;
  /**
   * Findings the rule must report where no marker can say so: in a base file the example does not
   * show (a project's finding placed on its charter), or on a line a helper builds. With the markers,
   * all the rule reports: nothing more, nothing less.
   */
  expect?: { file: string; line: number; column: number; endLine?: number; endColumn?: number; message?: string | RegExp; severity?: Severity }[];
  /** For fixable rules: a file's content after `--fix`. */
  fixed?: Record<string, string>;
}

/**
 * The standard a rule's `criteria` (and its examples' `criteria`) name when unqualified: Seam's rules are
 * written against ESKITP5045, whatever an organisation's primary standard is. A rule may name another
 * standard's criterion by its qualified id (`sp800-53-low:cm-3`).
 */
export const RULE_CRITERIA_STANDARD = 'eskitp5045';

/** A rule's criterion as a qualified id (`P5` → `eskitp5045:P5`). */
export function ruleCriterionKey(ref: string): string {
  const { standard, local } = parseCriterionRef(ref);
  return qualify(standard ?? RULE_CRITERIA_STANDARD, local);
}

/** A rule's criterion as the rule catalogue shows it: ESKITP5045's by their own id, any other qualified. */
export function ruleCriterionLabel(ref: string): string {
  const { standard, local } = parseCriterionRef(ruleCriterionKey(ref));
  return standard === RULE_CRITERIA_STANDARD ? local : qualify(standard!, local);
}

export interface RuleMeta<O extends z.ZodType = z.ZodType, A extends AppliesTo = AppliesTo, F extends boolean = boolean> {
  /** Stable kebab-case id: used in config, disable comments, SARIF and doc URLs. Never renamed. */
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** The criteria the rule protects: ESKITP5045's ids, or qualified ids of another standard (see `RULE_CRITERIA_STANDARD`). */
  criteria: string[];
  /** The record types whose files the rule checks (names from src/model/record-types.ts); the engine calls `check` for no other file. */
  appliesTo: A;
  /**
   * Narrows `appliesTo` under the configured options, for a rule whose options choose what it checks
   * (`plain-language` checks only policies unless `scope: all`). The handbook shows the default.
   */
  appliesToWith?(options: z.output<O>): A extends readonly (infer T extends RecordTypeName)[] ? readonly T[] : AppliesTo;
  /**
   * The record types the rule reads in other files than the one it checks (`*`: any file). A finding
   * can change when such a record changes, so a cache of findings must recheck the rule's files then.
   */
  readsAcross: readonly RecordTypeName[] | '*';
  /**
   * Of the project record types in `readsAcross`, those the rule reads in every other project, not
   * only in the checked file's own project or in projects the file names. Cross-file results are
   * cached on that relation (src/lint/affected.ts), so a rule that reads further must say so here.
   */
  readsAcrossProjects?: readonly RecordTypeName[];
  severity: Severity;
  /** Whether the rule offers fixes; a rule that does not cannot report one (a type error, and the engine refuses it). */
  fixable: F;
  /**
   * `false`: inline `seam-disable` comments never silence this rule's findings. For rules that guard
   * what must not be published whoever wrote the content (credentials); only seam.config.yaml can
   * relax them. Default: true.
   */
  inlineDisable?: boolean;
  /** Options schema; defaults apply when the config sets none. */
  options: O;
  /** Markdown: why the rule exists, what it reads, how to fix a finding. */
  docs: string;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
}

export interface Report<F extends boolean = boolean> {
  message: string;
  /** The parts of `message` when it names other records (build it with `say`, src/model/message.ts). */
  parts?: MessagePart[];
  /** Where: a position in the file, a frontmatter path, or an mdast node. */
  at?: Position | { path: PropertyKey[]; key?: boolean } | { node: { position?: { start: { line: number; column: number }; end?: { line: number; column: number } } } };
  /** Edits that fix the finding; only for rules that declare `fixable: true`. */
  fix?: F extends true ? Fix[] : never;
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

export interface RuleContext<Options = unknown, R extends ContentRecord | undefined = ContentRecord | undefined, F extends boolean = boolean> {
  /** The file being linted, relative to the content root. */
  file: string;
  source: SourceFile;
  /** The record for the file: one of the types the rule applies to (for `*`, undefined for files outside every record type). */
  record: R;
  /** The body's Markdown tree (positions are file positions), when it parsed. */
  tree?: Root;
  /** Why the body did not parse, when it did not. */
  syntaxError?: Position & { message: string; refused?: true };
  graph: RecordGraph;
  /** The reference date, YYYY-MM-DD, from the one place dates come from. */
  today: string;
  options: Options;
  config: SeamConfig;
  /** The id of every rule of the run, on or off: what a disable comment may name (the `directives` rule). */
  ruleIds: ReadonlySet<string>;
  report(report: Report<F>): void;
}

export interface Rule<O extends z.ZodType = z.ZodType, A extends AppliesTo = AppliesTo, F extends boolean = boolean> {
  meta: RuleMeta<O, A, F>;
  /**
   * Asynchronous work done once per run before any `check` (for example parsing every diagram with
   * Mermaid), so that `check` itself stays synchronous and per-file. `files` are the files about to be
   * checked (all of the graph's when absent): a shard or a worker prepares only what their checks read.
   */
  prepare?(graph: RecordGraph, files?: readonly string[]): Promise<void>;
  check(context: RuleContext<z.output<O>, RecordFor<A>, F>): void;
}

/**
 * Declares a rule; typing only: `check`'s options are typed from the options schema, its `record` from
 * `appliesTo`, and its reports may carry fixes only when `fixable` is true.
 */
export function defineRule<O extends z.ZodType, const A extends AppliesTo, F extends boolean>(rule: Rule<O, A, F>): Rule<O, A, F> {
  return rule;
}

/** The files a rule checks under its configured options. */
export function appliesUnder(meta: Pick<RuleMeta, 'appliesTo' | 'appliesToWith'>, options: unknown): AppliesTo {
  return meta.appliesToWith?.(options) ?? meta.appliesTo;
}

/** Whether a rule that applies to `appliesTo` checks the file whose record (if any) is `record`. */
export function checksFile(appliesTo: AppliesTo, record: ContentRecord | undefined): boolean {
  return appliesTo === '*' || (!!record && (appliesTo as readonly string[]).includes(record.type));
}

/**
 * The record types a rule reads under its default options: those it checks and those it reads across
 * files (`*`: every type). What the handbook lists as the rules that read a record type.
 */
export function recordTypesRead(meta: RuleMeta): readonly string[] | '*' {
  const checked = appliesUnder(meta, meta.options.parse({}));
  if (checked === '*' || meta.readsAcross === '*') return '*';
  return [...new Set([...checked, ...meta.readsAcross])];
}
