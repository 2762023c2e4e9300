// updateGraph: a graph updated for a few added, changed or removed files equals a graph built from
// scratch of the same files — every index, every problem, in the same order — and reads nothing but
// the changed files. Each case is an edit whose effect reaches other files: a stakeholder id others
// name, a system renamed, a lessons file another project's charter applies, a project added or removed,
// a catalogue or coverage map edited.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listContentFiles } from '../../src/model/content-files.ts';
import { buildGraph, hasFile, problemsIn, updateGraph } from '../../src/model/graph.ts';
import type { GraphChange, RecordGraph } from '../../src/model/graph.ts';
import { OverlayMap } from '../../src/model/overlay.ts';
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
 * from the graph before them (`from`, by default the example built from scratch). Returns both, with
 * the files the update read.
 */
function both(edits: Record<string, string | null>, from?: { graph: RecordGraph; texts: Map<string, string> }) {
  const base = from?.graph ?? build(texts);
  const after = new Map(from?.texts ?? texts);
  for (const [file, text] of Object.entries(edits)) {
    if (text === null) after.delete(file);
    else after.set(file, text);
  }
  const read: string[] = [];
  const changes: GraphChange[] = Object.entries(edits).map(([file, text]) => (text === null ? { file, removed: true } : { file, read: () => (read.push(file), parseSource(text, file)) }));
  const updated = updateGraph(base, changes);
  expect(updated).toBeDefined();
  return { base, updated: updated!, fresh: build(after), read, texts: after };
}

/** Whether `graph` is an overlay of the graph it was updated from (its indexes answer from the changed records first), not a graph of its own. */
const overlaid = (graph: RecordGraph) => graph.byFile instanceof OverlayMap;

/**
 * The update equals the fresh build: every index and problem in the same order, and each file's
 * problems (what rules report) and whether the graph holds it, asked one file at a time as an editor does.
 */
function expectSame(updated: RecordGraph, fresh: RecordGraph) {
  // Asked one file at a time first, before anything makes the overlay's whole problem list.
  const files = new Set([...fresh.files, ...fresh.problems.map((p) => p.file), 'projects/none/status/2026-01-01.mdx']);
  for (const file of files) {
    expect(problemsIn(updated, file), file).toEqual(fresh.problems.filter((p) => p.file === file));
    expect(hasFile(updated, file), file).toBe(fresh.files.includes(file));
  }
  expect(shape(updated)).toEqual(shape(fresh));
  // Every map answers as the fresh one does, key by key, and has its size.
  for (const key of ['byFile', 'byType', 'organisations', 'systems', 'providers', 'policies', 'docs', 'projects', 'criteria'] as const) {
    const map = updated[key] as ReadonlyMap<string, unknown>;
    const want = fresh[key] as ReadonlyMap<string, unknown>;
    expect(map.size, key).toBe(want.size);
    expect([...map.keys()], key).toEqual([...want.keys()]);
    for (const k of [...want.keys(), 'no-such-key']) expect(map.has(k), `${key} ${k}`).toBe(want.has(k));
  }
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
    expect(overlaid(updated)).toBe(true);
    expectSame(updated, fresh);
    expect(read).toEqual([STATUS]);
    // The other files are the base's: the same list, not a copy.
    expect(updated.files).toBe(base.files);
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
    expect(overlaid(updated)).toBe(true);
    expectSame(updated, fresh);
    // The edit reaches other files: their references to the old id now dangle.
    expect(fresh.problems.some((p) => p.code === 'dangling-reference' && p.file !== STAKEHOLDERS)).toBe(true);
    // A shared record edited in place: its owner is now an organisation that does not exist.
    const system = both({ 'systems/claims.mdx': edit('systems/claims.mdx', /^owner: .*$/m, 'owner: nobody-we-know') });
    expect(overlaid(system.updated)).toBe(true);
    expectSame(system.updated, system.fresh);
    expect(system.updated.systems.get('claims')).toBe(system.updated.byFile.get('systems/claims.mdx'));
    expect(system.fresh.problems.some((p) => p.file === 'systems/claims.mdx' && p.code === 'dangling-reference')).toBe(true);
  });

  it('equals a fresh build after a system is renamed (its file moved) and after a broken frontmatter', () => {
    const system = 'systems/claims.mdx';
    const renamed = both({ [system]: null, 'systems/claims-platform.mdx': texts.get(system)! });
    expectSame(renamed.updated, renamed.fresh);
    expect(renamed.fresh.problems.some((p) => p.code === 'dangling-reference' && /"claims"/.test(p.message))).toBe(true);
    const broken = both({ [STATUS]: edit(STATUS, /^title: .*$/m, 'title: [unclosed') });
    expectSame(broken.updated, broken.fresh);
  });

  it('equals a fresh build after a file is added and after one is removed, across projects', () => {
    const added = both({ 'projects/policy-admin-migration/status/2026-11-20.mdx': edit(STATUS, /^date: .*$/m, 'date: 2026-11-20') });
    expect(overlaid(added.updated)).toBe(true);
    expectSame(added.updated, added.fresh);
    // Another project's charter applies this project's lessons: removing them makes its reference dangle.
    const removed = both({ 'projects/finance-ledger-consolidation/lessons.mdx': null });
    expect(overlaid(removed.updated)).toBe(true);
    expectSame(removed.updated, removed.fresh);
    expect(removed.fresh.problems.some((p) => p.file === 'projects/claims-consolidation/index.mdx')).toBe(true);
  });

  it('equals a fresh build when a project appears or goes', () => {
    const project = 'projects/claims-consolidation/';
    const gone = both(Object.fromEntries([...texts.keys()].filter((f) => f.startsWith(project)).map((f) => [f, null])));
    expectSame(gone.updated, gone.fresh);
    const copy = both(Object.fromEntries([...texts].filter(([f]) => f.startsWith(project)).map(([f, text]) => [f.replace(project, 'projects/claims-consolidation-two/'), text])));
    expectSame(copy.updated, copy.fresh);
  });

  it('equals a fresh build after a catalogue or coverage-map edit (the graph-wide checks run again)', () => {
    const catalogue = [...texts.keys()].find((f) => /^standards\/[^/]+\.yaml$/.test(f) && !f.includes('.coverage.'))!;
    const map = [...texts.keys()].find((f) => f.endsWith('.coverage.yaml'))!;
    const criterion = /^ {2}- id: (\S+)$/m.exec(texts.get(catalogue)!)![1]!;
    const catalogueEdit = both({ [catalogue]: edit(catalogue, `  - id: ${criterion}\n`, `  - id: ${criterion}X\n`) });
    expectSame(catalogueEdit.updated, catalogueEdit.fresh);
    expect(catalogueEdit.fresh.problems.length).toBeGreaterThan(catalogueEdit.base.problems.length);
    const mapEdit = both({ [map]: `${texts.get(map)}\nunexpected: true\n` });
    expectSame(mapEdit.updated, mapEdit.fresh);
    expect(mapEdit.fresh.problems.some((p) => p.file === map)).toBe(true);
  });

  it('equals a fresh build as an overlay: a record renamed within its project, moved to another project, removed, and a new one', () => {
    // A status report renamed (its date, so its file and id) in the same project.
    const renamed = both({ [STATUS]: null, 'projects/policy-admin-migration/status/2026-11-14.mdx': edit(STATUS, /^date: .*$/m, 'date: 2026-11-14') });
    expect(overlaid(renamed.updated)).toBe(true);
    expectSame(renamed.updated, renamed.fresh);
    // Moved to another project: both projects' records change, and the reports' references are resolved in the new one.
    const moved = both({ [STATUS]: null, 'projects/claims-consolidation/status/2026-11-13.mdx': texts.get(STATUS)! });
    expect(overlaid(moved.updated)).toBe(true);
    expectSame(moved.updated, moved.fresh);
    expect(moved.fresh.problems.some((p) => p.file === 'projects/claims-consolidation/status/2026-11-13.mdx' && p.code === 'dangling-reference')).toBe(true);
    // A record removed that others in its project name (the stakeholder register).
    const removed = both({ [STAKEHOLDERS]: null });
    expect(overlaid(removed.updated)).toBe(true);
    expectSame(removed.updated, removed.fresh);
    // A file that is no record (unplaced Markdown) added, then a new record beside it.
    const unplaced = both({ 'notes/todo.md': '# Notes\n', 'projects/policy-admin-migration/status/2026-11-27.mdx': edit(STATUS, /^date: .*$/m, 'date: 2026-11-27') });
    expect(overlaid(unplaced.updated)).toBe(true);
    expectSame(unplaced.updated, unplaced.fresh);
  });

  it('equals a fresh build as an overlay when the file a dangling project reference points at (a project\'s charter) goes', () => {
    // A lesson applied from a project that does not exist lists every project, each at its charter (or its first record).
    const charter = 'projects/policy-admin-migration/index.mdx';
    const dangling = new Map(texts);
    // Every lesson it applies named so: it names the project whose charter goes only through that list.
    dangling.set(charter, edit(charter, /^ {2}- project: finance-ledger-consolidation$/gm, '  - project: zz-unknown'));
    const start = { graph: build(dangling), texts: dangling };
    const gone = both({ 'projects/finance-ledger-consolidation/index.mdx': null }, start);
    expect(overlaid(gone.updated)).toBe(true);
    expect(gone.fresh.problems.some((p) => p.file === charter && p.message.includes('zz-unknown'))).toBe(true);
    expectSame(gone.updated, gone.fresh);
  });

  it('equals a fresh build as an overlay after a policy edit, whose sections the coverage maps name (they are checked again)', () => {
    const policy = 'policies/information-security-handling-policy.mdx';
    const renamed = both({ [policy]: edit(policy, /^## Regulatory alignment$/m, '## Regulation') });
    expect(overlaid(renamed.updated)).toBe(true);
    expectSame(renamed.updated, renamed.fresh);
    expect(renamed.fresh.problems.some((p) => p.file.endsWith('.coverage.yaml') && /no section "Regulatory alignment"/.test(p.message))).toBe(true);
    // And back: the coverage map's problem goes.
    const back = both({ [policy]: texts.get(policy)! }, { graph: renamed.updated, texts: renamed.texts });
    expect(overlaid(back.updated)).toBe(true);
    expectSame(back.updated, back.fresh);
  });

  it('equals a fresh build when a record takes an id another file has (and when that is undone), which an overlay leaves to a rebuild', () => {
    // `<page>.md` has the id of `<page>.mdx`: the first in file order keeps it, the other is a duplicate.
    const page = [...texts.keys()].find((f) => /^docs\/[^/]+\.mdx$/.test(f))!;
    const twin = page.replace(/\.mdx$/, '.md');
    const collided = both({ [twin]: texts.get(page)! });
    expect(overlaid(collided.updated)).toBe(false);
    expectSame(collided.updated, collided.fresh);
    expect(collided.fresh.problems.some((p) => p.code === 'duplicate-id')).toBe(true);
    // From that graph: edit the duplicate, then remove the one that held the id (the other takes it).
    const start = { graph: collided.updated, texts: collided.texts };
    const editedTwin = both({ [twin]: `${texts.get(page)}\nMore.\n` }, start);
    expectSame(editedTwin.updated, editedTwin.fresh);
    const gone = both({ [page]: null }, start);
    expectSame(gone.updated, gone.fresh);
    expect(gone.fresh.docs.get(gone.fresh.byFile.get(twin)!.id)!.file).toBe(twin);
    // A status report edited beside the duplicate: an overlay of that graph.
    const beside = both({ [STATUS]: `${texts.get(STATUS)}\nMore.\n` }, start);
    expect(overlaid(beside.updated)).toBe(true);
    expectSame(beside.updated, beside.fresh);
    // A shared record taking a new id is a rebuild too (references to it may resolve now).
    const added = both({ 'systems/claims-two.mdx': texts.get('systems/claims.mdx')! });
    expect(overlaid(added.updated)).toBe(false);
    expectSame(added.updated, added.fresh);
  });

  it('updates an overlay again (an edit on disk under the editor\'s text), and makes a graph of its own past many changes', () => {
    const first = both({ [STAKEHOLDERS]: edit(STAKEHOLDERS, /^title: .*$/m, 'title: Renamed register') });
    expect(overlaid(first.updated)).toBe(true);
    const start = { graph: first.updated, texts: first.texts };
    const second = both({ [STATUS]: `${texts.get(STATUS)}\nTyped.\n`, 'projects/policy-admin-migration/status/2026-11-20.mdx': edit(STATUS, /^date: .*$/m, 'date: 2026-11-20') }, start);
    expect(overlaid(second.updated)).toBe(true);
    expectSame(second.updated, second.fresh);
    // The stakeholder edit under it is undone: the file is the base's again.
    const undone = both({ [STAKEHOLDERS]: texts.get(STAKEHOLDERS)! }, { graph: second.updated, texts: second.texts });
    expectSame(undone.updated, undone.fresh);
    // Many files at once: the update is a graph of its own, and the next one overlays it.
    const many = Object.fromEntries([...texts.keys()].filter((f) => f.endsWith('.mdx')).slice(0, 80).map((f) => [f, `${texts.get(f)}\nSaved.\n`]));
    const bulk = both(many, start);
    expect(overlaid(bulk.updated)).toBe(false);
    expectSame(bulk.updated, bulk.fresh);
    const after = both({ [STATUS]: `${texts.get(STATUS)}\nAgain.\n` }, { graph: bulk.updated, texts: bulk.texts });
    expect(overlaid(after.updated)).toBe(true);
    expectSame(after.updated, after.fresh);
  });

  it('leaves graphs it did not build to the caller', () => {
    expect(updateGraph({ ...build(texts) }, [])).toBeUndefined();
  });
});
