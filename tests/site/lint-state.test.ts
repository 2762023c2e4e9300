// The site's lint state is the engine's result for the content the site is built from: the same
// findings and coverage as `seam lint` and `seam coverage`, against the configured today.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeSiteLint, getSiteLint } from '../../src/site/lint-state.ts';
import { REPO, tempContent } from '../helpers/content.ts';

const FIXTURE = join(REPO, 'tests/fixtures/content-min');

describe('computeSiteLint', () => {
  it('lints the configured content against the configured today, once per build', async () => {
    const state = await computeSiteLint({ cwd: REPO, env: { SEAM_CONTENT: FIXTURE } });
    expect(state.today).toBe('2026-11-20');
    expect(state.contentRoot).toBe(FIXTURE);
    expect(state.coverage.projects.map((p) => p.id)).toEqual(['crm-merge']);
    expect(state.rules.map((r) => r.id)).toContain('budget');
    // Findings are found by the record a page shows.
    const charter = state.recordOf('charter', 'crm-merge');
    expect(charter?.file).toBe('projects/crm-merge/index.mdx');
    expect(state.findingsIn(charter!.file)).toEqual(state.findings.filter((f) => f.file.endsWith('projects/crm-merge/index.mdx')));
  });

  it('reports a record’s own findings, with SEAM_TODAY overriding the configured date', async () => {
    const content = tempContent(FIXTURE, {});
    try {
      const state = await computeSiteLint({ cwd: REPO, env: { SEAM_CONTENT: content, SEAM_TODAY: '2040-01-01' } });
      expect(state.today).toBe('2040-01-01');
      const policy = state.recordOf('policies', 'integration-policy')!;
      expect(state.findingsIn(policy.file).map((f) => f.ruleId)).toContain('currency');
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });

  it('refuses a today that is not a date, naming where it came from', async () => {
    await expect(computeSiteLint({ cwd: REPO, env: { SEAM_CONTENT: FIXTURE, SEAM_TODAY: 'tomorrow' } })).rejects.toThrow(/SEAM_TODAY must be a date/);
  });

  it('shares one result between callers', async () => {
    const first = getSiteLint({ maxAgeMs: Number.POSITIVE_INFINITY });
    expect(getSiteLint({ maxAgeMs: Number.POSITIVE_INFINITY })).toBe(first);
    await first;
  });
});
