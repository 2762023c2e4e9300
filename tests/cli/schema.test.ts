// `seam schema`: the JSON Schemas editors use are generated from the zod schemas, committed up to date,
// mapped in .vscode/settings.json, and accept every record of the example organisation.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { vscodeYamlSchemas } from '../../src/cli/schema.ts';
import { loadGraph } from '../../src/model/graph.ts';
import { recordTypes } from '../../src/model/record-types.ts';
import { EXAMPLE_CONTENT, EXAMPLE_GRAPH, REPO } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('seam schema', () => {
  it('finds the committed schemas/ up to date with the zod schemas (--check)', async () => {
    const r = await seam(['schema', '--out', 'schemas', '--check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('maps every record type\'s files to its schema in .vscode/settings.json', () => {
    const settings = JSON.parse(readFileSync(join(REPO, '.vscode/settings.json'), 'utf8'));
    expect(settings['yaml.schemas']).toEqual(vscodeYamlSchemas('schemas', 'content'));
    expect(Object.keys(settings['yaml.schemas'])).toHaveLength(recordTypes.length + 2);
    expect(settings['yaml.schemas']['./schemas/coverage-map.schema.json']).toEqual(['content/standards/*.coverage.yaml', 'content/standards/*.coverage.yml']);
    expect(settings['yaml.schemas']['./schemas/standards.schema.json']).toContain('!content/standards/*.coverage.yaml');
  });

  it('accepts every record of the example organisation, as the zod schemas do', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    const graph = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
    expect(graph.records.length).toBeGreaterThan(50);
    for (const type of recordTypes) {
      const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schemas', `${type.name}.schema.json`), 'utf8')));
      for (const record of graph.byType.get(type.name) ?? []) {
        validate(record.source.data);
        expect(validate.errors ?? [], record.file).toEqual([]);
      }
    }
    const map = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schemas/coverage-map.schema.json'), 'utf8')));
    for (const file of graph.coverageMaps) {
      map(file.source.data);
      expect(map.errors ?? [], file.file).toEqual([]);
    }
    // ESKITP5045's map and the second standard's, whose whole groups are not applicable (`groups:`).
    expect(graph.coverageMaps).toHaveLength(2);
    expect(map({ standard: 'sp800-53-low', notApplicable: [{ groups: ['ac', 'au'], reason: 'Operated by IT operations for every system.' }] })).toBe(true);
    expect(map({ standard: 'eskitp5045', records: [{ type: 'budget', criteria: ['P5'] }] })).toBe(false);
    const config = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schemas/seam.config.schema.json'), 'utf8')));
    expect(config({ content: 'content', today: '2026-11-20', rules: { currency: ['warn', { maxSourceAgeDays: 200 }], schema: 'error' } })).toBe(true);
    expect(config({ contents: 'content' })).toBe(false);
  });

  it('reports stale or missing files with --check, and writes them otherwise', async () => {
    const out = mkdtempSync(join(tmpdir(), 'seam-schemas-'));
    made.push(out);
    expect((await seam(['schema', '--out', out, '--check'])).code).toBe(1);
    const written = await seam(['schema', '--out', out]);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('status.schema.json');
    expect((await seam(['schema', '--out', out, '--check'])).code).toBe(0);
    writeFileSync(join(out, 'plan.schema.json'), '{}\n');
    const stale = await seam(['schema', '--out', out, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('plan.schema.json is out of date');
  });
});
