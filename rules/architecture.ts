// architecture: a project's diagrams and the systems catalogue agree — every system drawn exists,
// every system in the charter's scope is drawn, and every line between two systems is a declared
// interface (P11, K16, K22.1), and no interface the catalogue records as retired is drawn in a current
// diagram.
import { z } from 'zod';
import type * as S from '../src/model/schemas.ts';
import { diagramsOf, prepareDiagrams } from '../src/rule-kit/diagrams.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { charterWithDiagram } from './examples/charter.ts';
import type { RecordGraph } from '../src/model/graph.ts';
import { projectRecordTypeNames } from '../src/model/record-types.ts';
import { interfacesBetween } from '../src/model/interfaces.ts';
import { mention, say } from '../src/model/message.ts';
import { BILLING_INTERFACE, contract, crmSystem } from './examples/systems.ts';

/** A project whose diagrams show the architecture as it is or will be: not closed, not cancelled. */
const CURRENT = (status: string | undefined) => status !== 'closed' && status !== 'cancelled';

/** Whether the catalogue declares an interface between two systems (on either side). */
function declared(graph: RecordGraph, a: string, b: string): boolean {
  const talksTo = (from: string, to: string) =>
    (graph.systems.get(from)?.data?.interfaces ?? []).some((i: S.System['interfaces'][number]) => (typeof i === 'string' ? i : i.system) === to);
  return talksTo(a, b) || talksTo(b, a);
}


export default defineRule({
  meta: {
    id: 'architecture',
    description: 'Project diagrams and the systems catalogue agree: systems, scope and interfaces.',
    appliesTo: projectRecordTypeNames,
    readsAcross: ['systems', ...projectRecordTypeNames],
    criteria: ['P11', 'K16', 'K22.1'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `Architecture alignment is where integration work goes wrong silently. For every flowchart, C4 and
architecture-beta diagram in a project's records, this rule checks that:

- every node that stands for a system uses the id of a system in the catalogue (\`content/systems/\`):
  write \`crm[Acme CRM]\`, not \`CRM[Acme CRM]\`;
- every system in the charter's \`systems\` (the project's scope) appears in at least one diagram of the
  project;
- every edge between two systems corresponds to an interface declared in the catalogue, on either
  system's \`interfaces\` — otherwise the diagram shows an undeclared interface;
- in a current project (its charter's \`status\` neither \`closed\` nor \`cancelled\`), no edge draws
  an interface whose contract's \`lifecycle\` is \`retired\` (every interface declared between the two
  systems retired): a retired interface must not appear in a current architecture diagram. Remove the
  line, or correct the contract's lifecycle if the interface is still in use. A closed project's
  diagrams are its history and may show what it retired.

Nodes that are not systems (people, external parties, groupings) are marked by convention: an id
starting with \`actor-\`, \`ext-\` or \`group-\`, or the class \`nonSystem\` (\`x[Broker]:::nonSystem\` or
\`class x nonSystem\`). In C4, \`Person\` and \`*_Ext\` elements are not systems, and neither are
subgraphs, boundaries or architecture groups. Diagrams that do not parse are left to the \`mermaid\` rule.`,
    examples: {
      valid: [
        { title: 'systems by id, an actor, a subgraph', files: { 'projects/alpha/index.mdx': charterWithDiagram('flowchart LR\n  actor-agent([Contact centre agent]) --> crm\n  subgraph beta [Beta]\n    billing[Beta Billing]\n  end\n  crm[Acme CRM] -- REST --> billing') } },
      ],
      invalid: [
        {
          title: 'an unknown system node, a system in scope missing from the diagrams, and an undeclared interface',
          criteria: ['P11', 'K16', 'K22.1'],
          files: { 'projects/alpha/index.mdx': charterWithDiagram(`flowchart LR
  crm[Acme CRM] --> ledger[General ledger] %% ^ architecture:21 The diagram node "ledger" is not a system in the catalogue (content/systems/). Use the system's id as the node id, or mark a node that is not a system (an id starting with actor-, ext- or group-, or the class nonSystem).
  crm --> crm2[Old CRM] %% ^ architecture:3 The diagram draws an interface between "crm" and "crm2" that neither system declares in the catalogue. Add it to one of their "interfaces", or correct the diagram.`), 'systems/crm2.mdx': '---\ntitle: Old CRM\nowner: acme\nkind: application\nlifecycle: retiring\n---\n\n## Purpose\n\nThe CRM being retired.\n' },
          expect: [
            { file: 'projects/alpha/index.mdx', line: 9, column: 16, message: 'The system "billing" is in the project\'s scope but appears in none of its diagrams. Add it to the architecture diagram, or remove it from "systems".' },
          ],
        },
        {
          title: 'a retired interface drawn in a current project\'s diagram',
          criteria: ['K22.1'],
          files: {
            'projects/alpha/index.mdx': charterWithDiagram('flowchart LR\n  crm[Acme CRM] --> billing[Beta Billing] %% ^ architecture:3 The diagram draws the interface between "crm" and "billing", which the catalogue records as retired (systems/crm.mdx). A retired interface must not appear in a current architecture diagram: remove the line, or correct the contract\'s lifecycle.'),
            'systems/crm.mdx': crmSystem(BILLING_INTERFACE + contract({ lifecycle: 'retired' })),
          },
        },
      ],
    },
  },
  prepare: prepareDiagrams,
  check({ graph, record, report }) {
    if (!record.project) return;
    const project = graph.projects.get(record.project);
    if (!project) return;
    for (const diagram of diagramsOf(graph, record.file)) {
      const architecture = diagram.architecture;
      if (!architecture) continue;
      const systemNodes = new Set(architecture.nodes.filter((n) => n.system).map((n) => n.id));
      for (const node of architecture.nodes) {
        if (!node.system || graph.systems.has(node.id)) continue;
        report({ message: `The diagram node "${node.id}" is not a system in the catalogue (content/systems/). Use the system's id as the node id, or mark a node that is not a system (an id starting with actor-, ext- or group-, or the class nonSystem).`, at: diagram.toFile(node) });
      }
      for (const edge of architecture.edges) {
        if (!systemNodes.has(edge.from) || !systemNodes.has(edge.to) || edge.from === edge.to) continue;
        // A system whose record fails its schema has no trustworthy interfaces: `schema` reports it.
        if (!graph.systems.get(edge.from)?.data || !graph.systems.get(edge.to)?.data) continue;
        if (declared(graph, edge.from, edge.to)) {
          const between = interfacesBetween(graph, edge.from, edge.to);
          if (CURRENT(project.charter?.data?.status) && between.every((i) => i.contract?.lifecycle === 'retired')) {
            const file = graph.systems.get(between[0]!.provider)!.file;
            report({ ...say`The diagram draws the interface between "${edge.from}" and "${edge.to}", which the catalogue records as retired (${mention(file, file)}). A retired interface must not appear in a current architecture diagram: remove the line, or correct the contract's lifecycle.`, at: diagram.toFile(edge) });
          }
          continue;
        }
        report({ message: `The diagram draws an interface between "${edge.from}" and "${edge.to}" that neither system declares in the catalogue. Add it to one of their "interfaces", or correct the diagram.`, at: diagram.toFile(edge) });
      }
    }
    if (record.type !== 'charter' || !record.data) return;
    const drawn = new Set(project.records.flatMap((r) => diagramsOf(graph, r.file).flatMap((d) => d.architecture?.nodes.map((n) => n.id) ?? [])));
    record.data.systems.forEach((system, i) => {
      if (!drawn.has(system) && graph.systems.has(system)) report({ message: `The system "${system}" is in the project's scope but appears in none of its diagrams. Add it to the architecture diagram, or remove it from "systems".`, at: { path: ['systems', i] } });
    });
  },
});
