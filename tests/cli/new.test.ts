// `seam new` end to end: every kind of record scaffolded into a copy of the example organisation, left
// unfinished (the `unfinished` rule reports every prompt), then filled in as an author would and linted
// clean; and it never overwrites a file.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Finding } from '../../src/rule-kit/finding.ts';
import { EXAMPLE_CONTENT, exampleCopy, tempContent } from '../helpers/content.ts';
import { seam } from '../helpers/cli.ts';

const TODAY = '2026-11-20';
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every kind, as an author would ask for it in the example organisation, and the files it must create. */
const requests: { args: string[]; files: string[] }[] = [
  { args: ['project', 'card-platform', '--title', 'Card platform consolidation'], files: ['projects/card-platform/index.mdx', 'projects/card-platform/stakeholders.mdx', 'projects/card-platform/plan.mdx'] },
  { args: ['status', '--project', 'policy-admin-migration'], files: [`projects/policy-admin-migration/status/${TODAY}.mdx`] },
  // The Q3 evaluation of Kestrel is removed from the copy: it is the last elapsed period without one.
  { args: ['evaluation', '--project', 'policy-admin-migration', '--provider', 'kestrel-data-migration'], files: ['projects/policy-admin-migration/evaluations/kestrel-data-migration-2026-q3.mdx'] },
  { args: ['change', '--project', 'policy-admin-migration'], files: ['projects/policy-admin-migration/changes/cr-004.mdx'] },
  { args: ['signoff', '--project', 'policy-admin-migration'], files: ['projects/policy-admin-migration/signoff.mdx'] },
  { args: ['lessons', '--project', 'policy-admin-migration'], files: ['projects/policy-admin-migration/lessons.mdx'] },
  { args: ['policy', 'records-retention-policy'], files: ['policies/records-retention-policy.mdx'] },
  { args: ['system', 'claims-gateway'], files: ['systems/claims-gateway.mdx'] },
  { args: ['provider', 'harbour-testing'], files: ['providers/harbour-testing.mdx'] },
  { args: ['organisation', 'fenwick-holdings', '--title', 'Fenwick Holdings'], files: ['organisations/fenwick-holdings.mdx'] },
  { args: ['engagement', 'wave-1-readiness-call', '--project', 'policy-admin-migration'], files: [`projects/policy-admin-migration/engagement/${TODAY}-wave-1-readiness-call.mdx`] },
];
const created = requests.flatMap((r) => r.files);

/** What an author writes for each prompt, by the field's name (and, where names repeat, the file's type). */
function answer(file: string, path: (string | number)[]): unknown {
  const name = String(path.filter((p) => typeof p === 'string').at(-1));
  const newProject = file.startsWith('projects/card-platform/');
  const titles: Record<string, string> = {
    status: 'Status report, 20 November 2026', changes: 'CR-004 Extend Wave 1 hypercare to six weeks', policies: 'Records retention policy',
    systems: 'Claims gateway', providers: 'Harbour Testing Services', organisations: 'Fenwick Holdings', engagement: 'Wave 1 readiness call',
  };
  const type = file.startsWith('projects/') ? file.split('/')[2].replace(/\.mdx$/, '') : file.split('/')[0];
  const values: Record<string, unknown> = {
    title: path.length === 1 ? titles[type] : path[0] === 'budget' ? 'Card platform build and migration' : path[0] === 'milestones' ? 'New card platform live' : 'Platform delivery',
    end: '2027-09-30', due: '2027-06-30', reviewBy: '2027-11-20',
    sponsors: 'ana-ruiz', id: path[0] === 'lessons' ? 'rehearse-cutover-twice' : path[0] === 'milestones' ? 'platform-live' : 'ana-ruiz', owner: newProject ? 'ana-ruiz' : type === 'systems' ? 'harbour-mutual' : 'Head of Records Management',
    organisations: 'harbour-mutual', organisation: 'harbour-mutual', name: path[0] === 'contacts' ? 'Priya Shah' : 'Ana Ruiz', role: path[0] === 'contacts' ? 'Test manager' : 'Chief Operating Officer',
    channel: 'Monthly steering group', currency: 'GBP', line: 'platform-build', amount: 400000, total: 400000,
    rag: 'amber', status: 'compliant', aligned: true, openDefects: 12, summary: 'Twelve open defects, none at severity 1, all scheduled for fixing before trial migration 2.',
    quality: 4, timeliness: 4, cost: 3, communication: 4, security: 5,
    requestedBy: 'priya-nandakumar', scope: 'Hypercare after Wave 1 runs for six weeks instead of four.',
    deliverable: 'Wave 1 cutover plan', by: 'eleanor-whitcombe',
    what: 'The first cutover rehearsal overran by nine hours because the reconciliation reports ran one after another.',
    recommendation: 'Rehearse every cutover twice, running the reconciliation reports in parallel in the second rehearsal.',
    // The new status report opens a reporting period; the entry engages the two regulators no other
    // entry of that period reaches (the second through `audience.organisations`, see `fill`).
    stakeholders: 'amelia-grant', topic: 'Wave 1 readiness',
    version: '1.0', approver: 'Chief Information Officer', services: 'Independent system integration and migration testing', reference: 'HM-TS-2026-014',
  };
  if (!(name in values)) throw new Error(`No answer for ${file}: ${path.join('.')}`);
  return values[name];
}

const PROSE = 'The integration lead wrote this section with the sponsor on 18 November, and the steering group reviewed it before approval.';

/** Replaces every `TODO:` prompt as an author would: each frontmatter value by its field, each body prompt by prose. */
function fill(file: string, text: string): string {
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  const doc = parseDocument(yaml);
  visit(doc, {
    Scalar(_key, node, ancestors) {
      if (typeof node.value !== 'string' || !node.value.startsWith('TODO:')) return;
      const chain = [...ancestors, node] as unknown[];
      const path: (string | number)[] = [];
      chain.forEach((a, i) => {
        if (isPair(a) && isScalar(a.key)) path.push(String(a.key.value));
        else if (isSeq(a)) path.push(a.items.indexOf(chain[i + 1] as YamlNode));
      });
      return doc.createNode(answer(file, path));
    },
  });
  // An engagement entry's author also names the organisation the briefing reached as a whole.
  const yamlOut = doc.toString({ lineWidth: 0 }).replace(/^  organisations: \[\]$/m, '  organisations: [information-rights-office]');
  return `---\n${yamlOut}---\n${body.replace(/^TODO: .*$/gm, PROSE)}`;
}

async function lintJson(dir: string): Promise<{ code: number; findings: Finding[] }> {
  const r = await seam(['lint', '--content', dir, '--today', TODAY, '--format', 'json'], { cwd: dir });
  return { code: r.code, findings: JSON.parse(r.stdout).findings };
}

describe('seam new', () => {
  let dir: string;
  beforeAll(async () => {
    dir = exampleCopy({ 'projects/policy-admin-migration/evaluations/kestrel-data-migration-2026-q3.mdx': null });
    made.push(dir);
    for (const { args, files } of requests) {
      const r = await seam(['new', ...args, '--content', dir, '--today', TODAY, '--yes'], { cwd: dir });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.split('\n').filter((l) => l.startsWith('created ')).map((l) => l.slice(8))).toEqual(files);
      expect(r.stdout).toMatch(/Replace the \d+ "TODO:" prompts? with real content, then run "seam lint"/);
    }
  });

  it('writes what it can infer: today, the plan\'s overdue milestones, open issues, the engaged provider and the last elapsed period', () => {
    const status = readFileSync(join(dir, `projects/policy-admin-migration/status/${TODAY}.mdx`), 'utf8');
    expect(status).toContain(`date: ${TODAY}\n`);
    expect(status).toMatch(/milestonesAtRisk:\n  - legacy-data-extract-complete\n  - trial-migration-2\n  - sit-exit\n/);
    expect(status).toContain('  - regulation: uk-gdpr\n    status: "TODO:');
    expect(status).toContain('  - id: data-remediation-overrun\n');
    expect(status).toContain('title: "TODO: a headline for this status report"');
    expect(status).toMatch(/## Summary\n\nTODO: /);
    const evaluation = readFileSync(join(dir, 'projects/policy-admin-migration/evaluations/kestrel-data-migration-2026-q3.mdx'), 'utf8');
    expect(evaluation).toContain('provider: kestrel-data-migration\nperiod: 2026-Q3\n');
    expect(evaluation).toContain('title: Kestrel Data Migration - 2026 Q3 evaluation\n');
    const entry = readFileSync(join(dir, `projects/policy-admin-migration/engagement/${TODAY}-wave-1-readiness-call.mdx`), 'utf8');
    expect(entry).toContain(`date: ${TODAY}\n`);
    expect(entry).toMatch(/audience:\n  stakeholders:\n    - "TODO: .*one of eleanor-whitcombe, /);
    expect(entry).toContain('channel: meeting # one of: meeting, workshop, call, email, report, briefing, other\n');
    expect(entry).toMatch(/## Summary\n\nTODO: say who took part/);
    const system = readFileSync(join(dir, 'systems/claims-gateway.mdx'), 'utf8');
    expect(system).toContain('kind: application # one of: application, platform, data-store, integration, infrastructure, saas\n');
    expect(system).toMatch(/# Optional fields:\n(#.*\n)*#   vendor: the product or vendor, if bought in\n/);
  });

  it('leaves prompts the unfinished rule reports, one finding per prompt', async () => {
    const { code, findings } = await lintJson(dir);
    expect(code).toBe(1);
    for (const file of created) {
      const prompts = readFileSync(join(dir, file), 'utf8').split('TODO:').length - 1;
      const unfinished = findings.filter((f) => f.file === file && f.ruleId === 'unfinished');
      expect(unfinished.length, file).toBe(prompts);
      expect(unfinished[0].message).toMatch(/^Unfinished: replace the prompt “TODO: .+” with /);
    }
    // Elsewhere, only what follows from the new records being unfinished: an evaluation that fails its
    // schema does not count yet, so the charter still lacks it.
    expect(findings.filter((f) => !created.includes(f.file) && f.severity === 'error').map((f) => `${f.file} ${f.ruleId}`)).toEqual(['projects/policy-admin-migration/index.mdx providers']);
  });

  it('lints clean once every prompt is replaced', async () => {
    for (const file of created) writeFileSync(join(dir, file), fill(file, readFileSync(join(dir, file), 'utf8')));
    const { code, findings } = await lintJson(dir);
    expect(findings.filter((f) => created.includes(f.file)).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('never overwrites a file: exit 2, a clear message, the file unchanged', async () => {
    // The next change request would be cr-005, so the existing one is asked for by its id.
    for (const { args: asked, files } of requests) {
      const args = asked[0] === 'change' ? ['change', 'cr-004', ...asked.slice(1)] : asked;
      const before = files.map((f) => readFileSync(join(dir, f), 'utf8'));
      const r = await seam(['new', ...args, '--content', dir, '--today', TODAY, '--yes'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/already exists?; seam new never overwrites a file/);
      expect(r.stdout).toBe('');
      expect(files.map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
    }
  });

  it('explains what it needs when it cannot infer it', async () => {
    const cases: [string[], RegExp][] = [
      [['bogus'], /Cannot create "bogus". Choose one of: project, status, evaluation, change, signoff, lessons, policy, system, provider, organisation, engagement/],
      [['status'], /Say which project the status report belongs to with --project <id>/],
      [['status', '--project', 'no-such-project'], /No project "no-such-project"/],
      [['evaluation', '--project', 'policy-admin-migration'], /engages 3 providers: say which with --provider/],
      [['evaluation', '--project', 'policy-admin-migration', '--provider', 'kestrel-data-migration', '--period', '2026-Q5'], /is not a period/],
      [['policy'], /Give the new policy's id/],
      [['engagement', '--project', 'policy-admin-migration'], /Give the entry's topic as an id/],
      [['project', 'Card Platform'], /is not a kebab-case id/],
    ];
    for (const [args, message] of cases) {
      const r = await seam(['new', ...args, '--content', dir, '--today', TODAY, '--yes'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
