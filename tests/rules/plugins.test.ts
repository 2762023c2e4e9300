// The example repository's local rule plugins (seam.config.yaml, `plugins`) run their documented
// examples with the same rule tester as Seam's own rules (tests/rules/examples.test.ts), and claim
// only the criteria their invalid examples demonstrate (as tests/rules/criteria-honesty.test.ts asks of
// Seam's rules). A repository using Seam keeps a test like this one for its plugins.
import { describe, expect, it } from 'vitest';
import { loadWorkspaceRules } from '../../src/lint/workspace-rules.ts';
import { testRule } from '../../src/lint/rule-tester.ts';
import { openWorkspace } from '../../src/model/workspace.ts';
import { REPO } from '../helpers/content.ts';

const workspace = openWorkspace({ cwd: REPO, env: {} });
const loaded = await loadWorkspaceRules({ config: workspace.config, configFile: workspace.configFile, contentRoot: workspace.contentRoot });
const pluginRules = loaded.plugins.flatMap((p) => p.ruleIds.map((id) => loaded.rules.find((r) => r.meta.id === id)!));

it('loads every plugin seam.config.yaml lists, each with its rules', () => {
  expect(loaded.problems).toEqual([]);
  expect(loaded.plugins.map((p) => p.name)).toEqual(workspace.config.plugins);
  expect(pluginRules.map((r) => r.meta.id)).toContain('status-summary-length');
});

describe.each(pluginRules.map((r) => [r.meta.id, r] as const))('plugin rule %s', (_id, rule) => {
  it('demonstrates each criterion it claims with an invalid example', () => {
    const demonstrated = new Set(rule.meta.examples.invalid.flatMap((e) => e.criteria ?? []));
    expect(rule.meta.criteria.filter((c) => !demonstrated.has(c))).toEqual([]);
    expect(rule.meta.examples.invalid.length).toBeGreaterThan(0);
  });
});

for (const rule of pluginRules) testRule(rule, { describe, it });
