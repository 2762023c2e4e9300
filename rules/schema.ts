// schema: every record's frontmatter parses as YAML and matches its record type's schema — the same
// zod schema the site's content collections use — and the file sits where its record type lives.
import { z } from 'zod';
import { defineRule } from '../src/rule-kit/rule.ts';

const CODES = new Set(['yaml', 'schema', 'naming', 'encoding', 'file-too-large', 'unknown-location']);

export default defineRule({
  meta: {
    id: 'schema',
    description: 'Frontmatter is valid YAML and matches its record type\'s schema.',
    appliesTo: '*',
    readsAcross: [],
    criteria: ['P8', 'K21'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `Every record starts with YAML frontmatter whose fields are defined by its record type (see the
author's handbook for each type's fields). This rule reports broken YAML at the line where it breaks,
unknown fields (listing the allowed ones), missing required fields (with what the field is for), wrong
values (listing the allowed values), dates that are not real \`YYYY-MM-DD\` dates, file names that do not
match the record (a status report is named after its date; an evaluation after its provider and period),
files that are not valid UTF-8 or too large, and Markdown files placed where no record type lives.

The site is built from the same schemas, so a record that passes this rule also builds.`,
    examples: {
      valid: [{ title: 'the minimal example project', files: {} }],
      invalid: [
        {
          title: 'a value outside the allowed list',
          files: { 'systems/crm.mdx': '---\ntitle: Acme CRM\nowner: acme\nkind: app\nlifecycle: live\n---\n\n## Purpose\n\nHolds customers.\n' },
          expect: [{ file: 'systems/crm.mdx', line: 4, column: 7, message: '"kind" must be one of: application, platform, data-store, integration, infrastructure, saas (found "app").' }],
        },
        {
          title: 'an unknown field and a missing one',
          files: { 'organisations/beta.mdx': '---\ntitle: Beta Ltd\ncolour: blue\n---\n\n## Role in the integration\n\nThe target.\n' },
          expect: [
            { file: 'organisations/beta.mdx', line: 2, column: 1, message: /^Missing required field "kind"\. Add it: The organisation's part/ },
            { file: 'organisations/beta.mdx', line: 3, column: 1, message: /^Unknown field "colour"\. Allowed fields: title, description/ },
          ],
        },
        {
          title: 'broken YAML',
          files: { 'organisations/beta.mdx': '---\ntitle: Beta Ltd\nkind: [target\n---\n\n## Role in the integration\n\nThe target.\n' },
          expect: [{ file: 'organisations/beta.mdx', line: 4, column: 1, message: /^Broken YAML/ }],
        },
        {
          title: 'a date that does not exist',
          files: { 'projects/alpha/plan.mdx': null, 'projects/alpha/status/2026-06-31.mdx': '---\ntitle: June\ndate: 2026-06-31\nrag: green\nspend: { toDate: 1, forecast: 2 }\narchitecture: { aligned: true }\nquality: { openDefects: 0, summary: Fine }\n---\n' },
          expect: [{ file: 'projects/alpha/status/2026-06-31.mdx', line: 3, column: 7, message: '"date" is not a real calendar date (found "2026-06-31").' }],
        },
        {
          title: 'a status report not named after its date',
          files: { 'projects/alpha/status/latest.mdx': '---\ntitle: June\ndate: 2026-06-12\nrag: green\nspend: { toDate: 1, forecast: 2 }\narchitecture: { aligned: true }\nquality: { openDefects: 0, summary: Fine }\n---\n\n## Summary\n\nOn track.\n\n## Progress\n\nDesign done.\n\n## Risks and issues\n\nNone open.\n' },
          expect: [{ file: 'projects/alpha/status/latest.mdx', line: 3, column: 7, message: /rename the file to "2026-06-12\.mdx"/ }],
        },
        {
          title: 'a Markdown file where no record type lives',
          files: { 'notes/todo.md': '# Notes\n' },
          expect: [{ file: 'notes/todo.md', line: 1, column: 1, message: /is not where any record type lives/ }],
        },
      ],
    },
  },
  check({ graph, file, report }) {
    for (const p of graph.problems) {
      if (p.file !== file || !CODES.has(p.code)) continue;
      report({ message: p.message, parts: p.parts, at: p });
    }
  },
});
