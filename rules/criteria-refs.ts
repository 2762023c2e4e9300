// criteria-refs: every criterion id a record names — in `criteria:`, in `evidence:` claims or in its
// prose — exists in a criteria catalogue under content/standards/.
import type { Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import { closest } from '../src/model/message.ts';
import { problemsIn } from '../src/model/graph.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

export default defineRule({
  meta: {
    id: 'criteria-refs',
    description: 'Every criterion id mentioned exists in the criteria catalogue.',
    appliesTo: '*',
    readsAcross: ['standards'],
    criteria: ['P8'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `Policies list the criteria they address in \`criteria:\`, any record may claim extra criteria in
\`evidence:\`, and prose often cites a criterion ("see K25.8"). A mistyped id silently breaks coverage and
the standard's backlinks, so every id must exist in a catalogue in \`content/standards/\`. An id written alone
(\`P5\`) is the primary standard's (\`standards.primary\` in seam.config.yaml); another standard's is written
with its id (\`sp800-53-low:cm-4\`), and a message about an unknown id names the standard it looked in. Ids in
prose are recognised by the prefixes the primary standard uses (\`P\` and \`K\` for ESKITP5045) followed by a
number; code spans and code blocks are ignored.`,
    examples: {
      valid: [{ title: 'a policy citing real criteria', files: { 'policies/integration-policy.mdx': '---\ntitle: Integration policy\nkind: policy\nowner: Head of Integration\nversion: "1.0"\napproved: 2026-01-10\napprover: CIO\nreviewBy: 2027-01-10\ncriteria: [P1, K7, K25.8]\n---\n\n## Purpose\n\nMeets P1 and K25.8 of the standard.\n\n## Scope\n\nAll projects; the code `K99` is just an example.\n' } }],
      invalid: [
        {
          title: 'an unknown id in criteria and in prose',
          criteria: ['P8'],
          files: { 'policies/integration-policy.mdx': `---
title: Integration policy
kind: policy
owner: Head of Integration
version: "1.0"
approved: 2026-01-10
approver: CIO
reviewBy: 2027-01-10
criteria: [P1, P21] # ^ criteria-refs:16-19 /^Unknown criterion "P21"/
---

## Purpose

Meets K25.9 of the standard. {/* ^ criteria-refs:7 /^Unknown criterion "K25.9" in the text\\. Did you mean "K25\\.\\d"\\? Check the id against the standard\\.$/ */}

## Scope

All projects.
` },
        },
      ],
    },
  },
  check({ graph, file, tree, source, report }) {
    for (const p of problemsIn(graph, file)) {
      if (p.code === 'unknown-criterion') report({ message: p.message, at: p });
    }
    // Prose cites the primary standard by its ids (`K25.8`): those with a capital-letter prefix and a number.
    const ids = [...graph.criteria.values()].filter((c) => c.standard === graph.primaryStandard).map((c) => c.id);
    const prefixes = [...new Set(ids.flatMap((id) => /^[A-Z]+(?=\d)/.exec(id)?.[0] ?? []))];
    if (!tree || !prefixes.length) return;
    const known = new Set(ids);
    const mention = new RegExp(`\\b(?:${prefixes.join('|')})\\d+(?:\\.\\d+)*\\b`, 'g');
    visit(tree, 'text', (node: Text) => {
      if (!node.position) return;
      for (const m of node.value.matchAll(mention)) {
        if (known.has(m[0])) continue;
        const near = closest(m[0], known);
        const at = source.positionAt(node.position.start.offset! + m.index!);
        report({ message: `Unknown criterion "${m[0]}" in the text.${near ? ` Did you mean "${near}"?` : ''} Check the id against the standard.`, at });
      }
    });
  },
});
