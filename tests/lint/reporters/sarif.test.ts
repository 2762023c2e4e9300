import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../../src/lint/reporters/sarif.ts';
import { context, emptyResult, rules, sampleResult, trickyMessage } from './sample.ts';

// The SARIF 2.1.0 schema as the SARIF SDK ships it (npm @microsoft/sarif-multitool-linux, MIT,
// `sarif-2.1.0.json`), copied verbatim; it declares JSON Schema draft 2020-12.
const schema = JSON.parse(
  readFileSync(new URL('../../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function parse(output: string): Log {
  return JSON.parse(output) as Log;
}

describe('sarif reporter', () => {
  it('writes a log that validates against the SARIF 2.1.0 schema', () => {
    const log = parse(sarif(sampleResult(), context));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate(parse(sarif(emptyResult(), context))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is a schema the validator really enforces', () => {
    const log = parse(sarif(sampleResult(), context));
    log.runs[0]!.results![0]!.level = 'fatal' as 'error';
    expect(validate(log)).toBe(false);
  });

  it('is byte-identical for identical input, whatever order the findings arrive in', () => {
    const first = sarif(sampleResult(), context);
    expect(sarif(sampleResult(), context)).toBe(first);
    const reversed = sampleResult({ findings: [...sampleResult().findings].reverse() });
    expect(sarif(reversed, context)).toBe(first);
  });

  it('names the standard of each criterion a rule protects: ESKITP5045 for unqualified ids, any other by its id', () => {
    const result = sampleResult();
    const descriptor = { ...result.rules[1]!, criteria: ['eskitp5045:P5', 'K3', 'sp800-53-low:cm-4', 'sp800-53-low:sa-9'] };
    const rule = parse(sarif({ ...result, rules: [descriptor] }, context)).runs[0]!.tool.driver.rules![0]!;
    expect(rule.fullDescription!.text).toBe('References point at records that exist. Protects ESKITP5045 P5, K3; SP800-53-LOW cm-4, sa-9.');
    expect(rule.properties!.tags).toEqual(['eskitp5045:P5', 'eskitp5045:K3', 'sp800-53-low:cm-4', 'sp800-53-low:sa-9']);
  });

  it('describes the tool and every rule of the catalogue, with or without findings', () => {
    const log = parse(sarif(sampleResult(), context));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'Seam', version: '1.2.3', informationUri: 'https://seam.example' });
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    for (const rule of run.tool.driver.rules!) {
      expect(rule.helpUri).toBe(`https://seam.example/rules/${rule.id}`);
    }
    expect(run.tool.driver.rules![1]).toEqual({
      id: 'dangling-reference',
      name: 'DanglingReference',
      shortDescription: { text: 'References point at records that exist.' },
      fullDescription: { text: 'References point at records that exist. Protects ESKITP5045 PC2.' },
      help: {
        text: 'A `ref:` must name an existing record.',
        markdown:
          'A `ref:` must name an existing record.\n\n' +
          '[Documentation for `dangling-reference`](https://seam.example/rules/dangling-reference)',
      },
      helpUri: 'https://seam.example/rules/dangling-reference',
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['eskitp5045:PC2'], 'problem.severity': 'warning' },
    });
    const off = run.tool.driver.rules!.find((r) => r.id === 'review-date')!;
    expect(off.defaultConfiguration).toEqual({ enabled: false, level: 'none' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(run.originalUriBaseIds).toEqual({
      '%SRCROOT%': { description: { text: 'The repository root.' } },
    });
  });

  it('reports each finding at a repository-relative, URI-encoded location', () => {
    const run = parse(sarif(sampleResult(), context)).runs[0]!;
    const ruleIds = run.tool.driver.rules!.map((r) => r.id);
    for (const result of run.results!) {
      expect(ruleIds[result.ruleIndex!]).toBe(result.ruleId);
    }
    expect(run.results![0]).toMatchObject({
      ruleId: 'budget',
      level: 'error',
      message: { text: trickyMessage },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'content/plans/q3%20budget.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 30 },
          },
        },
      ],
    });
    // No end given, none invented.
    expect(run.results![1]!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 108, startColumn: 15 });
    expect(run.results!.map((r) => r.level)).toEqual(['error', 'warning', 'error', 'warning']);
  });

  it('percent-encodes each path segment but keeps the slashes', () => {
    const result = sampleResult({
      findings: [{ ruleId: 'budget', severity: 'error', file: 'docs/über plan/100% #1.md', line: 1, column: 1, message: 'x' }],
    });
    const location = parse(sarif(result, context)).runs[0]!.results![0]!.locations![0]!;
    expect(location.physicalLocation!.artifactLocation!.uri).toBe('docs/%C3%BCber%20plan/100%25%20%231.md');
  });

  it('fingerprints a finding by rule, file and message, so moving it does not make a new alert', () => {
    const fingerprintOf = (line: number, message = 'Unknown record `hr`.') => {
      const result = sampleResult({
        findings: [{ ruleId: 'dangling-reference', severity: 'warning', file: 'a.md', line, column: 1, message }],
      });
      return parse(sarif(result, context)).runs[0]!.results![0]!.partialFingerprints!;
    };
    expect(fingerprintOf(3)).toEqual(fingerprintOf(40));
    expect(fingerprintOf(3).primaryLocationLineHash).toMatch(/^[0-9a-f]{64}:1$/);
    expect(fingerprintOf(3)).not.toEqual(fingerprintOf(3, 'Unknown record `it`.'));
  });

  it('keeps identical findings in one file apart by counting them', () => {
    const same = { ruleId: 'budget', severity: 'error', file: 'a.md', column: 1, message: 'Totals differ.' } as const;
    const result = sampleResult({ findings: [{ ...same, line: 9 }, { ...same, line: 2 }] });
    const hashes = parse(sarif(result, context)).runs[0]!.results!.map((r) => r.partialFingerprints!.primaryLocationLineHash!);
    expect(hashes[0]!.replace(/:1$/, ':2')).toBe(hashes[1]);
  });

  it('adds a stub rule for a finding whose rule is not in the catalogue', () => {
    const result = sampleResult({
      findings: [{ ruleId: 'schema', severity: 'error', file: 'a.md', line: 1, column: 1, message: 'Bad YAML.' }],
    });
    const log = parse(sarif(result, context));
    const run = log.runs[0]!;
    expect(run.tool.driver.rules!.at(-1)).toMatchObject({ id: 'schema', helpUri: 'https://seam.example' });
    expect(run.results![0]!.ruleIndex).toBe(rules.length);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });
});
