// Link defects injected into a copy of the shipped example: a broken link, an anchor that names no
// heading, and a public page linking a confidential record. Each is reported by its rule at its file
// and line, by `seam lint` and (for the link rule's findings) by `seam links`; nothing else changes.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTENT, exampleCopy, tempContent } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function inject(dir: string, file: string, from: string, to: string) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`injection did not apply to ${file}`);
  writeFileSync(path, text.replace(from, to));
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

const summary = (f: JsonFinding) => `${f.ruleId} ${f.severity} ${f.file}:${f.line}:${f.column}`;

describe('link defects injected into the example content', () => {
  const dir = exampleCopy();
  made.push(dir);
  // A misspelt page.
  inject(dir, 'policies/integration-policy.mdx', '(supplier-management-procedure.mdx)', '(supplier-managment-procedure.mdx)');
  // An anchor naming no heading on the target page.
  inject(dir, 'docs/about.mdx', '[how to author records](how-to-author.mdx)', '[how to author records](how-to-author.mdx#record-types)');
  // A public page linking the confidential plan of a project.
  inject(dir, 'docs/glossary.mdx', 'Each workstream has exactly one.', 'Each workstream has exactly one; see the [policy administration plan](../projects/policy-admin-migration/plan.mdx).');

  it('seam lint reports each with its rule, file, line and column, and nothing else new', async () => {
    const r = await seam(['lint', '--content', dir, '--today', '2026-11-20', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(r.stdout) as { findings: JsonFinding[]; errorCount: number };
    expect(r.code).toBe(1);
    expect(json.findings.map(summary)).toEqual([
      'links error docs/about.mdx:36:274',
      'classification error docs/glossary.mdx:11:131',
      'links error policies/integration-policy.mdx:61:69',
      // The shipped catalogue's documented warning.
      'currency warning standards/eskitp5045.yaml:8:11',
    ]);
    const [anchor, classification, broken] = json.findings;
    expect(anchor!.message).toMatch(/^No heading on docs\/how-to-author\.mdx has the anchor "#record-types"\. (Did you mean|Its anchors are)/);
    expect(classification!.message).toBe(
      'This public handbook page links to "Plan and budget - policy administration migration" (projects/policy-admin-migration/plan.mdx), which is confidential: readers of a public build cannot follow the link, and it reveals that the record exists. Either raise this page\'s classification (set "classification: confidential") or remove the link.',
    );
    expect(broken!.message).toBe('The link "supplier-managment-procedure.mdx" points at policies/supplier-managment-procedure.mdx, which does not exist. Did you mean "supplier-management-procedure.mdx"?');
  });

  it('seam links reports the two link defects alone', async () => {
    const r = await seam(['links', '--content', dir, '--today', '2026-11-20', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map(summary)).toEqual([
      'links error docs/about.mdx:36:274',
      'links error policies/integration-policy.mdx:61:69',
    ]);
  });
});
