// status-summary-length: a status report's Summary is short enough for a sponsor to read first.
// A local rule plugin of this repository (seam.config.yaml, `plugins`), written with Seam's rule kit
// exactly as the rules in rules/ are: its docs and examples are its tests (tests/rules/plugins.test.ts
// runs them with the same rule tester). Plugins are code: .github/CODEOWNERS has this folder
// reviewed by the maintainers of Seam's configuration, never by content contributors.
import { z } from 'zod';
import { defineRule } from '../src/rule-kit/rule.ts';
import { sameHeading, sections } from '../src/rule-kit/sections.ts';

const summaryReport = (summary: string) => `---
title: Alpha status, 12 June 2026
date: 2026-06-12
rag: amber
spend: { toDate: 153000, forecast: 252000 }
milestonesAtRisk: [trial]
architecture: { aligned: true }
quality: { openDefects: 2, summary: Two mapping defects open with fixes in test. }
issues:
  - id: mapping-gaps
    title: Beta product codes without an Acme equivalent
    severity: medium
    owner: cara
    action: Agree a mapping for each code with Beta finance.
    due: 2026-07-01
---

${summary}

## Progress

Trial migration one ran on 10 June.

## Risks and issues

Beta product codes without an Acme equivalent still need agreed mappings.
`;

export default defineRule({
  meta: {
    id: 'status-summary-length',
    description: 'A status report\'s Summary is short enough for a sponsor to read first (150 words unless configured).',
    appliesTo: ['status'],
    readsAcross: [],
    criteria: [],
    severity: 'error',
    fixable: false,
    options: z.strictObject({
      maxWords: z.number().int().positive().default(150).describe('Most words the Summary section may hold.'),
    }),
    docs: `Harbour Mutual's Integration Steering Committee reads the Summary of every status report first,
often only that: a Summary longer than \`maxWords\` words (default 150) buries the one thing a sponsor
must know. Move the detail to Progress or to Risks and issues, and keep the Summary to the state of the
project, what changed and what is asked of the committee.

This is a rule of this repository, not of Seam: a local plugin in \`seam-rules/\`, listed under
\`plugins\` in seam.config.yaml and reviewed as code.`,
    examples: {
      valid: [{ title: 'a short summary', base: 'execution', files: {} }],
      invalid: [
        {
          title: 'a summary of thirteen words with a limit of ten',
          base: 'execution',
          options: { maxWords: 10 },
          files: {
            'projects/alpha/status/2026-06-12.mdx': summaryReport(`## Summary {/* ^ status-summary-length:1 The Summary has 13 words; at most 10 are allowed. Move the detail to Progress or Risks and issues. */}

Trial one ran on time, and two mapping defects remain open in test.`),
          },
        },
      ],
    },
  },
  check({ tree, options, report }) {
    if (!tree) return;
    const summary = sections(tree).find((s) => sameHeading(s.title, 'Summary'));
    if (!summary || summary.words <= options.maxWords) return;
    report({
      message: `The Summary has ${summary.words} words; at most ${options.maxWords} are allowed. Move the detail to Progress or Risks and issues.`,
      at: { node: summary.heading },
    });
  },
});
