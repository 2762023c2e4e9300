import { describe, expect, it } from 'vitest';
import { stylish } from '../../../src/lint/reporters/stylish.ts';
import { context, emptyResult, sampleResult } from './sample.ts';

describe('stylish reporter', () => {
  it('groups findings under each file in aligned columns, then tallies them', () => {
    expect(stylish(sampleResult(), context)).toBe(
      [
        '',
        'content/plans/q3 budget.md',
        '   12:3   error    Over by 12% in Q3: staff, travel | kit See Café «Zürich» ✓  budget',
        '  108:15  warning  Unknown record `hr`                                         dangling-reference',
        '',
        'content/systems/crm.md',
        '  1:1  error    System has no owner. Add `owner:` to the front matter  owner-required',
        '  4:9  warning  Unknown record `acme-old`. Did you mean `acme`?        dangling-reference',
        '',
        '✖ 4 problems (2 errors, 2 warnings)',
        '  1 problem fixable with --fix',
        '',
      ].join('\n'),
    );
  });

  it('says nothing at all when there are no findings', () => {
    expect(stylish(emptyResult(), context)).toBe('');
  });

  it('uses the singular and leaves out the fix line when nothing is fixable', () => {
    const [one] = sampleResult().findings.filter((f) => f.ruleId === 'owner-required');
    const result = sampleResult({ findings: [one!], errorCount: 1, warningCount: 0, fixableCount: 0 });
    expect(stylish(result, context)).toBe(
      [
        '',
        'content/systems/crm.md',
        '  1:1  error  System has no owner. Add `owner:` to the front matter  owner-required',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('colours with ANSI escapes only when asked to', () => {
    const coloured = stylish(sampleResult(), { ...context, color: true });
    expect(coloured).toContain('\u001b[4mcontent/systems/crm.md\u001b[24m'); // underlined file
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured).toContain('\u001b[1m\u001b[31m✖ 4 problems');
    // Same text once the escapes are stripped: colour never shifts the columns.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(stylish(sampleResult(), context));
    expect(stylish(sampleResult(), context)).not.toContain('\u001b[');
  });

  it('colours the tally yellow when there are only warnings', () => {
    const warnings = sampleResult().findings.filter((f) => f.severity === 'warning');
    const result = sampleResult({ findings: warnings, errorCount: 0, warningCount: 2 });
    expect(stylish(result, { ...context, color: true })).toContain('\u001b[1m\u001b[33m✖ 2 problems');
  });
});
