// The site's lint state is the engine's result for the content the site is built from: the same
// findings and coverage as `seam lint` and `seam coverage`, against the configured today.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeSiteLint, getSiteLint } from '../../src/site/data/lint-state.ts';
import { readSource } from '../../src/model/source.ts';
import { contentMin, REPO, tempContent } from '../helpers/content.ts';

const FIXTURE = contentMin();
afterAll(() => rmSync(FIXTURE, { recursive: true, force: true }));

describe('computeSiteLint', () => {
  it('lints the configured content against the configured today, once per build', async () => {
    const state = await computeSiteLint({ cwd: REPO, env: { SEAM_CONTENT: FIXTURE } });
    expect(state.today).toBe('2026-11-20');
    expect(state.contentRoot).toBe(FIXTURE);
    expect(state.coverage.projects.map((p) => p.id)).toEqual(['crm-merge']);
    expect(state.rules.map((r) => r.id)).toContain('budget');
    // The rule catalogue the site lists is the workspace's: the repository's plugin and custom rule too.
    expect(state.workspaceRules.map((r) => r.meta.id)).toEqual(expect.arrayContaining(['budget', 'status-summary-length', 'policy-version']));
    expect(state.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['status-summary-length', 'policy-version']));
    // Findings are found by the record a page shows.
    const charter = state.recordOf('charter', 'crm-merge');
    expect(charter?.file).toBe('projects/crm-merge/index.mdx');
    expect(state.findingsIn(charter!.file)).toEqual(state.findings.filter((f) => f.file.endsWith('projects/crm-merge/index.mdx')));
  });

  it('keeps what pages read of each record once its syntax is let go: data, text, body and where a field is', async () => {
    const state = await computeSiteLint({ cwd: REPO, env: { SEAM_CONTENT: FIXTURE } });
    const charter = state.recordOf('charter', 'crm-merge')!;
    const fresh = readSource(join(FIXTURE, charter.file), charter.file);
    expect(charter.source.text).toBe(fresh.text);
    expect(charter.source.body).toBe(fresh.body);
    expect(charter.source.data).toEqual(fresh.data);
    expect(charter.source.locate(['title'])).toEqual(fresh.locate(['title']));
    expect(charter.source.positionAt(fresh.bodyOffset)).toEqual(fresh.positionAt(fresh.bodyOffset));
    // The YAML document is parsed again only when asked for, and is then the file's.
    expect(charter.source.yaml?.toJS()).toEqual(fresh.yaml?.toJS());
    for (const map of state.graph.coverageMaps) expect(map.source.text).toBe(readSource(join(FIXTURE, map.file), map.file).text);
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

  it('names records above the build\'s audience as "a restricted record", and suggests only what it may read', async () => {
    // A public handbook page links to a confidential system with a wrong anchor, to a misspelt system
    // id and to a misspelt page; the confidential system is the nearest match of each.
    const content = tempContent(FIXTURE, {
      'systems/contoso-crm.mdx': '---\ntitle: Contoso Ledger Vault\nclassification: confidential\nowner: contoso\nkind: application\nlifecycle: retiring\ninterfaces: [northwind-crm]\n---\n\n## Purpose of the vault\n\nSecret.\n',
      'docs/leaky.mdx': '---\ntitle: Leaky\n---\n\nSee [the vault](../systems/contoso-crm.mdx#purpose), [ledger](system:contoso-crn) and [page](../systems/contoso-crn.mdx).\n',
    });
    try {
      const messages = async (audience: string) => {
        const state = await computeSiteLint({ cwd: REPO, env: { SEAM_CONTENT: content, SEAM_AUDIENCE: audience } });
        return state.findingsIn('docs/leaky.mdx').map((f) => `${f.ruleId}: ${f.message}`);
      };
      const everything = await messages('confidential');
      expect(everything).toEqual([
        'classification: This public handbook page links to "Contoso Ledger Vault" (systems/contoso-crm.mdx), which is confidential: readers of a public build cannot follow the link, and it reveals that the record exists. Either raise this page\'s classification (add "classification: confidential"; handbook pages are public unless they say otherwise) or remove the link.',
        'links: No heading on systems/contoso-crm.mdx has the anchor "#purpose". Its anchors are: #purpose-of-the-vault.',
        'links: Unknown system "contoso-crn" in the link "system:contoso-crn". Did you mean "system:contoso-crm"?',
        'links: The link "../systems/contoso-crn.mdx" points at systems/contoso-crn.mdx, which does not exist. Did you mean "../systems/contoso-crm.mdx"?',
      ]);
      const forPublic = await messages('public');
      expect(forPublic).toEqual([
        'classification: This public handbook page links to a restricted record, which is confidential: readers of a public build cannot follow the link, and it reveals that the record exists. Either raise this page\'s classification (add "classification: confidential"; handbook pages are public unless they say otherwise) or remove the link.',
        'links: No heading on a restricted record has the anchor "#purpose".',
        'links: Unknown system "contoso-crn" in the link "system:contoso-crn". Id links are written like system:crm.',
        'links: The link "../systems/contoso-crn.mdx" points at systems/contoso-crn.mdx, which does not exist.',
      ]);
      expect(forPublic.join('\n')).not.toMatch(/Ledger|vault|contoso-crm/i);
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
