// A lint run built by hand, shared by the reporter tests: two files with findings (errors and
// warnings, one fixable), a clean file, a rule with no findings and one turned off, and a message with
// every character the reporters must escape: % newline : , | and non-ASCII.

import type { Finding, LintResult, RuleDescriptor } from '../../../src/rule-kit/finding.ts';
import type { ReporterContext } from '../../../src/lint/reporters/index.ts';

export const rules: RuleDescriptor[] = [
  {
    id: 'budget',
    description: 'Budget lines add up to the stated total.',
    criteria: ['PC4', 'PC7'],
    severity: 'error',
    docs: 'Each budget table must sum to its total row.',
    url: 'https://seam.example/rules/budget',
    fixable: false,
  },
  {
    id: 'dangling-reference',
    description: 'References point at records that exist.',
    criteria: ['PC2'],
    severity: 'warning',
    docs: 'A `ref:` must name an existing record.',
    url: 'https://seam.example/rules/dangling-reference',
    fixable: true,
  },
  {
    id: 'owner-required',
    description: 'Every system names an owner.',
    criteria: ['PC1'],
    severity: 'error',
    docs: '',
    url: 'https://seam.example/rules/owner-required',
    fixable: false,
  },
  {
    id: 'review-date',
    description: 'Policies carry a review date.',
    criteria: [],
    severity: 'off',
    docs: 'Off by default.',
    url: 'https://seam.example/rules/review-date',
    fixable: false,
  },
];

/** The message with every special character: % newline : , | and non-ASCII. */
export const trickyMessage = 'Over by 12% in Q3: staff, travel | kit\nSee Café «Zürich» ✓';

// Deliberately out of order: reporters sort by file, line, column, rule, message.
export const findings: Finding[] = [
  {
    ruleId: 'dangling-reference',
    severity: 'warning',
    file: 'content/systems/crm.md',
    line: 4,
    column: 9,
    endLine: 4,
    endColumn: 21,
    message: 'Unknown record `acme-old`. Did you mean `acme`?',
    fix: [{ start: 40, end: 48, text: 'acme' }],
  },
  {
    ruleId: 'budget',
    severity: 'error',
    file: 'content/plans/q3 budget.md',
    line: 12,
    column: 3,
    endLine: 12,
    endColumn: 30,
    message: trickyMessage,
  },
  {
    ruleId: 'owner-required',
    severity: 'error',
    file: 'content/systems/crm.md',
    line: 1,
    column: 1,
    endLine: 3,
    endColumn: 4,
    message: 'System has no owner. Add `owner:` to the front matter.',
  },
  {
    ruleId: 'dangling-reference',
    severity: 'warning',
    file: 'content/plans/q3 budget.md',
    line: 108,
    column: 15,
    message: 'Unknown record `hr`.',
  },
];

export function sampleResult(overrides: Partial<LintResult> = {}): LintResult {
  return {
    findings,
    files: ['content/plans/q3 budget.md', 'content/systems/crm.md', 'content/systems/erp.md'],
    rules,
    errorCount: 2,
    warningCount: 2,
    fixableCount: 1,
    ...overrides,
  };
}

export function emptyResult(): LintResult {
  return sampleResult({ findings: [], errorCount: 0, warningCount: 0, fixableCount: 0 });
}

export const context: ReporterContext = {
  cwd: '/work/repo',
  version: '1.2.3',
  informationUri: 'https://seam.example',
  color: false,
};
