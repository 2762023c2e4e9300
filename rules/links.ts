// links: every link in a body between pages and records resolves — to a page, a heading on it, or a
// file — and none leaves the content folder, so readers never meet a dead link and accurate
// information stays reachable (P8, K21).
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { anchorOf } from '../src/model/anchors.ts';
import { mention, say, suggest } from '../src/model/message.ts';
import { resolveLink, linkNodes } from '../src/model/links.ts';
import type { LinkIndex, LinkNode } from '../src/model/links.ts';
import type { ContentRecord } from '../src/model/graph.ts';
import { criterionAnchor } from '../src/model/identity.ts';
import type { SourceFile } from '../src/model/source.ts';
import { diskAssets, linkIndexOf } from '../src/rule-kit/link-index.ts';
import type { Fix } from '../src/rule-kit/finding.ts';
import { capReports, MAX_FINDINGS_PER_FILE, type CappedReport } from '../src/rule-kit/report-cap.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

const linkDoc = (body: string) => `---\ntitle: Linking records\n---\n\n## Overview\n\n${body}`;

export default defineRule({
  meta: {
    id: 'links',
    description: 'Links to pages, headings, records and files resolve, and never leave the content folder.',
    appliesTo: '*',
    readsAcross: '*',
    criteria: ['P8', 'K21'],
    severity: 'error',
    fixable: true,
    options: z.strictObject({
      publicDir: z.string().default('../public').describe('The site\'s public/ folder, relative to the content root (or absolute): where `/images/…` addresses are looked up.'),
    }),
    docs: `A reader who follows a dead link, or a link to a heading that was renamed, loses the thread of a
record; an auditor cannot verify what the record relies on (P8, K21: verify the accuracy, currency and
completeness of information). This rule follows every link, image and link
definition in a body and reports the ones that do not resolve. A link to another page is written in
one of three ways, all rendered by the site as the page's address:

- **by path from this file**, with or without extension: \`[CRM](../systems/crm.mdx)\`,
  \`[CRM](../systems/crm)\`, \`[plan](plan.mdx#budget)\`, \`[claims](../claims-consolidation/)\`;
- **by site address**: \`[CRM](/systems/crm/)\`, \`[policies](/policies/)\`;
- **by id**, \`<scheme>:<id>\`, the id exactly as in frontmatter: \`[CRM](system:crm)\`,
  \`[policy](policy:integration-policy)\`, \`[Acme](organisation:acme)\`, \`[provider](provider:bridgeworks)\`,
  \`[plan](project:alpha/plan#budget)\` (a project record is \`project:<project>/<path in the project>\`, its
  charter \`project:<project>\`), \`[glossary](handbook:glossary)\`, \`[standard](standard:eskitp5045)\`,
  \`[K25.8](criterion:K25.8)\`. Id links survive moving a file between folders.

A \`#anchor\` must name a heading on the target page as the site writes it: the heading's text in lower
case, spaces as hyphens, punctuation dropped (github-slugger, as Astro and Starlight do), with \`-1\`,
\`-2\` … for repeated headings. \`## Security and integrity\` is \`#security-and-integrity\`. A wrong-case
anchor (\`#Scope\`) is fixed by \`--fix\`. On the standard's page every criterion has an anchor
(\`/standard/#k25-8\`).

Images and other files resolve relative to the file (\`![map](diagram.svg)\`) or, for a site address,
in the site's public/ folder (\`![logo](/images/logo.svg)\`, option \`publicDir\`). A link that leaves the
content folder (\`../../../etc/passwd\`), a path on a disk (\`C:\\\\…\`, \`file:\`) or an unknown scheme is
refused. Web addresses (\`https:\`, \`mailto:\`, \`tel:\`) are external and are checked only by
\`seam links --external\`; script addresses are \`mdx-safety\`'s business. A file reports its first ${MAX_FINDINGS_PER_FILE}
links that do not resolve, then one finding that counts the rest.`,
    examples: {
      valid: [
        {
          title: 'links by path, site address and id, anchors, files and web addresses',
          files: {
            'docs/linking.mdx': linkDoc(
              'The [CRM](../systems/crm.mdx), [billing](../systems/billing), [its purpose](../systems/crm.mdx#purpose) and [the same page](/systems/crm/#purpose).\n\n' +
                '[Acme](organisation:acme), [the plan](project:alpha/plan#assumptions), [the charter](project:alpha#security-and-integrity), [P8](criterion:P8), [K21](/standard/#k21) and [all policies](/policies/).\n\n' +
                '[Up](#overview), [top](#_top), [mail](mailto:team@example.com), [web](https://example.com/a).\n\n![Data flow](diagram.svg)\n\nSee [the project][alpha].\n\n[alpha]: ../projects/alpha/\n',
            ),
            'docs/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
          },
        },
        {
          title: 'an image in the site\'s public folder',
          options: { publicDir: 'site-public' },
          files: {
            'docs/linking.mdx': linkDoc('![Acme logo](/images/acme.svg)\n'),
            'site-public/images/acme.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
          },
        },
      ],
      invalid: [
        {
          title: 'a missing page, an unknown id, an unknown scheme and a missing image',
          criteria: ['P8', 'K21'],
          files: {
            'docs/linking.mdx': linkDoc(`The [CRM](../systems/crmm.mdx), [billing](system:biling), [a policy](policies:integration-policy) and [the archive](/archive/). {/* ^ links:5-31 The link "../systems/crmm.mdx" points at systems/crmm.mdx, which does not exist. Did you mean "../systems/crm.mdx"? */} {/* ^ links:33-57 Unknown system "biling" in the link "system:biling". Did you mean "system:billing"? */} {/* ^ links:59-98 Unknown id scheme "policies:" in "policies:integration-policy". Did you mean "policy:integration-policy"? */} {/* ^ links:103-127 No page of the site, and no file in public/, is at "/archive/". An address starting with "/" is a site address such as /systems/crm/; to link a file in the content folder, write its path from this file. Paths on a computer's disk are never followed. */}

![Data flow](diagrams/flow.svg) {/* ^ links:1-32 The link "diagrams/flow.svg" points at docs/diagrams/flow.svg, which does not exist. */}
`),
          },
        },
        {
          title: 'links that leave the content folder',
          criteria: ['P8'],
          files: {
            'docs/linking.mdx': linkDoc(`Read [the passwords](../../../etc/passwd), [the same](/etc/passwd), [a drive](C:\\Windows\\win.ini) and [a file](file:///etc/passwd). {/* ^ links:6-42 The link "../../../etc/passwd" leaves the content folder and is refused: links may only reach pages and files inside it. To link another page, link a page by its path from this file (../systems/crm.mdx), its id (system:crm) or its site address (/systems/crm/). */} {/* ^ links:44-67 /^No page of the site, and no file in public\\/, is at "\\/etc\\/passwd"\\. .* Paths on a computer's disk are never followed\\.$/ */} {/* ^ links:69-98 /^The link "C:\\\\Windows\\\\win\\.ini" is a path on a computer's disk, not an address in the handbook, and is refused\\./ */} {/* ^ links:103-131 /^The link "file:\\/\\/\\/etc\\/passwd" is a path on a computer's disk/ */}
`),
          },
        },
        {
          title: 'anchors that match no heading, and one in the wrong case (fixable)',
          criteria: ['P8', 'K21'],
          files: {
            'docs/linking.mdx': linkDoc(`See [scope](../projects/alpha/index.mdx#scop), [security](project:alpha#Security-and-Integrity), [up](#Overview) and [K21](/standard/#K21). {/* ^ links:5-46 No heading on projects/alpha/index.mdx has the anchor "#scop". Did you mean "#scope"? */} {/* ^ links:48-96 The anchor "#Security-and-Integrity" is written "#security-and-integrity" on projects/alpha/index.mdx: the site writes anchors in lower case, with hyphens for spaces. */} {/* ^ links:98-113 The anchor "#Overview" is written "#overview" on this page: the site writes anchors in lower case, with hyphens for spaces. */} {/* ^ links:118-139 The anchor "#K21" is written "#k21" on standards/eskitp5045.yaml: the site writes anchors in lower case, with hyphens for spaces. */}
`),
          },
          fixed: {
            'docs/linking.mdx': linkDoc('See [scope](../projects/alpha/index.mdx#scop), [security](project:alpha#security-and-integrity), [up](#overview) and [K21](/standard/#k21).\n'),
          },
        },
      ],
    },
  },
  check({ tree, file, graph, options, source, report }) {
    if (!tree) return;
    const index = linkIndexOf(graph);
    const publicDir = isAbsolute(options.publicDir) ? options.publicDir : resolve(graph.root, options.publicDir);
    const assets = diskAssets(graph.root, publicDir);
    // A file of thousands of dead links gets the first MAX_FINDINGS_PER_FILE, then one finding counting
    // the rest; those past the cap are only counted, without the suggestion that compares each with
    // every page.
    const capped = capReports(report);
    for (const link of linkNodes(tree)) {
      const resolved = resolveLink(index, file, link.url, assets, { explain: !capped.full });
      if (resolved.kind === 'broken') {
        if (capped.full) capped.count({ node: link.node });
        else capped.report({ message: resolved.message, parts: resolved.parts, at: { node: link.node } });
      } else if (resolved.kind === 'page' && resolved.anchor) checkAnchor(index, resolved.record, resolved.anchor, resolved.record.file === file, link, source, capped);
    }
    capped.finish((more, shown) => `${more} more links in this file do not resolve, after the first ${shown} reported. Fix those, then check again to see the rest.`);
  },
});

function checkAnchor(index: LinkIndex, record: ContentRecord, anchor: string, samePage: boolean, link: LinkNode, source: SourceFile, capped: CappedReport<true>) {
  const anchors = index.anchors(record);
  if (anchors.has(anchor)) return;
  if (capped.full) return capped.count({ node: link.node });
  const report = capped.report;
  // The target page, its headings and anchors are named as mentions of it: a site built for readers
  // who may not read it shows "a restricted record" and no anchors.
  const where = samePage ? 'this page' : mention(record.file, record.file);
  const intended = [anchor.toLowerCase(), anchorOf(anchor), criterionAnchor(anchor)].find((a) => anchors.has(a));
  if (intended) {
    report({
      ...say`The anchor "#${anchor}" is written ${mention(record.file, `"#${intended}"`, 'differently')} on ${where}: the site writes anchors in lower case, with hyphens for spaces.`,
      at: { node: link.node },
      ...fixAnchor(link, source, intended),
    });
    return;
  }
  const known = [...anchors].filter((a) => a !== '_top').map((a) => ({ file: record.file, key: a, text: `#${a}` }));
  const hint = suggest({ value: anchor, candidates: known, near: [' Did you mean "', '"?'], list: [' Its anchors are: ', '.'], none: known.length ? '' : ' It has no headings.' });
  report({ ...say`No heading on ${where} has the anchor "#${anchor}".${hint}`, at: { node: link.node } });
}

/** Replaces the fragment in the link's source text, when it appears there exactly once. */
function fixAnchor(link: LinkNode, source: SourceFile, anchor: string): { fix?: Fix[] } {
  const start = link.node.position?.start.offset;
  const end = link.node.position?.end.offset;
  const hashAt = link.url.indexOf('#');
  if (start === undefined || end === undefined || hashAt === -1) return {};
  const written = link.url.slice(hashAt);
  const slice = source.text.slice(start, end);
  const at = slice.indexOf(written);
  if (at === -1 || slice.indexOf(written, at + 1) !== -1) return {};
  return { fix: [{ start: start + at + 1, end: start + at + written.length, text: anchor }] };
}
