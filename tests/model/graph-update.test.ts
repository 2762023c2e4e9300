// updateGraph: a graph updated for a few added, changed or removed files equals a graph built from
// scratch of the same files — every index, every problem, in the same order — and reads nothing but
// the changed files. Each case is an edit whose effect reaches other files: a stakeholder id others
// name, a system renamed, a lessons file another project's charter applies, a project added or removed,
// a catalogue or coverage map edited.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listContentFiles } from '../../src/model/content-files.ts';
import { buildGraph, updateGraph } from '../../src/model/graph.ts';
import type { GraphChange, RecordGraph } from '../../src/model/graph.ts';
import { parseSource } from '../../src/model/source.ts';
import { EXAMPLE_CONTENT } from '../helpers/content.ts';
import { graphShape as shape } from '../helpers/graph-shape.ts';

/** Every file of the example content, by content-relative path. */
let texts: Map<string, string>;
beforeAll(() => {
  texts = new Map(listContentFiles(EXAMPLE_CONTENT).map(({ file }) => [file, readFileSync(join(EXAMPLE_CONTENT, file), 'utf8')]));
});

/** The graph of these texts built from scratch, counting reads per file. */
function build(files: Map<string, string>, reads = new Map<string, number>()): RecordGraph {
  const inputs = [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, text]) => ({
    file,
    read: () => {
      reads.set(file, (reads.get(file) ?? 0) + 1);
      return parseSource(text, file);
    },
  }));
  return buildGraph('/content', inputs);
}

/**
 * Applies `edits` (a path's new text, or null to remove it) both ways: built from scratch, and updated
 * from the graph before them. Returns both, with the files the update read.
 */
function both(edits: Record<string, string | null>) {
  const base = build(texts);
  const after = new Map(texts);
  for (const [file, text] of Object.entries(edits)) {
    if (text === null) after.delete(file);
    else after.set(file, text);
  }
  const read: string[] = [];
  const changes: GraphChange[] = Object.entries(edits).map(([file, text]) => (text === null ? { file, removed: true } : { file, read: () => (read.push(file), parseSource(text, file)) }));
  const updated = updateGraph(base, changes);
  expect(updated).toBeDefined();
  return { base, updated: updated!, fresh: build(after), read };
}

const edit = (file: string, from: string | RegExp, to: string) => {
  const text = texts.get(file)!;
  const next = text.replace(from, to);
  expect(next, `${file} contains ${from}`).not.toBe(text);
  return next;
};

const STATUS = 'projects/policy-admin-migration/status/2026-11-13.mdx';
const STAKEHOLDERS = 'projects/policy-admin-migration/stakeholders.mdx';

describe('updateGraph', () => {
  it('equals a fresh build after a body edit, reads only that file, and shares every other record', () => {
    const { base, updated, fresh, read } = both({ [STATUS]: `${texts.get(STATUS)}\nOne more paragraph.\n` });
    expect(shape(updated)).toEqual(shape(fresh));
    expect(read).toEqual([STATUS]);
    for (const record of base.records) if (record.file !== STATUS) expect(updated.byFile.get(record.file) ?? updated.records.find((r) => r.file === record.file)).toBe(record);
    expect(updated.byFile.get(STATUS)!.source.text).toContain('One more paragraph.');
    // The graph it was made from is left as it was.
    expect(shape(base)).toEqual(shape(build(texts)));
  });

  it('equals a fresh build after a frontmatter edit: a title, and a stakeholder id other records of the project name', () => {
    const id = /^ {2}- id: (\S+)$/m.exec(texts.get(STAKEHOLDERS)!)![1]!;
    const { updated, fresh } = both({
      [STATUS]: edit(STATUS, /^title: .*$/m, 'title: A retitled report'),
      [STAKEHOLDERS]: edit(STAKEHOLDERS, `  - id: ${id}\n`, `  - id: ${id}-renamed\n`),
    });
    expect(shape(updated)).toEqual(shape(fresh));
    // The edit reaches other files: their references to the old id now dangle.
    expect(fresh.problems.some((p) => p.code === 'dangling-reference' && p.file !== STAKEHOLDERS)).toBe(true);
    // A shared record edited in place: its owner is now an organisation that does not exist.
    const system = both({ 'systems/claims.mdx': edit('systems/claims.mdx', /^owner: .*$/m, 'owner: nobody-we-know') });
    expect(shape(system.updated)).toEqual(shape(system.fresh));
    expect(system.updated.systems.get('claims')).toBe(system.updated.byFile.get('systems/claims.mdx'));
    expect(system.fresh.problems.some((p) => p.file === 'systems/claims.mdx' && p.code === 'dangling-reference')).toBe(true);
  });

  it('equals a fresh build after a system is renamed (its file moved) and after a broken frontmatter', () => {
    const system = 'systems/claims.mdx';
    const renamed = both({ [system]: null, 'systems/claims-platform.mdx': texts.get(system)! });
    expect(shape(renamed.updated)).toEqual(shape(renamed.fresh));
    expect(renamed.fresh.problems.some((p) => p.code === 'dangling-reference' && /"claims"/.test(p.message))).toBe(true);
    const broken = both({ [STATUS]: edit(STATUS, /^title: .*$/m, 'title: [unclosed') });
    expect(shape(broken.updated)).toEqual(shape(broken.fresh));
  });

  it('equals a fresh build after a file is added and after one is removed, across projects', () => {
    const added = both({ 'projects/policy-admin-migration/status/2026-11-20.mdx': edit(STATUS, /^date: .*$/m, 'date: 2026-11-20') });
    expect(shape(added.updated)).toEqual(shape(added.fresh));
    // Another project's charter applies this project's lessons: removing them makes its reference dangle.
    const removed = both({ 'projects/finance-ledger-consolidation/lessons.mdx': null });
    expect(shape(removed.updated)).toEqual(shape(removed.fresh));
    expect(removed.fresh.problems.some((p) => p.file === 'projects/claims-consolidation/index.mdx')).toBe(true);
  });

  it('equals a fresh build when a project appears or goes', () => {
    const project = 'projects/claims-consolidation/';
    const gone = both(Object.fromEntries([...texts.keys()].filter((f) => f.startsWith(project)).map((f) => [f, null])));
    expect(shape(gone.updated)).toEqual(shape(gone.fresh));
    const copy = both(Object.fromEntries([...texts].filter(([f]) => f.startsWith(project)).map(([f, text]) => [f.replace(project, 'projects/claims-consolidation-two/'), text])));
    expect(shape(copy.updated)).toEqual(shape(copy.fresh));
  });

  it('equals a fresh build after a catalogue or coverage-map edit (the graph-wide checks run again)', () => {
    const catalogue = [...texts.keys()].find((f) => /^standards\/[^/]+\.yaml$/.test(f) && !f.includes('.coverage.'))!;
    const map = [...texts.keys()].find((f) => f.endsWith('.coverage.yaml'))!;
    const criterion = /^ {2}- id: (\S+)$/m.exec(texts.get(catalogue)!)![1]!;
    const catalogueEdit = both({ [catalogue]: edit(catalogue, `  - id: ${criterion}\n`, `  - id: ${criterion}X\n`) });
    expect(shape(catalogueEdit.updated)).toEqual(shape(catalogueEdit.fresh));
    expect(catalogueEdit.fresh.problems.length).toBeGreaterThan(catalogueEdit.base.problems.length);
    const mapEdit = both({ [map]: `${texts.get(map)}\nunexpected: true\n` });
    expect(shape(mapEdit.updated)).toEqual(shape(mapEdit.fresh));
    expect(mapEdit.fresh.problems.some((p) => p.file === map)).toBe(true);
  });

  it('leaves graphs it did not build to the caller', () => {
    expect(updateGraph({ ...build(texts) }, [])).toBeUndefined();
  });
});
