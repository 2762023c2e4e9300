// The record graph: references resolved, problems as values with file:line:column, never a throw.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/model/graph.ts';
import { MAX_FILE_BYTES } from '../../src/model/bounds.ts';
import { EXAMPLE_CONTENT, EXAMPLE_GRAPH, RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
const temp = (files: Record<string, string | null>, base: string | null = RULE_BASE) => {
  const dir = tempContent(base, files);
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const brief = (g: Awaited<ReturnType<typeof loadGraph>>) => g.problems.map((p) => `${p.file}:${p.line}:${p.column} [${p.code}] ${p.message}`);

describe('record graph', () => {
  it('resolves references across collections and projects', async () => {
    const g = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
    const project = g.projects.get('policy-admin-migration')!;
    expect(project.charter!.data!.systems.every((s) => g.systems.has(s))).toBe(true);
    expect(project.status.map((s) => s.data!.date)).toEqual([...project.status.map((s) => s.data!.date)].sort());
    expect(project.plan!.classification).toBe('confidential');
    expect(g.organisations.get('harbour-mutual')!.data!.kind).toBe('acquirer');
  });

  it('reports a dangling reference at the value, with a suggestion', async () => {
    const charter = readFileSync(join(RULE_BASE, 'projects/alpha/index.mdx'), 'utf8').replace('systems: [crm, billing]', 'systems: [crm, biling]');
    const g = await loadGraph(temp({ 'projects/alpha/index.mdx': charter }));
    expect(brief(g)).toEqual(['projects/alpha/index.mdx:9:16 [dangling-reference] Unknown system "biling" (not found in content/systems/). Did you mean "billing"?']);
  });

  it('reports a duplicate id with both places', async () => {
    const register = readFileSync(join(RULE_BASE, 'projects/alpha/stakeholders.mdx'), 'utf8').replace('  - id: ben', '  - id: ana');
    const g = await loadGraph(temp({ 'projects/alpha/stakeholders.mdx': register }));
    expect(brief(g)).toEqual(['projects/alpha/stakeholders.mdx:12:9 [duplicate-id] Duplicate id "ana" in "stakeholders" (first used on line 4). Ids in a list must be unique: rename one.']);
  });

  it('scopes project ids to their project', async () => {
    const plan = readFileSync(join(RULE_BASE, 'projects/alpha/plan.mdx'), 'utf8');
    const g = await loadGraph(temp({ 'projects/beta/plan.mdx': plan }));
    expect(brief(g)).toContainEqual('projects/beta/plan.mdx:18:17 [dangling-reference] Unknown workstream "data" (not found in the charter\'s "workstreams").');
  });

  it('turns bad files into problems, never exceptions', async () => {
    const dir = temp({
      'organisations/broken.mdx': '---\ntitle: Broken\nkind: [acquirer\n---\n',
      'organisations/unclosed.mdx': '---\ntitle: Unclosed\nkind: acquirer\n',
      'organisations/nofront.mdx': '## Role in the integration\n\nNo frontmatter.\n',
      'organisations/Bad_Name.mdx': '---\ntitle: Bad\nkind: acquirer\n---\n',
      'organisations/deep.mdx': `---\ntitle: Deep\nkind: acquirer\nx: ${'['.repeat(40)}${']'.repeat(40)}\n---\n`,
      'organisations/alias.mdx': '---\ntitle: Alias\nkind: acquirer\na: &a [x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n---\n',
    });
    writeFileSync(join(dir, 'organisations/latin1.mdx'), Buffer.from('---\ntitle: Caf\xe9\nkind: acquirer\n---\n', 'latin1'));
    writeFileSync(join(dir, 'organisations/huge.mdx'), `---\ntitle: Huge\nkind: acquirer\n---\n${'x'.repeat(MAX_FILE_BYTES + 10)}`);
    const g = await loadGraph(dir);
    const byFile = Object.fromEntries(g.problems.map((p) => [p.file, `${p.line}:${p.column} [${p.code}] ${p.message}`]));
    expect(byFile['organisations/broken.mdx']).toMatch(/^4:1 \[yaml\] Broken YAML: /);
    expect(byFile['organisations/unclosed.mdx']).toBe('1:1 [yaml] The frontmatter is not closed: add a line with only `---` after the last field.');
    expect(byFile['organisations/nofront.mdx']).toBe('1:1 [schema] The organisation has no frontmatter. Start the file with a "---" line, the fields (at least "title:"), and another "---" line.');
    expect(byFile['organisations/Bad_Name.mdx']).toBe('1:1 [naming] The file name "Bad_Name" is the record\'s id and must be kebab-case. Rename it, for example to "bad-name".');
    expect(byFile['organisations/deep.mdx']).toMatch(/^4:36 \[yaml\] The YAML is nested \d+ levels deep; Seam accepts at most 32/);
    expect(byFile['organisations/alias.mdx']).toMatch(/^\d+:\d+ \[schema\] Unknown fields "a", "b"/);
    expect(byFile['organisations/latin1.mdx']).toBe('2:11 [encoding] The file is not valid UTF-8 (byte 0xe9 at offset 14). Save it as UTF-8.');
    expect(byFile['organisations/huge.mdx']).toMatch(/^1:1 \[file-too-large\] The file is 2\.0 MiB; Seam reads content files up to 2 MiB/);
  });

  it('reports a missing content folder as a problem', async () => {
    const g = await loadGraph('/no/such/folder');
    expect(g.problems).toEqual([expect.objectContaining({ code: 'content-root', message: expect.stringContaining('does not exist') })]);
  });
});
