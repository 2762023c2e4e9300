// What "handed over" means, as data the `handover` rule and the project page's handover checklist both
// read: a handover milestone that depends on a test exit, its sign-off by the receiving organisation,
// the decommissioning of retiring systems and the catalogue updates a closed project leaves behind.
import type { RecordGraph } from './graph.ts';
import type * as S from './schemas.ts';

type Milestone = S.Plan['milestones'][number];

/** Whether `from` depends, directly or through other milestones, on a milestone of kind `kind`. */
export function dependsOnKind(milestones: Milestone[], from: Milestone, kind: Milestone['kind']): boolean {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const queue = [...from.dependsOn];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const m = byId.get(id);
    if (!m) continue;
    if (m.kind === kind) return true;
    queue.push(...m.dependsOn);
  }
  return false;
}

/**
 * The sign-off of handover milestone `m` by a sign-off authority of its receiving organisation, given by
 * `today`: an entry of the sign-off record naming the milestone, by someone in the register with
 * `signoff: true` whose organisation is the milestone's `receivedBy`.
 */
export function handoverSignoff(m: Milestone, signoff: S.Signoff | undefined, register: S.StakeholderRegister | undefined, today: string): S.Signoff['signoffs'][number] | undefined {
  const people = register?.stakeholders ?? [];
  return signoff?.signoffs.find((s) => s.milestone === m.id && s.date <= today && people.some((p) => p.id === s.by && p.signoff && p.organisation === m.receivedBy));
}

/** Whether some project's plan has a `decommission` milestone naming the system `id`. */
export function decommissionPlanned(graph: RecordGraph, id: string): boolean {
  return [...graph.projects.values()].some((p) => p.plan?.data?.milestones.some((m) => m.kind === 'decommission' && m.systems?.includes(id)));
}

/** The latest catalogue update the project `project` recorded on the system `system`. */
export function catalogueUpdate(system: S.System, project: string): S.System['catalogueUpdates'][number] | undefined {
  return system.catalogueUpdates.filter((u) => u.project === project).at(-1);
}
