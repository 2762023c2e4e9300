// Audience builds: which records readers of a `public`, `internal` or `confidential` build may see.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeAudience, effectiveClassification, resolveAudience, restrictGraph, visibleFiles, visibleTo } from '../../src/model/audience.ts';
import { loadGraph } from '../../src/model/graph.ts';
import { EXAMPLE_CONTENT, EXAMPLE_GRAPH, RULE_BASE, tempContent } from '../helpers/content.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('visibleTo', () => {
  it('lets each audience see its own classification and those below it', () => {
    expect(['public', 'internal', 'confidential'].map((c) => visibleTo('public', c as never))).toEqual([true, false, false]);
    expect(['public', 'internal', 'confidential'].map((c) => visibleTo('internal', c as never))).toEqual([true, true, false]);
    expect(['public', 'internal', 'confidential'].map((c) => visibleTo('confidential', c as never))).toEqual([true, true, true]);
  });
});

describe('resolveAudience', () => {
  const config = (audience?: 'public' | 'internal' | 'confidential') => ({ site: audience ? { audience } : {} });

  it('fails closed: a build that names no audience is public, and says why', () => {
    const setting = resolveAudience(config(), {});
    expect(setting).toEqual({ ok: true, audience: 'public', source: 'default' });
    expect(describeAudience(setting as Extract<typeof setting, { ok: true }>)).toBe(
      'Building for the public audience (no audience was set (SEAM_AUDIENCE or site.audience in seam.config.yaml), so the build fails closed): records classified above "public" are left out of every page, the search index and the sitemap.',
    );
  });

  it('takes site.audience from seam.config.yaml, and SEAM_AUDIENCE over it', () => {
    expect(resolveAudience(config('internal'), {})).toEqual({ ok: true, audience: 'internal', source: 'config' });
    expect(resolveAudience(config('internal'), { SEAM_AUDIENCE: 'Public' })).toEqual({ ok: true, audience: 'public', source: 'env' });
    expect(resolveAudience(config('internal'), { SEAM_AUDIENCE: '' })).toEqual({ ok: true, audience: 'internal', source: 'config' });
    expect(describeAudience({ ok: true, audience: 'confidential', source: 'env' })).toBe('Building for the confidential audience (SEAM_AUDIENCE): every record is published.');
  });

  it('refuses an audience that does not exist, saying which do', () => {
    expect(resolveAudience(config(), { SEAM_AUDIENCE: 'partners' })).toEqual({
      ok: false,
      message: 'SEAM_AUDIENCE is "partners"; it must be one of: public, internal, confidential (or unset, to use site.audience in seam.config.yaml, else public).',
    });
  });
});

describe('visibleFiles', () => {
  it('publishes only public records to the public, and leaves confidential ones out of internal builds', async () => {
    const graph = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
    const forPublic = visibleFiles(graph, 'public');
    expect([...forPublic].every((file) => graph.byFile.get(file)!.classification === 'public')).toBe(true);
    expect(forPublic.has('standards/eskitp5045.yaml')).toBe(true);
    expect(forPublic.has('projects/policy-admin-migration/index.mdx')).toBe(false);

    const forInternal = visibleFiles(graph, 'internal');
    expect(forInternal.has('projects/policy-admin-migration/index.mdx')).toBe(true);
    expect(forInternal.has('projects/policy-admin-migration/plan.mdx')).toBe(false);
    expect(graph.records.length - forInternal.size).toBe(graph.records.filter((r) => r.classification === 'confidential').length);
    expect(visibleFiles(graph, 'confidential').size).toBe(graph.records.length);
  });

  it('keeps a public record of an internal project out of a public build, with its project', async () => {
    const register = readFileSync(join(RULE_BASE, 'projects/alpha/stakeholders.mdx'), 'utf8').replace('title: Alpha stakeholders', 'title: Alpha stakeholders\nclassification: public');
    const dir = tempContent(RULE_BASE, { 'projects/alpha/stakeholders.mdx': register });
    made.push(dir);
    const graph = await loadGraph(dir);
    const publicRegister = graph.byFile.get('projects/alpha/stakeholders.mdx')!;
    expect(publicRegister.classification).toBe('public');
    expect(effectiveClassification(publicRegister, graph)).toBe('internal');
    expect(visibleFiles(graph, 'public').has('projects/alpha/stakeholders.mdx')).toBe(false);
    expect(visibleFiles(graph, 'internal').has('projects/alpha/stakeholders.mdx')).toBe(true);
  });
});

describe('restrictGraph', () => {
  it('is the graph an audience build sees: its records only, references among them', async () => {
    const graph = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
    const internal = restrictGraph(graph, 'internal');
    expect(internal.records.map((r) => r.file)).toEqual([...visibleFiles(graph, 'internal')].sort());
    expect(internal.projects.get('policy-admin-migration')!.plan).toBeUndefined();
    expect(internal.projects.get('policy-admin-migration')!.charter).toBeDefined();
    expect(restrictGraph(graph, 'public').projects.size).toBe(0);
    expect(restrictGraph(graph, 'confidential')).toBe(graph);
  });
});
