// The rule tester: runs a rule's examples (`meta.examples`, src/rule-kit/rule.ts) through the real
// engine, as the docs show them. An example's files, without their markers (src/rule-kit/example-markers.ts),
// are laid over its base content folder in a temporary root, the rule is switched on alone at `error`,
// and every finding must be one the example expects: same file, line, column, rule and severity, the
// end when the example gives it, the message when it gives one (exact, or a regular expression). A
// valid example must produce none; an invalid one must expect at least one finding; `fixed` gives a
// file's text after `--fix`. It sits with the engine because it runs it; it imports no test framework:
// `testRule` registers one test per example with the `describe` and `it` it is given (vitest's), and
// a failing example throws an assertion error whose diff lists the findings missing and unexpected.
//
// Bases: `rules/examples/base/` is the one base content folder; another base (`execution`, `closed`)
// is an overlay of only the files that differ, laid over it.
import { deepStrictEqual } from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../model/config.ts';
import { readExample } from '../rule-kit/example-markers.ts';
import type { ExpectedFinding } from '../rule-kit/example-markers.ts';
import type { Finding } from '../rule-kit/finding.ts';
import type { Rule, RuleExample } from '../rule-kit/rule.ts';
import { rules as catalogue } from '../../rules/index.ts';
import { lint, resolveRuleSettings } from './engine.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = join(REPO, 'rules/examples');
/** The reference date of the example content, unless an example sets its own. */
const EXAMPLE_TODAY = '2026-06-15';

/** Builds the content root an example runs in: its base (the base folder and its overlay), then its files. */
function exampleRoot(base: string | false, files: Record<string, string | null>): string {
  const root = mkdtempSync(join(tmpdir(), 'seam-example-'));
  if (base !== false) {
    cpSync(join(EXAMPLES, 'base'), root, { recursive: true });
    if (base !== 'base') cpSync(join(EXAMPLES, base), root, { recursive: true });
  }
  for (const [file, text] of Object.entries(files)) {
    const path = join(root, file);
    if (text === null) rmSync(path, { force: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
  return root;
}

/** Lints an example (markers removed) with only `rule` on; returns its findings and, with `fix`, the fixed files' text. */
export async function lintExample(rule: Rule, example: RuleExample, fix = false): Promise<{ findings: Finding[]; expected: ExpectedFinding[]; text: (file: string) => string }> {
  const { files, expected } = readExample(example);
  const root = exampleRoot(example.base ?? 'base', files);
  try {
    const config = configSchema.parse({ rules: { [rule.meta.id]: ['error', example.options ?? {}] }, ...(example.primaryStandard ? { standards: { primary: example.primaryStandard } } : {}) });
    const { settings, problems } = resolveRuleSettings([...catalogue.filter((r) => r.meta.id !== rule.meta.id), rule], config);
    if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
    const only = settings.map((s) => (s.rule === rule ? s : { ...s, severity: 'off' as const }));
    const { result } = await lint({ root, cwd: root, config, today: example.today ?? EXAMPLE_TODAY, settings: only, fix });
    const written = new Map<string, string>();
    for (const file of Object.keys(example.fixed ?? {})) written.set(file, readFileSync(join(root, file), 'utf8'));
    return { findings: result.findings, expected, text: (file) => written.get(file) ?? '' };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const where = (f: { file: string; line: number; column: number; endLine?: number; endColumn?: number }) =>
  `${f.file}:${f.line}:${f.column}${f.endLine !== undefined ? `-${f.endLine}:${f.endColumn}` : ''}`;
const describeFinding = (f: Finding) => `${where(f)} ${f.ruleId} [${f.severity}] ${f.message}`;
const describeExpected = (e: ExpectedFinding, rule: string) =>
  `${where(e)} ${e.rule ?? rule} [${e.severity ?? 'error'}] ${e.message === undefined ? '(any message)' : String(e.message)}`;

function matches(f: Finding, e: ExpectedFinding, rule: string): boolean {
  return (
    f.file === e.file && f.line === e.line && f.column === e.column &&
    f.ruleId === (e.rule ?? rule) && f.severity === (e.severity ?? 'error') &&
    (e.endLine === undefined || (f.endLine === e.endLine && f.endColumn === e.endColumn)) &&
    (e.message === undefined || (typeof e.message === 'string' ? f.message === e.message : e.message.test(f.message)))
  );
}

/**
 * Pairs findings with expectations; throws an assertion error whose actual and expected sides differ
 * exactly by the findings nobody expected and the expectations no finding met.
 */
function compare(findings: Finding[], expected: ExpectedFinding[], rule: string): void {
  const left = [...findings];
  const actual: string[] = [];
  const wanted: string[] = [];
  for (const e of expected) {
    const i = left.findIndex((f) => matches(f, e, rule));
    if (i < 0) wanted.push(describeExpected(e, rule));
    else {
      const line = describeFinding(left.splice(i, 1)[0]);
      actual.push(line);
      wanted.push(line);
    }
  }
  actual.push(...left.map(describeFinding));
  deepStrictEqual(actual, wanted);
}

/** Runs one example; throws when the rule's findings are not exactly those the example expects. */
export async function checkExample(rule: Rule, example: RuleExample, kind: 'valid' | 'invalid'): Promise<void> {
  const { findings, expected } = await lintExample(rule, example);
  if (kind === 'valid' && expected.length) throw new Error(`A valid example expects no finding, but "${example.title}" marks ${expected.length}.`);
  if (kind === 'invalid' && !expected.length) throw new Error(`An invalid example must mark the findings it expects ("^ ${rule.meta.id}:<column>" on the line, or "expect" for a file it does not show); "${example.title}" marks none.`);
  compare(findings, expected, rule.meta.id);
  if (example.fixed) {
    const { text } = await lintExample(rule, example, true);
    for (const [file, output] of Object.entries(example.fixed)) deepStrictEqual(text(file), output, `${file} after --fix`);
  }
}

/** What `testRule` registers tests with: vitest's (or Jest's, node:test's) `describe` and `it`. */
export interface TestHarness {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
}

/** Registers one test per example of `rule` (by default its documented ones). */
export function testRule(rule: Rule, harness: TestHarness, examples: Rule['meta']['examples'] = rule.meta.examples): void {
  harness.describe(`rule ${rule.meta.id}`, () => {
    for (const example of examples.valid) harness.it(`valid: ${example.title}`, () => checkExample(rule, example, 'valid'));
    for (const example of examples.invalid) harness.it(`invalid: ${example.title}`, () => checkExample(rule, example, 'invalid'));
  });
}
