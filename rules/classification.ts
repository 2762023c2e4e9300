// classification: a page never links to, or names by id, a record of a higher classification — a
// public page to an internal or confidential record, an internal one to a confidential record — so an
// audience build never points readers at what it must not show, nor reveals that it exists (K28.1).
import { z } from 'zod';
import { mention, say } from '../src/model/message.ts';
import { findCriterion } from '../src/model/criterion-ids.ts';
import { quote } from '../src/model/safe-text.ts';
import type { Classification, ContentRecord, RecordGraph, Reference, TypedRecord } from '../src/model/graph.ts';
import { referencesOf } from '../src/model/graph.ts';
import { linkNodes, resolveLink } from '../src/model/links.ts';
import { projectPath } from '../src/model/project-state.ts';
import { recordTypeByName, recordTypeNames } from '../src/model/record-types.ts';
import { linkIndexOf } from '../src/rule-kit/link-index.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

const LEVEL: Record<Classification, number> = { public: 0, internal: 1, confidential: 2 };

const orgPage = '---\ntitle: Beta Ltd\nkind: target\nclassification: public\n---\n\n## Role in the integration\n\n';

export default defineRule({
  meta: {
    id: 'classification',
    description: 'Pages do not link to, or refer by id to, records of a higher classification.',
    appliesTo: recordTypeNames,
    readsAcross: '*',
    criteria: ['K28.1'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `Every record is \`public\`, \`internal\` or \`confidential\` (\`classification:\`; records default to
\`internal\`, handbook pages and criteria catalogues to \`public\`), and each audience build of the site
leaves out what its readers may not see. A public page that links to an internal record sends public
readers to a page that is not there — and its link text and address reveal that the record exists and
what it is about. That is an information-security failure (K28.1: the integrity, confidentiality and information
security of what integration work produces).

This rule reports, at the link or at the frontmatter value:

- a body link (by path, site address or id, see \`links\`) to a record of a higher classification;
- an id in the frontmatter that names a record of a higher classification: an organisation, system,
  provider, policy, project, another project's lessons, a project record (\`signoffs[].record\`) or a
  criterion (its catalogue).

Linking *down* is always fine: an internal charter may name a public organisation. Ids of people,
workstreams, milestones and budget lines are labels inside a project, not links, and are not checked.
To fix a finding, either raise the referring page's classification to the target's, or remove the link
or reference. A handbook page is public unless it says otherwise, so a handbook page about a project
usually needs \`classification: internal\`.`,
    examples: {
      valid: [
        {
          title: 'an internal charter naming public organisations, and a public page linking public pages',
          files: { 'organisations/beta.mdx': `${orgPage}Acquired by [Acme](acme.mdx), see the [handbook](handbook:guide).\n`, 'docs/guide.mdx': '---\ntitle: Guide\n---\n\nAbout [Acme](organisation:acme).\n' },
        },
        {
          title: 'a link to a record whose frontmatter is broken (its level is unknown; the schema rule reports the file)',
          files: {
            'docs/guide.mdx': '---\ntitle: Guide\n---\n\nSee [billing](system:billing).\n',
            'systems/billing.mdx': '---\ntitle: Beta Billing\nclassification: [confidential\n---\n\n## Purpose\n\nBills customers.\n',
          },
        },
      ],
      invalid: [
        {
          title: 'a public handbook page linking internal records',
          criteria: ['K28.1'],
          files: {
            'docs/guide.mdx': `---
title: Guide
---

Start with the [CRM](../systems/crm.mdx) and the [Alpha plan](project:alpha/plan#assumptions). {/* ^ classification:16-41 This public handbook page links to "Acme CRM" (systems/crm.mdx), which is internal: readers of a public build cannot follow the link, and it reveals that the record exists. Either raise this page's classification (add "classification: internal"; handbook pages are public unless they say otherwise) or remove the link. */} {/* ^ classification:50-94 /^This public handbook page links to "Alpha plan" \\(projects\\/alpha\\/plan\\.mdx\\), which is internal/ */}
`,
          },
        },
        {
          title: 'public records linking and referring by id to a confidential one, and an internal charter naming it',
          criteria: ['K28.1'],
          files: {
            'systems/billing.mdx': '---\ntitle: Beta Billing\nowner: beta\nkind: application\nlifecycle: migrating\nclassification: confidential\n---\n\n## Purpose\n\nBills Beta\'s customers.\n',
            'systems/crm.mdx': `---
title: Acme CRM
owner: acme
kind: application
lifecycle: live
classification: public
interfaces:
  - system: billing # ^ classification:13-20 /^This public system refers to the system "billing" \\(systems\\/billing\\.mdx\\), which is confidential/
    protocol: REST/JSON
---

## Purpose

Holds customer accounts.
`,
            'organisations/beta.mdx': `${orgPage}Runs [billing](/systems/billing/). {/* ^ classification:6 This public organisation links to "Beta Billing" (systems/billing.mdx), which is confidential: readers of a public build cannot follow the link, and it reveals that the record exists. Either raise this page's classification (set "classification: confidential") or remove the link. */}\n`,
          },
          expect: [
            { file: 'projects/alpha/index.mdx', line: 9, column: 16, message: 'This internal project charter refers to the system "billing" (systems/billing.mdx), which is confidential: readers of an internal build cannot follow the reference, and it reveals that the record exists. Either raise this record\'s classification (add "classification: confidential") or remove the reference.' },
          ],
        },
        {
          title: 'a public policy superseding an internal one',
          criteria: ['K28.1'],
          files: {
            'policies/integration-policy.mdx': `---
title: Integration policy
kind: policy
owner: Head of Integration
version: "2.0"
approved: 2026-01-10
approver: Chief Information Officer
reviewBy: 2027-01-10
classification: public
supersedes: integration-policy-v1 # ^ classification:13-34 This public policy refers to the policy "integration-policy-v1" (policies/integration-policy-v1.mdx), which is internal: readers of a public build cannot follow the reference, and it reveals that the record exists. Either raise this record's classification (set "classification: internal") or remove the reference.
---

## Purpose

Sets the rules.

## Scope

Every project.
`,
            'policies/integration-policy-v1.mdx': '---\ntitle: Integration policy v1\nkind: policy\nowner: Head of Integration\nversion: "1.0"\napproved: 2025-01-10\napprover: Chief Information Officer\nreviewBy: 2027-01-10\n---\n\n## Purpose\n\nSet the rules.\n\n## Scope\n\nEvery project.\n',
          },
        },
      ],
    },
  },
  check({ record, tree, file, graph, report }) {
    const level = levelOf(record);
    if (level === undefined || level === LEVEL.confidential) return;
    const label = recordTypeByName.get(record.type)?.label ?? 'page';
    const implicit = (record.source.data as { classification?: unknown } | undefined)?.classification === undefined;
    // Handbook pages are the common case: public by default, written about internal projects.
    const note = implicit && record.type === 'docs' ? '; handbook pages are public unless they say otherwise' : '';
    const raise = (target: ContentRecord, noun: string) => `Either raise this ${noun}'s classification (${implicit ? 'add' : 'set'} "classification: ${target.classification}"${note})`;
    const index = linkIndexOf(graph);
    for (const link of linkNodes(tree)) {
      // Only the target matters here: a broken link is the links rule's to explain.
      const resolved = resolveLink(index, file, link.url, undefined, { explain: false });
      if (resolved.kind !== 'page' || !((levelOf(resolved.record) ?? -1) > level)) continue;
      const target = resolved.record;
      report({
        ...say`This ${record.classification} ${label} links to ${mention(target.file, `${quote(target.title)} (${target.file})`)}, which is ${target.classification}: readers of ${article(record.classification)} ${record.classification} build cannot follow the link, and it reveals that the record exists. ${raise(target, 'page')} or remove the link.`,
        at: { node: link.node },
      });
    }
    for (const ref of referencesOf(record)) {
      const target = referencedRecord(graph, record, ref);
      if (!target || !((levelOf(target) ?? -1) > level)) continue;
      report({
        ...say`This ${record.classification} ${label} refers to the ${targetLabel(ref)} ${quote(ref.value)} (${mention(target.file, target.file, 'a restricted record')}), which is ${target.classification}: readers of ${article(record.classification)} ${record.classification} build cannot follow the reference, and it reveals that the record exists. ${raise(target, 'record')} or remove the reference.`,
        at: { path: ref.path, key: ref.isKey },
      });
    }
  },
});

/**
 * A record's classification level, or `undefined` when its frontmatter is broken or names no valid
 * classification: then the level is unknown, and the schema rule reports the file, not this one.
 */
function levelOf(record: ContentRecord | undefined): number | undefined {
  if (!record || record.source.data === undefined || record.source.problems.length) return undefined;
  return Object.hasOwn(LEVEL, record.classification) ? LEVEL[record.classification] : undefined;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

function targetLabel(ref: Reference): string {
  return ref.target === 'project-record' ? 'project record' : ref.target;
}

/** The record a frontmatter reference names, for references that name records (not people or milestones). */
function referencedRecord(graph: RecordGraph, record: TypedRecord, ref: Reference): ContentRecord | undefined {
  switch (ref.target) {
    case 'organisation': return graph.organisations.get(ref.value);
    case 'system': return graph.systems.get(ref.value);
    case 'provider': return graph.providers.get(ref.value);
    case 'policy': return graph.policies.get(ref.value);
    case 'project': return graph.projects.get(ref.value)?.charter;
    case 'lesson': {
      const applied = record.type === 'charter' ? record.data?.lessonsApplied[ref.path[1] as number] : undefined;
      return applied ? graph.projects.get(applied.project)?.lessons : undefined;
    }
    case 'project-record':
      return graph.projects.get(record.project ?? '')?.records.find((r) => projectPath(r) === ref.value);
    case 'criterion': {
      const criterion = findCriterion(graph, ref.value);
      return criterion && graph.byType.get('standards')?.find((s) => s.id === criterion.standard);
    }
    default:
      return undefined;
  }
}
