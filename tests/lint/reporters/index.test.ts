import { describe, expect, it } from 'vitest';
import { isReporterName, reporterNames, reporters } from '../../../src/lint/reporters/index.ts';
import { context, emptyResult, sampleResult } from './sample.ts';

describe('reporter registry', () => {
  it('offers stylish, json, sarif and github behind one interface', () => {
    expect(Object.keys(reporters).sort()).toEqual(['github', 'json', 'sarif', 'stylish']);
    expect([...reporterNames].sort()).toEqual(Object.keys(reporters).sort());
    for (const name of reporterNames) {
      const output = reporters[name](sampleResult(), context);
      expect(output.endsWith('\n'), name).toBe(true);
    }
  });

  it('lets the CLI check a --format value', () => {
    expect(isReporterName('sarif')).toBe(true);
    expect(isReporterName('junit')).toBe(false);
    expect(isReporterName('toString')).toBe(false);
  });

  it('keeps stylish and github silent on a clean run, while json and sarif still describe it', () => {
    expect(reporters.stylish(emptyResult(), context)).toBe('');
    expect(reporters.github(emptyResult(), context)).toBe('');
    expect(reporters.json(emptyResult(), context)).not.toBe('');
    expect(reporters.sarif(emptyResult(), context)).not.toBe('');
  });
});
