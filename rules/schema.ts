// schema: every record's frontmatter parses as YAML and matches its record type's schema — the same
// zod schema the site's content collections use — and the file sits where its record type lives.
import { z } from 'zod';
import { problemsIn } from '../src/model/graph.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

const CODES = new Set(['yaml', 'schema', 'naming', 'encoding', 'file-too-large', 'unreadable', 'symlink', 'unknown-location']);

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
files that are not valid UTF-8 or too large, files and folders Seam may not read, symbolic links (never
followed: one could lead out of the content folder), and Markdown files placed where no record type lives.

The site is built from the same schemas, so a record that passes this rule also builds.`,
    examples: {
      valid: [{ title: 'the minimal example project', files: {} }],
      invalid: [
        {
          title: 'a value outside the allowed list',
          criteria: ['P8', 'K21'],
          files: { 'systems/crm.mdx': `---
title: Acme CRM
owner: acme
kind: app # ^ schema:7-10 "kind" must be one of: application, platform, data-store, integration, infrastructure, saas (found "app").
lifecycle: live
---

## Purpose

Holds customers.
` },
        },
        {
          title: 'an unknown field and a missing one',
          criteria: ['P8'],
          files: { 'organisations/beta.mdx': `---
title: Beta Ltd # ^ schema:1-4:1 /^Missing required field "kind"\\. Add it: The organisation's part/
colour: blue # ^ schema:1-7 /^Unknown field "colour"\\. Allowed fields: title, description/
---

## Role in the integration

The target.
` },
        },
        {
          title: 'broken YAML',
          criteria: ['P8'],
          files: { 'organisations/beta.mdx': `---
title: Beta Ltd
kind: [target
--- # ^ schema:1 /^Broken YAML/

## Role in the integration

The target.
` },
        },
        {
          title: 'a date that does not exist',
          criteria: ['K21'],
          files: { 'projects/alpha/plan.mdx': null, 'projects/alpha/status/2026-06-31.mdx': `---
title: June
date: 2026-06-31 # ^ schema:7-17 "date" is not a real calendar date (found "2026-06-31").
rag: green
spend: { toDate: 1, forecast: 2 }
architecture: { aligned: true }
quality: { openDefects: 0, summary: Fine }
---
` },
        },
        {
          title: 'a status report not named after its date',
          criteria: ['P8'],
          files: { 'projects/alpha/status/latest.mdx': `---
title: June
date: 2026-06-12 # ^ schema:7-17 /rename the file to "2026-06-12\\.mdx"/
rag: green
spend: { toDate: 1, forecast: 2 }
architecture: { aligned: true }
quality: { openDefects: 0, summary: Fine }
---

## Summary

On track.

## Progress

Design done.

## Risks and issues

None open.
` },
        },
        {
          title: 'a Markdown file where no record type lives',
          criteria: ['P8'],
          files: { 'notes/todo.md': `# Notes <!-- ^ schema:1 /is not where any record type lives/ -->
` },
        },
      ],
    },
  },
  check({ graph, file, report }) {
    for (const p of problemsIn(graph, file)) {
      if (!CODES.has(p.code)) continue;
      report({ message: p.message, parts: p.parts, at: p });
    }
  },
});
