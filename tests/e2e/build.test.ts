// The site builds from any content root, every collection gets pages, and bad content stops the build
// with the file, line and column to fix. Runs the real build (`npm run build`, a few seconds each), so
// it belongs to the e2e tier, not the unit tier.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentMin, REPO, tempContent } from '../helpers/content.ts';
import { buildSite } from './harness.ts';
import type { SiteBuild } from './harness.ts';

const FIXTURE = contentMin();
const builds: SiteBuild[] = [];
afterAll(() => {
  builds.forEach((built) => built.remove());
  rmSync(FIXTURE, { recursive: true, force: true });
});

async function build(content: string) {
  const built = await buildSite({ content });
  builds.push(built);
  return { status: built.status, output: built.output, page: (path: string) => join(built.outDir, path, 'index.html') };
}

describe('astro build', () => {
  it('renders a page for every record of the fixture', { timeout: 180_000 }, async () => {
    // A handbook folder's index page, with a broken link: its finding is listed on the rule's page like any record's.
    const content = tempContent(FIXTURE, { 'docs/authoring/index.mdx': '---\ntitle: Authoring\n---\n\nSee [the guide](missing-guide.mdx).\n' });
    const { status, output, page } = await build(content).finally(() => rmSync(content, { recursive: true, force: true }));
    expect(status, output).toBe(0);
    for (const path of [
      '', 'handbook', 'handbook/authoring', 'handbook/authoring/records', 'standard', 'policies', 'policies/integration-policy',
      'organisations/northwind', 'systems/northwind-crm', 'providers/bridgeworks', 'projects', 'projects/crm-merge',
      'projects/crm-merge/stakeholders', 'projects/crm-merge/plan', 'projects/crm-merge/status/2026-06-01',
      'projects/crm-merge/evaluations/bridgeworks-2026-q2', 'projects/crm-merge/changes/add-eircode',
      'projects/crm-merge/signoff', 'projects/crm-merge/lessons',
    ]) {
      expect(existsSync(page(path)), `/${path}/`).toBe(true);
    }
    const standard = readFileSync(page('standard'), 'utf8');
    expect(standard).toContain('id="k25-8"');
    const charter = readFileSync(page('projects/crm-merge'), 'utf8');
    expect(charter).toContain('<pre class="mermaid">flowchart LR');
    expect(charter).toContain('href="/organisations/northwind/"');
    const linksRule = readFileSync(page('rules/links'), 'utf8');
    expect(linksRule).toMatch(/docs\/authoring\/index\.mdx:5:5<\/span>\s*<span class="seam-finding__message">The link &quot;missing-guide\.mdx&quot;/);
  });

  it('stops on a schema error, naming the file, line and field', { timeout: 180_000 }, async () => {
    const content = tempContent(FIXTURE, {
      'policies/integration-policy.mdx': readFileSync(join(FIXTURE, 'policies/integration-policy.mdx'), 'utf8').replace('kind: policy', 'kind: rulebook'),
    });
    try {
      const { status, output } = await build(content);
      expect(status).not.toBe(0);
      expect(output).toMatch(/policies\/integration-policy\.mdx:5:7: "kind" must be one of: policy, standard, procedure, guideline/);
      expect(output).not.toContain('Stack trace');
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });
});
