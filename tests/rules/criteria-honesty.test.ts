// A rule claims only the criteria it shows it checks. Each criterion in a rule's `criteria` must be
// named by at least one of its invalid examples (`criteria: [...]` on the example), which the rule
// tester runs (tests/rules/examples.test.ts): the example's findings are the demonstration. An example
// may name only criteria its rule lists, and every id must exist in the ESKITP5045 catalogue. The
// standard page's "rules that check it" reads the same metadata, so it repeats no claim the rules do
// not back.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/model/graph.ts';
import { rules } from '../../rules/index.ts';
import { ruleCriterionKey } from '../../src/rule-kit/rule.ts';
import { EXAMPLE_CONTENT, EXAMPLE_GRAPH } from '../helpers/content.ts';

const catalogue = (await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH)).criteria;

describe.each(rules.map((r) => [r.meta.id, r] as const))('rule %s', (_id, rule) => {
  const { criteria, examples } = rule.meta;

  it('lists only criteria of the catalogue, once each', () => {
    // A rule's criteria are ESKITP5045's unless qualified (RULE_CRITERIA_STANDARD), whatever the primary standard.
    expect(criteria.filter((c) => !catalogue.has(ruleCriterionKey(c)))).toEqual([]);
    expect(new Set(criteria).size).toBe(criteria.length);
  });

  it('demonstrates each criterion it lists with an invalid example', () => {
    const demonstrated = new Set(examples.invalid.flatMap((e) => e.criteria ?? []));
    expect(criteria.filter((c) => !demonstrated.has(c)), 'criteria no invalid example names in its `criteria`').toEqual([]);
  });

  it('names in its examples only criteria the rule lists', () => {
    const listed = new Set(criteria);
    const stray = examples.invalid.flatMap((e) => (e.criteria ?? []).filter((c) => !listed.has(c)).map((c) => `${e.title}: ${c}`));
    expect(stray).toEqual([]);
    // A valid example demonstrates no check, so it names no criterion.
    expect(examples.valid.filter((e) => e.criteria?.length).map((e) => e.title)).toEqual([]);
  });
});

it('no longer repeats the claims the issue found false', () => {
  const claims = new Map(rules.map((r) => [r.meta.id, r.meta.criteria]));
  expect(claims.get('criteria-refs')).not.toEqual(expect.arrayContaining(['P1']));
  expect(claims.get('criteria-refs')).not.toContain('K7');
  expect(claims.get('mermaid')).not.toContain('K36');
  expect(claims.get('coverage')).not.toContain('P10');
  expect(claims.get('coverage')).not.toContain('K25.6');
  expect(claims.get('classification')).not.toContain('K15');
});
