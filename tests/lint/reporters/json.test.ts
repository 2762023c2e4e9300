import { describe, expect, it } from 'vitest';
import { json } from '../../../src/lint/reporters/json.ts';
import { compareFindings } from '../../../src/rule-kit/finding.ts';
import { context, emptyResult, sampleResult } from './sample.ts';

describe('json reporter', () => {
  it('round-trips: parsing the output gives back the run, findings in report order', () => {
    const result = sampleResult();
    expect(JSON.parse(json(result, context))).toEqual({
      version: '1.2.3',
      files: result.files,
      findings: [...result.findings].sort(compareFindings),
      errorCount: 2,
      warningCount: 2,
      fixableCount: 1,
    });
  });

  it('keeps messages with special characters intact', () => {
    const output = JSON.parse(json(sampleResult(), context)) as { findings: { message: string }[] };
    expect(output.findings.map((f) => f.message)).toContain('Over by 12% in Q3: staff, travel | kit\nSee Café «Zürich» ✓');
  });

  it('is pretty-printed with keys in a fixed order, whatever order the finding was built in', () => {
    const [first] = sampleResult().findings;
    const shuffled = Object.fromEntries(Object.entries(first!).reverse()) as typeof first;
    const output = json(sampleResult({ findings: [shuffled!] }), context);
    expect(output).toBe(json(sampleResult({ findings: [first!] }), context));
    expect(Object.keys(JSON.parse(output) as object)).toEqual([
      'version',
      'files',
      'findings',
      'errorCount',
      'warningCount',
      'fixableCount',
    ]);
    expect(output).toMatch(/^\{\n {2}"version": "1\.2\.3",\n/);
    expect(output.endsWith('}\n')).toBe(true);
    expect(Object.keys((JSON.parse(output) as { findings: object[] }).findings[0]!)).toEqual([
      'ruleId',
      'severity',
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'message',
      'fix',
    ]);
  });

  it('reports a clean run as an empty list', () => {
    expect(JSON.parse(json(emptyResult(), context))).toMatchObject({ findings: [], errorCount: 0 });
  });
});
