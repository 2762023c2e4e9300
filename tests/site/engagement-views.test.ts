// The project page's engagement, handover and results views: last contact against cadence, the
// timeline newest first, the handover checklist and each organisation's results, from frontmatter as
// authors write it (parsed by the real schemas), judged against a given today.
import { describe, expect, it } from 'vitest';
import * as schemas from '../../src/model/schemas.ts';
import { lastContacts, timeline } from '../../src/site/views/engagement.ts';
import { handoverChecklist } from '../../src/site/views/handover.ts';
import { projectResults } from '../../src/site/views/results.ts';

const TODAY = '2026-06-15';

const register = schemas.stakeholders.parse({
  title: 'Register',
  stakeholders: [
    { id: 'ana', name: 'Ana Reyes', role: 'COO', organisation: 'acme', kind: 'sponsor', signoff: true, comms: { cadence: 'monthly', channel: 'Steering' } },
    { id: 'ben', name: 'Ben Walsh', role: 'Finance Director', organisation: 'beta', kind: 'stakeholder', comms: { cadence: 'weekly', channel: 'Email' } },
    { id: 'cara', name: 'Cara Singh', role: 'Lead', organisation: 'acme', kind: 'stakeholder', comms: { cadence: 'milestone', channel: 'Review' } },
  ],
});
const entry = (date: string, stakeholders: string[], followUps: unknown[] = []) => ({
  id: `alpha/engagement/${date}-call`,
  data: schemas.engagement.parse({ title: `Call ${date}`, date, audience: { stakeholders }, channel: 'call', topic: 'Progress', followUps }),
});
const charter = schemas.charter.parse({
  title: 'Alpha', status: 'closed', phase: 'closed', start: '2026-01-05', end: '2026-05-29', sponsors: ['ana'], organisations: ['acme', 'beta'],
  systems: ['crm', 'billing'], workstreams: [{ id: 'data', title: 'Data' }], approach: 'phased',
});
const plan = schemas.plan.parse({
  title: 'Plan', currency: 'GBP', budget: [{ line: 'l', title: 'L', amount: 1 }], total: 1,
  milestones: [
    { id: 'trial', title: 'Trial', workstream: 'data', owner: 'ben', due: '2026-04-30', done: '2026-04-24', kind: 'test' },
    { id: 'handover', title: 'Handover to operations', workstream: 'data', owner: 'ana', due: '2026-05-22', done: '2026-05-22', dependsOn: ['trial'], kind: 'handover', receivedBy: 'acme' },
    { id: 'off', title: 'Billing off', workstream: 'data', owner: 'ana', due: '2026-05-22', kind: 'decommission', systems: ['billing'] },
  ],
});
const system = (title: string, lifecycle: string, updates: unknown[] = []) => ({ title, data: schemas.system.parse({ title, owner: 'acme', kind: 'application', lifecycle, catalogueUpdates: updates }) });

describe('engagement on the project page', () => {
  it('gives each stakeholder their last contact and how far past their cadence they are', () => {
    const rows = lastContacts(register, [entry('2026-06-01', ['ana', 'ben']), entry('2026-06-05', ['ben']), entry('2026-07-01', ['ana'])], '2026-01-05', TODAY);
    expect(rows.map((r) => [r.id, r.last?.date, r.cadence, r.overdue])).toEqual([
      ['ana', '2026-06-01', 'monthly (31 days)', -17], // the entry of 1 July has not happened yet
      ['ben', '2026-06-05', 'weekly (7 days)', 3],
      ['cara', undefined, 'at each milestone', undefined],
    ]);
  });

  it('lists the entries that have happened, newest first', () => {
    expect(timeline([entry('2026-06-01', ['ana']), entry('2026-06-05', ['ben']), entry('2026-07-01', ['ana'])], TODAY).map((e) => e.data.date)).toEqual(['2026-06-05', '2026-06-01']);
  });
});

describe('the handover checklist', () => {
  const signoff = schemas.signoff.parse({ title: 'Sign-off', signoffs: [{ deliverable: 'Handover', milestone: 'handover', by: 'ana', date: '2026-05-22' }] });
  const systems = new Map([
    ['crm', system('Acme CRM', 'live', [{ project: 'alpha', date: '2026-05-29', lifecycle: 'live', interfaces: 'None changed.' }])],
    ['billing', system('Beta Billing', 'retired')],
  ]);

  it('ticks each step the handover rule checks, and leaves open what is missing', () => {
    const items = handoverChecklist({ projectId: 'alpha', charter, plan, signoff, register, systems, today: TODAY });
    expect(items.map((i) => [i.label, i.done])).toEqual([
      ['Handover planned: Handover to operations', true],
      ['Depends on a test exit', true],
      ['Receiving organisation named', true],
      ['Handover done', true],
      ['Signed off by the receiving organisation', true],
      ['Decommissioning of Beta Billing planned', true],
      ['Catalogue updated: Acme CRM', true],
      ['Catalogue updated: Beta Billing', false],
    ]);
  });

  it('does not count a sign-off by someone outside the receiving organisation', () => {
    const byBen = schemas.signoff.parse({ title: 'Sign-off', signoffs: [{ deliverable: 'Handover', milestone: 'handover', by: 'ben', date: '2026-05-22' }] });
    const items = handoverChecklist({ projectId: 'alpha', charter, plan, signoff: byBen, register, systems, today: TODAY });
    expect(items.find((i) => i.label === 'Signed off by the receiving organisation')?.done).toBe(false);
  });

  it('is empty for a project with no handover planned that has not reached handover', () => {
    const planning = { ...charter, status: 'active' as const, phase: 'planning' as const };
    expect(handoverChecklist({ projectId: 'alpha', charter: planning, plan: { ...plan, milestones: [plan.milestones[0]!] }, register, systems, today: TODAY })).toEqual([]);
  });
});

describe('results by organisation', () => {
  it('credits each organisation with what its people delivered, owe and are scored on', () => {
    const evaluation = { id: 'alpha/evaluations/bw-2026-q1', data: schemas.evaluation.parse({ title: 'Q1', provider: 'bw', period: '2026-Q1', scores: { quality: 4, timeliness: 3, cost: 4, communication: 5, security: 4 }, actions: [{ action: 'Share the defect log weekly.', owner: 'ben', due: '2026-06-01' }] }) };
    const provider = schemas.provider.parse({ title: 'BW', organisation: 'beta', services: ['Build'], contract: { reference: 'R', start: '2026-01-01' }, contacts: [{ name: 'Sam', role: 'Lead' }] });
    const results = projectResults({
      charter, register, plan, status: [], evaluations: [evaluation], providers: new Map([['bw', provider]]), today: TODAY,
      engagement: [entry('2026-06-01', ['ana'], [{ action: 'Send the runbook.', owner: 'ana', due: '2026-06-20' }, { action: 'Book the room.', owner: 'ana', due: '2026-06-02', closed: '2026-06-02' }])],
    });
    const [acme, beta] = results;
    expect(acme!.organisation).toBe('acme');
    expect(acme!.delivered.map((d) => d.title)).toEqual(['Handover to operations']);
    expect(acme!.openActions.map((a) => [a.action, a.overdue])).toEqual([['Send the runbook.', false]]);
    expect(acme!.providerScores).toEqual([]);
    expect(beta!.delivered.map((d) => d.title)).toEqual(['Trial']);
    expect(beta!.openActions.map((a) => [a.action, a.owner, a.overdue])).toEqual([['Share the defect log weekly.', 'Ben Walsh', true]]);
    expect(beta!.providerScores.map((p) => [p.period, p.average])).toEqual([['2026-Q1', 4]]);
  });
});
