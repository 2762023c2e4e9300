// required-sections: a record's body has the headings its record type requires, each with real prose.
import { z } from 'zod';
import { recordTypeByName, recordTypeNames } from '../src/model/record-types.ts';
import { defineRule } from '../src/rule-kit/rule.ts';
import { sameHeading, sections } from '../src/rule-kit/sections.ts';

export default defineRule({
  meta: {
    id: 'required-sections',
    description: 'The body has its record type\'s required headings, each with content.',
    appliesTo: recordTypeNames,
    readsAcross: [],
    criteria: ['P8'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({
      minWords: z.number().int().nonnegative().default(3).describe('Fewest words of prose a required section must hold.'),
    }),
    docs: `Narrative lives in the body under headings each record type requires — a charter needs Scope,
Approach, External factors, Architecture and Security and integrity; a status report needs Summary,
Progress and Risks and issues (the author's handbook lists them per type). A heading that is missing, or
present with nothing but a placeholder (TODO, TBD, lorem ipsum) under it, is reported. Headings match
case-insensitively at any level. A Mermaid diagram counts as content.`,
    examples: {
      valid: [{ title: 'the minimal example project', files: {} }],
      invalid: [
        {
          title: 'a missing heading and an empty one',
          criteria: ['P8'],
          files: { 'projects/alpha/stakeholders.mdx': null, 'organisations/beta.mdx': `---
title: Beta Ltd
kind: target
---

## Role in the integration {/* ^ required-sections:1-27 The section "Role in the integration" has no real content yet (found 0 words; at least 3 expected). Write it, replacing any placeholder. */}

TBD
` },
        },
        {
          title: 'a system without its Purpose section',
          criteria: ['P8'],
          files: { 'systems/crm.mdx': `---
title: Acme CRM
owner: acme
kind: application
lifecycle: live
---

Holds customers. {/* ^ required-sections:1 Missing the section "Purpose": a system needs the headings Purpose. Add "## Purpose" with its content. */}
` },
        },
      ],
    },
  },
  check({ record, tree, source, options, report }) {
    if (!tree) return;
    const type = recordTypeByName.get(record.type)!;
    if (!type.requiredSections.length) return;
    const found = sections(tree);
    const end = source.positionAt(source.text.replace(/\s+$/, '').length);
    const bodyStart = source.positionAt(source.bodyOffset + (/^\s*/.exec(source.body)?.[0].length ?? 0));
    for (const title of type.requiredSections) {
      const section = found.find((s) => sameHeading(s.title, title));
      if (!section) {
        const at = found.length ? { node: found[0].heading } : source.body.trim() ? bodyStart : end;
        report({ message: `Missing the section "${title}": a ${type.label} needs the headings ${type.requiredSections.join(', ')}. Add "## ${title}" with its content.`, at });
      } else if (section.words < options.minWords) {
        report({ message: `The section "${title}" has no real content yet (found ${section.words} words; at least ${options.minWords} expected). Write it, replacing any placeholder.`, at: { node: section.heading } });
      }
    }
  },
});
