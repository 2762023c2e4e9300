// OSCAL catalogs in and out: NIST SP 800-53 rev5 LOW and OSCAL's basic example import with their
// groups, controls, enhancements, ids and statement text (parameters shown by value or label);
// ESKITP5045 exports as a structurally valid OSCAL 1.1 catalog, byte-identically every time, and
// imports back to the very file it came from; the imported catalogues load in the record graph.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadGraph } from '../../src/model/graph.ts';
import { standard as standardSchema } from '../../src/model/schemas.ts';
import { catalogueYaml, contentUuid, exportOscalCatalog, importOscalCatalog, OSCAL_VERSION, OscalError } from '../../src/oscal/catalog.ts';
import { EXAMPLE_CONTENT, REPO, tempContent } from '../helpers/content.ts';

const fixture = (name: string) => readFileSync(join(REPO, 'tests/fixtures/oscal', name), 'utf8');
const LOW_JSON = fixture('NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json');
const BASIC_JSON = fixture('basic-catalog.json');
const ESKITP_YAML = readFileSync(join(EXAMPLE_CONTENT, 'standards/eskitp5045.yaml'), 'utf8');
const eskitp = standardSchema.parse(parse(ESKITP_YAML));

/** The subset of the OSCAL 1.1 catalog model Seam emits, with OSCAL's own patterns for uuid, date-time and token. */
const TOKEN = '^(\\p{L}|_)(\\p{L}|\\p{N}|[.\\-_])*$';
const oscalSubset = {
  $defs: {
    prop: { type: 'object', required: ['name', 'value'], additionalProperties: false, properties: { name: { type: 'string', pattern: TOKEN }, ns: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9+\\-.]+:.+$' }, value: { type: 'string', pattern: '^\\S(.*\\S)?$' } } },
    part: { type: 'object', required: ['name'], additionalProperties: false, properties: { id: { type: 'string', pattern: TOKEN }, name: { type: 'string', pattern: TOKEN }, prose: { type: 'string' } } },
    control: {
      type: 'object', required: ['id', 'title'], additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: TOKEN }, class: { type: 'string', pattern: TOKEN }, title: { type: 'string', minLength: 1 },
        props: { type: 'array', minItems: 1, items: { $ref: '#/$defs/prop' } }, parts: { type: 'array', minItems: 1, items: { $ref: '#/$defs/part' } },
        controls: { type: 'array', minItems: 1, items: { $ref: '#/$defs/control' } },
      },
    },
    group: {
      type: 'object', required: ['title'], additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: TOKEN }, title: { type: 'string', minLength: 1 },
        controls: { type: 'array', minItems: 1, items: { $ref: '#/$defs/control' } }, groups: { type: 'array', minItems: 1, items: { $ref: '#/$defs/group' } },
      },
    },
  },
  type: 'object', required: ['catalog'], additionalProperties: false,
  properties: {
    catalog: {
      type: 'object', required: ['uuid', 'metadata'], additionalProperties: false,
      properties: {
        uuid: { type: 'string', pattern: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$' },
        metadata: {
          type: 'object', required: ['title', 'last-modified', 'version', 'oscal-version'], additionalProperties: false,
          properties: {
            title: { type: 'string', minLength: 1 },
            published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' },
            'last-modified': { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' },
            version: { type: 'string', pattern: '^\\S(.*\\S)?$' },
            'oscal-version': { type: 'string', pattern: '^1\\.1\\.\\d+$' },
            props: { type: 'array', minItems: 1, items: { $ref: '#/$defs/prop' } },
            remarks: { type: 'string' },
          },
        },
        controls: { type: 'array', minItems: 1, items: { $ref: '#/$defs/control' } },
        groups: { type: 'array', minItems: 1, items: { $ref: '#/$defs/group' } },
      },
    },
  },
};
const validOscal = new Ajv({ allErrors: true }).compile(oscalSubset);

const controlIds = (json: string) => {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const c of (o.controls as { id: string }[] | undefined) ?? []) ids.push(c.id);
      walk(o.controls);
      walk(o.groups);
    }
  };
  walk(JSON.parse(json).catalog);
  return ids;
};

describe('import: NIST SP 800-53 rev5 LOW', () => {
  const { id, catalogue, yaml } = importOscalCatalog(LOW_JSON, 'sp800-53-low');
  const all = catalogue.criteria.flatMap((c) => [c, ...(c.items ?? [])]);

  it('keeps its 18 groups and 149 controls (enhancements as sub-items), with the ids OSCAL gives', () => {
    expect(id).toBe('sp800-53-low');
    expect(catalogue.groups.map((g) => g.id)).toEqual(['ac', 'at', 'au', 'ca', 'cm', 'cp', 'ia', 'ir', 'ma', 'mp', 'pe', 'pl', 'ps', 'ra', 'sa', 'sc', 'si', 'sr']);
    expect(catalogue.groups[0]!.title).toBe('Access Control');
    expect(all).toHaveLength(149);
    expect(all.map((c) => c.id).sort()).toEqual(controlIds(LOW_JSON).sort());
    const ac2 = catalogue.criteria.find((c) => c.id === 'ac-2')!;
    expect(ac2).toMatchObject({ title: 'Account Management', group: 'ac' });
    expect(ac2.kind).toBeUndefined();
    expect(catalogue.criteria.find((c) => c.id === 'ia-2')!.items!.map((s) => s.id)).toEqual(expect.arrayContaining(['ia-2.1', 'ia-2.2']));
    expect(catalogue.criteria.find((c) => c.id === 'ia-2')!.items!.find((s) => s.id === 'ia-2.1')!.title).toBe('Multi-factor Authentication to Privileged Accounts');
  });

  it('writes each statement as text, lettered parts on their own lines, parameters as their labels in brackets', () => {
    const ac1 = catalogue.criteria.find((c) => c.id === 'ac-1')!.text.split('\n');
    expect(ac1[0]).toBe('a. Develop, document, and disseminate to [organization-defined personnel or roles]:');
    expect(ac1[1]).toBe('  1. [Selection (one or more): organization-level; mission/business process-level; system-level] access control policy that:');
    expect(ac1[2]).toMatch(/^ {4}\(a\) Addresses purpose, scope, roles/);
    expect(catalogue.criteria.find((c) => c.id === 'ac-2')!.text).toContain('c. Require [prerequisites and criteria] for group and role membership;');
    expect(yaml).not.toContain('{{');
  });

  it('takes title, version, publisher and date from the metadata', () => {
    expect(catalogue).toMatchObject({ title: 'NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE', code: 'SP800-53-LOW', version: '5.1.1+u4', publisher: 'Joint Task Force, Transformation Initiative', approved: '2024-02-13', classification: 'public' });
    expect(catalogue.reviewBy).toBeUndefined();
  });

  it('loads in the record graph: every control a criterion, enhancements under their control, no schema problem', async () => {
    const root = tempContent(null, { 'standards/sp800-53-low.yaml': yaml });
    const graph = await loadGraph(root);
    expect(graph.problems.filter((p) => p.file === 'standards/sp800-53-low.yaml' && p.code !== 'coverage-map')).toEqual([]);
    expect(graph.criteria.size).toBe(149);
    expect(graph.criteria.get('sp800-53-low:ia-2.1')).toMatchObject({ parent: 'ia-2', group: 'ia', standard: 'sp800-53-low' });
  });

  it('re-exports and re-imports to the same catalogue', () => {
    const again = exportOscalCatalog(catalogue);
    expect(validOscal(JSON.parse(again)), JSON.stringify(validOscal.errors)).toBe(true);
    expect(importOscalCatalog(again, 'sp800-53-low').yaml).toBe(yaml);
  });
});

describe('import: OSCAL basic example catalog', () => {
  const { catalogue } = importOscalCatalog(BASIC_JSON);

  it('keeps nested groups (each naming its parent), lower-case dotted ids and paragraphs of statement text', () => {
    expect(catalogue.groups).toEqual([
      { id: 's1', title: 'Organization of Information Security' },
      { id: 's1.1', title: 'Internal Organization', parent: 's1' },
      { id: 's2', title: 'Access control' },
      { id: 's2.1', title: 'Business requirements of access control', parent: 's2' },
    ]);
    expect(catalogue.criteria.map((c) => [c.id, c.group])).toEqual([['s1.1.1', 's1.1'], ['s1.1.2', 's1.1'], ['s2.1.1', 's2.1'], ['s2.1.2', 's2.1']]);
    const text = catalogue.criteria[0]!.text;
    expect(text).toContain('All information security responsibilities should be defined and allocated.\n\nA value has been assigned to [Selection (one or more): initiating a device lock after [a duration] of inactivity; requiring the user');
    expect(catalogue.overview).toMatch(/^The following is a short excerpt from \[ISO\/IEC 27002:2013\]/);
  });

  it('a nested group whose parent is not listed first is a dangling reference in the graph', async () => {
    const yaml = catalogueYaml({ ...catalogue, groups: [catalogue.groups[1]!, catalogue.groups[0]!, ...catalogue.groups.slice(2)] });
    const graph = await loadGraph(tempContent(null, { 'standards/basic.yaml': yaml }));
    expect(graph.problems.filter((p) => p.code === 'dangling-reference').map((p) => p.message)).toEqual(['Group "s1.1" sits in "s1", which no group listed before it defines. List the parent group first.']);
  });
});

describe('export: ESKITP5045', () => {
  const json = exportOscalCatalog(eskitp);
  const catalog = JSON.parse(json).catalog;

  it('is a structurally valid OSCAL 1.1 catalog: uuid, metadata, a group per function, a control per criterion with a statement', () => {
    expect(validOscal(JSON.parse(json)), JSON.stringify(validOscal.errors)).toBe(true);
    expect(catalog.metadata).toMatchObject({ title: 'Systems Integration Level 5 Role', version: '1', 'oscal-version': OSCAL_VERSION, 'last-modified': '2009-09-01T00:00:00Z' });
    expect(catalog.groups.map((g: { id: string }) => g.id)).toEqual(eskitp.groups.map((g) => g.id));
    expect(controlIds(json)).toHaveLength(131);
    const p1 = catalog.groups[0].controls[0];
    expect(p1).toMatchObject({ id: 'P1', class: 'performance', title: 'P1', parts: [{ id: 'P1_smt', name: 'statement', prose: 'Develop and maintain policies and standards relating to system integration' }] });
  });

  it('is byte-identical every time, with a version-4 UUID derived from the content, not the clock', () => {
    expect(exportOscalCatalog(standardSchema.parse(parse(ESKITP_YAML)))).toBe(json);
    expect(catalog.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const changed = exportOscalCatalog({ ...eskitp, criteria: [{ ...eskitp.criteria[0]!, text: 'Something else' }, ...eskitp.criteria.slice(1)] });
    expect(JSON.parse(changed).catalog.uuid).not.toBe(catalog.uuid);
    expect(contentUuid('x')).toBe(contentUuid('x'));
  });

  it('imports back to the same catalogue, byte for byte the file in content/standards/', () => {
    const back = importOscalCatalog(json, 'eskitp5045');
    expect(back.catalogue).toEqual(eskitp);
    expect(back.yaml).toBe(catalogueYaml(eskitp));
    expect(back.yaml).toBe(ESKITP_YAML);
  });
});

describe('import: bad input', () => {
  const refused = (json: string) => {
    try {
      importOscalCatalog(json);
    } catch (error) {
      expect(error).toBeInstanceOf(OscalError);
      return (error as Error).message;
    }
    throw new Error('was imported');
  };

  it('says what is wrong with text that is not an importable catalog', () => {
    expect(refused('# not json')).toMatch(/^The file is not JSON\. Seam imports OSCAL catalogs in JSON/);
    expect(refused('{"profile": {}}')).toMatch(/^The file is an OSCAL profile, not a catalog/);
    expect(refused('[1, 2]')).toBe('The file is JSON but not an OSCAL catalog: it has no top-level "catalog" object.');
    expect(refused('{"catalog": {"metadata": {}}}')).toMatch(/^The catalog has no metadata title/);
    expect(refused('{"catalog": {"metadata": {"title": "T", "version": "1", "last-modified": "2024-01-01T00:00:00Z"}}}')).toMatch(/^The catalog has no controls/);
    expect(refused(`${'['.repeat(100)}${']'.repeat(100)}`)).toMatch(/^The file nests 100 levels deep; Seam reads OSCAL catalogs nested at most 64 levels/);
    const badTitle = BASIC_JSON.replace('"title": "Segregation of duties"', '"title": "Segregation <b>of</b> duties"');
    expect(refused(badTitle)).toMatch(/^The catalog does not fit a Seam criteria catalogue:\n {2}control s1\.1\.2 \(title\): is a single line of plain text, but holds "<"/);
  });
});
