// mermaid: every Mermaid block parses with the Mermaid version the site renders with; an error is
// reported at its line and column in the MDX file, not the diagram's own line numbers.
import { z } from 'zod';
import { defineRule } from '../src/rule-kit/rule.ts';
import { charterWithDiagram } from './examples/charter.ts';
import { diagramsOf, prepareDiagrams } from '../src/rule-kit/diagrams.ts';


export default defineRule({
  meta: {
    id: 'mermaid',
    description: 'Every Mermaid diagram parses.',
    appliesTo: '*',
    readsAcross: [],
    criteria: ['P11', 'K36', 'K22.1'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `Architecture and process diagrams are written as fenced \`mermaid\` code blocks and drawn in the
reader's browser. A diagram with a syntax error shows as an error box on the site, so this rule parses
every block with the same Mermaid version the site uses (all diagram types: flowchart, sequence, class,
state, ER, C4, gantt, architecture, timeline, mindmap, xychart, …) and reports the first error at its
line and column in the file, with Mermaid's message made readable.`,
    examples: {
      valid: [
        { title: 'a flowchart and a sequence diagram', files: { 'projects/alpha/index.mdx': charterWithDiagram('flowchart LR\n  crm[Acme CRM] --> billing[Beta Billing]\n```\n\n```mermaid\nsequenceDiagram\n  crm->>billing: nightly accounts file') } },
      ],
      invalid: [
        {
          title: 'an edge with no target',
          files: { 'projects/alpha/index.mdx': charterWithDiagram('flowchart LR\n  crm[Acme CRM] -->\n  billing[Beta Billing]\n  crm --> ') },
          expect: [{ file: 'projects/alpha/index.mdx', line: 39, column: 10, message: /^The Mermaid diagram does not parse: / }],
        },
        {
          title: 'an unknown diagram type',
          files: { 'projects/alpha/index.mdx': charterWithDiagram('flowchat LR\n  crm --> billing') },
          expect: [{ file: 'projects/alpha/index.mdx', line: 36, column: 1, message: /^The Mermaid diagram does not parse: .*flowchat/ }],
        },
      ],
    },
  },
  prepare: prepareDiagrams,
  check({ graph, file, report }) {
    for (const diagram of diagramsOf(graph, file)) {
      if (diagram.parse.ok) continue;
      report({ message: `The Mermaid diagram does not parse: ${diagram.parse.message}`, at: diagram.toFile(diagram.parse) });
    }
  },
});
