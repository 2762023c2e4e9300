// The coverage map is data an auditor can check: every criterion of the catalogue is accounted for — by
// a project record type that is required from some phase, by a policy that exists and lists it, or as not
// applicable with a reason — and nothing in the map names what does not exist. The set of criteria is
// derived here from the catalogue's YAML, not from Seam's loader. Bad map data is a located finding.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadGraph } from '../../src/model/graph.ts';
import { COVERAGE_MAP_CODE } from '../../src/model/coverage-map.ts';
import { recordTypeByName } from '../../src/model/record-types.ts';
import { seam } from '../helpers/cli.ts';
import { lintText } from '../../src/lint/engine.ts';
import { configSchema } from '../../src/model/config.ts';
import coverageRule from '../../rules/coverage.ts';
import { EXAMPLE_CONTENT, EXAMPLE_GRAPH, RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Catalogue { criteria: { id: string; items?: { id: string }[] }[] }
interface MapFile {
  standard: string;
  records?: { type: string; section?: string; from?: string; criteria: string[] }[];
  policies?: { policy: string; section?: string; criteria: string[] }[];
  notApplicable?: { criteria: string[]; reason: string }[];
  claims?: { type: string; section: string; criteria: string[] }[];
}

/** Which criteria of `root`'s ESKITP5045 catalogue its coverage map leaves unaccounted for, and what it names that does not exist. */
function audit(root: string) {
  const catalogue = parse(readFileSync(join(root, 'standards/eskitp5045.yaml'), 'utf8')) as Catalogue;
  const map = parse(readFileSync(join(root, 'standards/eskitp5045.coverage.yaml'), 'utf8')) as MapFile;
  const items = new Map(catalogue.criteria.map((c) => [c.id, (c.items ?? []).map((i) => i.id)]));
  const all = catalogue.criteria.flatMap((c) => [c.id, ...(c.items ?? []).map((i) => i.id)]);
  const known = new Set(all);
  const expand = (ids: string[]) => ids.flatMap((id) => [id, ...(items.get(id) ?? [])]);
  const accounted = new Set<string>();
  const dangling: string[] = [];
  const checkIds = (where: string, ids: string[]) => ids.filter((id) => !known.has(id)).forEach((id) => dangling.push(`${where}: criterion ${id}`));
  for (const r of map.records ?? []) {
    const type = recordTypeByName.get(r.type);
    if (!type?.inProject) dangling.push(`records: type ${r.type}`);
    if (r.section && !type?.requiredSections.includes(r.section)) dangling.push(`records ${r.type}: section ${r.section}`);
    checkIds(`records ${r.type}`, r.criteria);
    if (r.from ?? type?.requiredFrom) expand(r.criteria).forEach((id) => accounted.add(id));
  }
  for (const p of map.policies ?? []) {
    const file = join(root, 'policies', `${p.policy}.mdx`);
    if (!existsSync(file)) dangling.push(`policies: policy ${p.policy}`);
    else {
      const listed = (parse(readFileSync(file, 'utf8').split(/^---$/m)[1]!) as { criteria?: string[] }).criteria ?? [];
      p.criteria.filter((id) => !listed.includes(id)).forEach((id) => dangling.push(`policies ${p.policy}: does not list ${id}`));
    }
    checkIds(`policies ${p.policy}`, p.criteria);
    expand(p.criteria).forEach((id) => accounted.add(id));
  }
  for (const n of map.notApplicable ?? []) {
    checkIds('notApplicable', n.criteria);
    if (n.reason.trim().length < 20) dangling.push(`notApplicable ${n.criteria.join(',')}: no reason`);
    expand(n.criteria).forEach((id) => accounted.add(id));
  }
  for (const c of map.claims ?? []) checkIds(`claims ${c.type}`, c.criteria);
  // A parent is accounted for when every one of its sub-items is.
  for (const [id, subs] of items) if (subs.length && subs.every((s) => accounted.has(s))) accounted.add(id);
  return { all, unaccounted: all.filter((id) => !accounted.has(id)), dangling };
}

describe('the ESKITP5045 coverage map', () => {
  it.each([['the example content', EXAMPLE_CONTENT], ['the rule examples\' base', RULE_BASE]])('accounts for all 131 criteria of the catalogue in %s, and names only what exists', async (_name, root) => {
    const { all, unaccounted, dangling } = audit(root);
    expect(all).toHaveLength(131);
    expect(unaccounted, 'criteria the coverage map does not account for').toEqual([]);
    expect(dangling, 'what the coverage map names that does not exist').toEqual([]);
    // Seam's own check of the map agrees.
    expect((await loadGraph(root, root === EXAMPLE_CONTENT ? EXAMPLE_GRAPH : {})).problems.filter((p) => p.code === COVERAGE_MAP_CODE)).toEqual([]);
  });

  it('names each policy the organisation evidences criteria through, so every project shows it', () => {
    const map = parse(readFileSync(join(EXAMPLE_CONTENT, 'standards/eskitp5045.coverage.yaml'), 'utf8')) as MapFile;
    expect(map.policies!.map((p) => p.policy).sort()).toEqual(['change-control-procedure', 'data-migration-standard', 'information-security-handling-policy', 'integration-policy', 'interface-standard', 'supplier-management-procedure']);
  });
});

describe('a coverage map with bad data', () => {
  const MAP = 'standards/eskitp5045.coverage.yaml';
  const good = readFileSync(join(RULE_BASE, MAP), 'utf8');
  const cases: [string, string, RegExp][] = [
    ['broken YAML', `${good}records: [\n`, /^standards\/eskitp5045\.coverage\.yaml:\d+:\d+: /],
    ['a list where a mapping belongs', 'standard: eskitp5045\nrecords: 5\n', /^standards\/eskitp5045\.coverage\.yaml:2:10: Coverage map: /],
    ['a criterion list written as one id', good.replace('criteria: [K25.7]', 'criteria: K25.7'), /^standards\/eskitp5045\.coverage\.yaml:\d+:15: Coverage map: .* must be a list/],
    ['an unknown field', good.replace('standard: eskitp5045', 'standard: eskitp5045\nversion: 2'), /^standards\/eskitp5045\.coverage\.yaml:\d+:1: Coverage map: /],
    ['a catalogue that does not exist', good.replace('standard: eskitp5045', 'standard: eskitp9999'), /^standards\/eskitp5045\.coverage\.yaml:\d+:11: A coverage map is named after its catalogue/],
    ['an empty file', '', /^standards\/eskitp5045\.coverage\.yaml:1:1: /],
  ];

  it.each(cases)('%s is a finding with file, line and column, never a crash', async (_name, text, expected) => {
    const graph = await loadGraph(tempContent(RULE_BASE, { [MAP]: text }));
    const problems = graph.problems.filter((p) => p.file === MAP).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => expected.test(p)), problems.join('\n')).toBe(true);
  });

  it('reaches `seam lint` as located findings of the coverage rule, and `seam coverage` still answers', async () => {
    const dir = tempContent(EXAMPLE_CONTENT, { [MAP]: 'standard: eskitp5045\nrecords:\n  - type: charter\n    criteria: [K99]\n' });
    made.push(dir);
    const lint = await seam(['lint', '--content', dir, '--format', 'json']);
    expect(lint.code).toBe(1);
    expect(lint.stderr).not.toMatch(/\n\s+at /);
    const findings = (JSON.parse(lint.stdout).findings as { ruleId: string; file: string; line: number; column: number; message: string }[]).filter((f) => f.file.endsWith(MAP));
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['1:11 coverage', '4:16 coverage']);
    expect(findings[1]!.message).toBe('Unknown criterion "K99": the catalogue "eskitp5045" does not define it. Check the id against the standard.');
    const coverage = await seam(['coverage', '--content', dir, '--format', 'json']);
    const json = JSON.parse(coverage.stdout);
    expect(json.cells.filter((c: { state: string }) => c.state === 'unaccounted').length).toBeGreaterThan(0);
  });
});

it('checks a coverage map being edited (the editor\'s text, not the file on disk)', async () => {
  const MAP = 'standards/eskitp5045.coverage.yaml';
  const root = tempContent(RULE_BASE);
  made.push(root);
  const options = { root, cwd: root, config: configSchema.parse({}), today: '2026-06-15', settings: [{ rule: coverageRule, severity: 'error' as const, options: { claimMinWords: 12 } }] };
  const edited = readFileSync(join(root, MAP), 'utf8').replace('criteria: [K25.7]', 'criteria: [K25.7, K99]');
  const findings = await lintText(options, MAP, edited);
  expect(findings.map((f) => f.message)).toEqual(['Unknown criterion "K99": the catalogue "eskitp5045" does not define it. Check the id against the standard.']);
  expect(await lintText(options, MAP, readFileSync(join(root, MAP), 'utf8'))).toEqual([]);
});
