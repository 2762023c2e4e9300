// Every record type's schema: a valid record passes, and typical mistakes give the message an author sees.
import { describe, expect, it } from 'vitest';
import { recordTypes } from '../../src/model/record-types.ts';
import type { RecordTypeName } from '../../src/model/record-data.ts';
import { loadGraph } from '../../src/model/graph.ts';
import { authorIssues, zodIssueMessage } from '../../src/model/zod-messages.ts';
import { EXAMPLE_CONTENT, EXAMPLE_GRAPH } from '../helpers/content.ts';

const graph = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);

function messages(typeName: string, data: unknown): string[] {
  const type = recordTypes.find((t) => t.name === typeName)!;
  const r = type.schema.safeParse(data, { reportInput: true });
  return r.success ? [] : r.error.issues.map((i) => zodIssueMessage(i, data, type.schema));
}

/** A valid record of each type, taken from the example content. */
const sample = (type: string) => structuredClone(graph.byType.get(type)![0].source.data) as Record<string, unknown>;

describe.each(recordTypes.map((t) => [t.name] as const))('schema %s', (type) => {
  it('accepts the example record', () => {
    expect(messages(type, sample(type))).toEqual([]);
  });

  it('rejects an unknown field, listing the allowed ones', () => {
    const [message] = messages(type, { ...sample(type), colour: 'blue' });
    expect(message).toMatch(/^Unknown field "colour"\. Allowed fields: .*title/);
  });

  it('requires a title', () => {
    const data = sample(type);
    delete data.title;
    expect(messages(type, data)).toContainEqual(expect.stringMatching(/^Missing required field "title"\. Add it: /));
  });
});

describe('schema messages', () => {
  it('lists allowed values for an enum and shows what was found', () => {
    const data = { ...sample('charter'), phase: 'build' };
    expect(messages('charter', data)).toEqual(['"phase" must be one of: planning, execution, handover, closed (found "build").']);
  });

  it('refuses dates that do not exist or are not ISO', () => {
    expect(messages('status', { ...sample('status'), date: '2026-02-30' })).toEqual(['"date" is not a real calendar date (found "2026-02-30").']);
    expect(messages('status', { ...sample('status'), date: '30/01/2026' })).toEqual(['"date": expected a date written as YYYY-MM-DD, for example 2026-03-31 (found "30/01/2026").']);
  });

  it('explains kebab-case ids and nested paths', () => {
    const data = sample('stakeholders');
    (data.stakeholders as Record<string, unknown>[])[0].id = 'Jane Smith';
    expect(messages('stakeholders', data)).toEqual(['"stakeholders[0].id": ids are kebab-case: lower-case letters and digits joined by hyphens, for example "crm-migration" (found "Jane Smith").']);
  });

  it('checks numbers, ranges and list lengths', () => {
    const evaluation = sample('evaluations');
    (evaluation.scores as Record<string, unknown>).quality = 7;
    expect(messages('evaluations', evaluation)).toEqual(['"scores.quality" scores run from 1 to 5.']);
    expect(messages('plan', { ...sample('plan'), total: '£1m' })).toEqual(['"total": expected an amount as a number, without currency symbols or separators (found text "£1m").']);
    expect(messages('charter', { ...sample('charter'), sponsors: [] })).toEqual(['"sponsors" name at least one sponsor (a stakeholder id).']);
  });

  it('defaults classification to internal, and public for handbook pages', () => {
    const type = recordTypes.find((t) => t.name === 'organisations')!;
    const data = sample('organisations');
    delete data.classification;
    expect((type.schema.parse(data) as { classification: string }).classification).toBe('internal');
    const doc = recordTypes.find((t) => t.name === 'docs')!;
    expect((doc.schema.parse({ title: 'A page' }) as { classification: string }).classification).toBe('public');
  });
});

it('types the frontmatter of exactly the record types there are (RecordData, which typed rules rely on)', () => {
  // A `Record` over the names, so a name added to RecordData without a line here fails to compile.
  const typed: Record<RecordTypeName, true> = {
    standards: true, policies: true, organisations: true, systems: true, providers: true, docs: true, charter: true,
    stakeholders: true, plan: true, status: true, evaluations: true, changes: true, signoff: true, lessons: true, engagement: true,
  };
  expect(recordTypes.map((t) => t.name).sort()).toEqual(Object.keys(typed).sort());
});

describe('a field that takes an id or an object', () => {
  const systems = recordTypes.find((t) => t.name === 'systems')!;
  const base = { title: 'CRM', owner: 'acme', kind: 'application', lifecycle: 'live', dataClasses: ['personal'] };
  const issues = (data: unknown) => {
    const r = systems.schema.safeParse(data, { reportInput: true });
    return r.success ? [] : authorIssues(r.error.issues).map((i) => ({ path: i.path.join('.'), message: zodIssueMessage(i, data, systems.schema) }));
  };

  it('is checked as the object it was written as, at the failing field', () => {
    const contract = { owner: '<b>Not an id</b>', direction: 'both', dataClasses: ['personal'], sla: { availability: 'a', latency: 'b', volumes: 'c', recovery: 'd' }, standard: 'interface-standard', lifecycle: 'planned' };
    expect(issues({ ...base, interfaces: [{ system: 'billing', protocol: 'REST', contract }] })).toEqual([
      { path: 'interfaces.0.contract.owner', message: expect.stringMatching(/^"interfaces\[0\]\.contract\.owner": ids are kebab-case/) },
    ]);
  });

  it('is checked as the id it was written as', () => {
    expect(issues({ ...base, interfaces: ['Not An Id'] })).toEqual([{ path: 'interfaces.0', message: expect.stringMatching(/^"interfaces\[0\]": ids are kebab-case/) }]);
  });

  it('keeps the union\'s own message when the value fits neither branch\'s type', () => {
    expect(issues({ ...base, interfaces: [42] })).toEqual([{ path: 'interfaces.0', message: expect.stringMatching(/has the wrong shape \(found number 42\)/) }]);
  });
});
