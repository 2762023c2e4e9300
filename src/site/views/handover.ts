// The handover checklist on a project's page: the steps the `handover` rule checks, each done or open,
// from the same model predicates (src/model/handover.ts), so the list and the rule agree.
import { catalogueUpdate, dependsOnKind, handoverSignoff } from '../../model/handover.ts';
import type * as S from '../../model/schemas.ts';

export interface ChecklistItem {
  label: string;
  done: boolean;
  /** What shows it, or what is missing. */
  detail: string;
}

export interface HandoverInput {
  projectId: string;
  charter: S.Charter;
  plan?: S.Plan;
  signoff?: S.Signoff;
  register?: S.StakeholderRegister;
  /** The catalogue's systems, by id. */
  systems: Map<string, { title: string; data: S.System }>;
  today: string;
}

/** The checklist; empty when the plan has no handover milestone and the project has not reached handover. */
export function handoverChecklist({ projectId, charter, plan, signoff, register, systems, today }: HandoverInput): ChecklistItem[] {
  const milestones = plan?.milestones ?? [];
  const handovers = milestones.filter((m) => m.kind === 'handover');
  const handedOver = charter.phase === 'handover' || charter.phase === 'closed';
  if (!handovers.length && !handedOver) return [];
  const items: ChecklistItem[] = [];
  if (!handovers.length) items.push({ label: 'Handover milestone planned', done: false, detail: 'The plan has no milestone of kind "handover".' });
  for (const m of handovers) {
    items.push({ label: `Handover planned: ${m.title}`, done: true, detail: `Due ${m.due}.` });
    const tested = dependsOnKind(milestones, m, 'test');
    items.push({ label: 'Depends on a test exit', done: tested, detail: tested ? 'A milestone of kind "test" comes before it.' : 'No milestone of kind "test" among its dependencies.' });
    items.push({ label: 'Receiving organisation named', done: !!m.receivedBy, detail: m.receivedBy ? `Received by ${m.receivedBy}.` : 'No "receivedBy" on the milestone.' });
    const done = !!m.done && m.done <= today;
    items.push({ label: 'Handover done', done, detail: done ? `Done ${m.done}.` : 'Not done yet.' });
    const signed = handoverSignoff(m, signoff, register, today);
    items.push({ label: 'Signed off by the receiving organisation', done: !!signed, detail: signed ? `Signed by ${register?.stakeholders.find((p) => p.id === signed.by)?.name ?? signed.by} on ${signed.date}.` : 'No sign-off of this milestone by a sign-off authority of the receiving organisation.' });
  }
  for (const id of charter.systems) {
    const system = systems.get(id);
    if (!system || (system.data.lifecycle !== 'retiring' && system.data.lifecycle !== 'retired')) continue;
    const m = milestones.find((x) => x.kind === 'decommission' && x.systems?.includes(id));
    items.push({ label: `Decommissioning of ${system.title} planned`, done: !!m, detail: m ? `${m.title}, ${m.done ? `done ${m.done}` : `due ${m.due}`}.` : 'No decommission milestone in this plan names it.' });
  }
  if (charter.status === 'closed') {
    for (const id of charter.systems) {
      const system = systems.get(id);
      if (!system) continue;
      const update = catalogueUpdate(system.data, projectId);
      items.push({ label: `Catalogue updated: ${system.title}`, done: !!update, detail: update ? `${update.date}: ${update.lifecycle}. ${update.interfaces}` : 'No catalogue update for this project.' });
    }
  }
  return items;
}
