// unfinished: no prompt that `seam new` leaves for the author ("TODO: …") survives into a merged record,
// so nobody reads a placeholder as a fact (P8, K21).
import type { Heading, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import { quote } from '../src/model/safe-text.ts';
import { PROMPT_MARK } from '../src/model/scaffold.ts';
import { capReports, MAX_FINDINGS_PER_FILE } from '../src/rule-kit/report-cap.ts';
import { defineRule, type RuleContext } from '../src/rule-kit/rule.ts';

const EXCERPT = 60;

/** The prompt as the author sees it: from the mark to the end of its line, shortened. */
function excerpt(text: string, at: number): string {
  // Only as much of the line as an excerpt can show: the rest of a huge paragraph is never copied, nor
  // searched for the line's end (that search, once per prompt, made a long line quadratic).
  const window = text.slice(at, at + EXCERPT * 4);
  const lineEnd = window.indexOf('\n');
  const line = (lineEnd < 0 ? window : window.slice(0, lineEnd)).replace(/\r$/, '').trim();
  if (line.length <= EXCERPT) return line;
  const cut = line.slice(0, EXCERPT - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Every string (and mapping key) in parsed YAML holding a prompt, with its path. */
function promptsIn(value: unknown, path: PropertyKey[], found: { path: PropertyKey[]; text: string; key: boolean }[]) {
  if (typeof value === 'string') {
    if (value.includes(PROMPT_MARK)) found.push({ path, text: value, key: false });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => promptsIn(item, [...path, i], found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(PROMPT_MARK)) found.push({ path: [...path, key], text: key, key: true });
      promptsIn(item, [...path, key], found);
    }
  }
  return found;
}

const fieldName = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

export default defineRule({
  meta: {
    id: 'unfinished',
    description: 'No "TODO:" prompt from a template is left in a record.',
    appliesTo: '*',
    readsAcross: [],
    criteria: ['P8', 'K21'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `\`seam new\` writes a record with every value only its author can give marked as a prompt that
starts with \`TODO:\` — \`title: "TODO: a headline for this status report"\` in the frontmatter, \`TODO: describe
progress against the plan's milestones…\` under a heading. A record that still holds one would be read
as fact (P8, K21: information must be accurate before anyone relies on it), so this rule reports each
prompt left: in a frontmatter value or key, at the value, and in the body's text, at the prompt. Replace
the prompt with what it asks for — a frontmatter prompt usually also needs the right type (a number, a
date, an id), which the \`schema\` rule checks once the prompt is gone.

Only the exact mark \`TODO:\` counts, and only in text: a \`TODO:\` inside inline code or a code block is
an example, not a prompt. Vaguer placeholders ("TBD", "TBC") in a section make \`required-sections\` report
it as empty, and in policies \`plain-language\` reports them too. A file reports its first ${MAX_FINDINGS_PER_FILE} prompts, then
one finding that counts the rest.`,
    examples: {
      valid: [
        { title: 'the minimal example project', files: {} },
        {
          title: 'a prompt shown as code is an example, not a prompt',
          files: { 'organisations/beta.mdx': '---\ntitle: Beta Ltd\nkind: target\n---\n\n## Role in the integration\n\nBeta is the acquired company. `seam new` marks prompts with `TODO:` for the author.\n' },
        },
      ],
      invalid: [
        {
          title: 'a scaffolded record with its prompts left in',
          criteria: ['P8', 'K21'],
          files: { 'organisations/beta.mdx': `---
title: "TODO: the organisation's name" # ^ unfinished:8-39 Unfinished: replace the prompt “TODO: the organisation's name” with the value of "title" it asks for.
kind: target
---

## Role in the integration

TODO: describe the organisation's part in the integration and its main contacts. {/* ^ unfinished:1 Unfinished: replace the prompt “TODO: describe the organisation's part in the integration…” with the text of the section "Role in the integration". */}
` },
        },
        {
          title: 'a prompt inside a list, and one left after real prose',
          criteria: ['P8'],
          files: { 'systems/crm.mdx': `---
title: Acme CRM
owner: acme
kind: application
lifecycle: live
dataClasses: [personal]
interfaces:
  - system: billing
    protocol: "TODO: how they talk" # ^ unfinished:15-36 Unfinished: replace the prompt “TODO: how they talk” with the value of "interfaces[0].protocol" it asks for.
---

## Purpose

Holds customer accounts for Acme. TODO: name the team that runs it. {/* ^ unfinished:35 Unfinished: replace the prompt “TODO: name the team that runs it.” with the text of the section "Purpose". */}
` },
        },
      ],
    },
  },
  check({ source, tree, report }) {
    // A file left full of prompts gets the first MAX_FINDINGS_PER_FILE, then one finding counting the
    // rest: enough to act on, and a hostile file cannot flood the output.
    const capped = capReports(report);
    promptsInFile({ source, tree, report: capped.report });
    capped.finish((more, shown) => `Unfinished: ${more} more prompts in this file after the first ${shown}. Replace every "${PROMPT_MARK}" prompt.`);
  },
});

function promptsInFile({ source, tree, report }: Pick<RuleContext, 'source' | 'tree' | 'report'>): void {
  for (const prompt of promptsIn(source.data, [], [])) {
    const text = excerpt(prompt.text, prompt.text.indexOf(PROMPT_MARK));
    report({ message: `Unfinished: replace the prompt “${text}” with the ${prompt.key ? 'key' : 'value'} of "${fieldName(prompt.path)}" it asks for.`, at: { path: prompt.path, key: prompt.key } });
  }
  if (!tree) return;
  let heading: string | undefined;
  visit(tree, (node) => {
    if (node.type === 'heading') heading = (node as Heading).children.map((c) => ('value' in c ? c.value : '')).join('').trim();
    if (node.type !== 'text') return;
    const { start, end } = (node as Text).position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return;
    const raw = source.text.slice(start.offset, end.offset);
    const first = raw.indexOf(PROMPT_MARK);
    if (first < 0) return;
    // Quoted only for text that holds a prompt: quoting the heading for every text node was a visible share of a run.
    const where = heading ? `the text of the section ${quote(heading)}` : 'the text it asks for';
    for (let i = first; i >= 0; i = raw.indexOf(PROMPT_MARK, i + PROMPT_MARK.length)) {
      report({ message: `Unfinished: replace the prompt “${excerpt(raw, i)}” with ${where}.`, at: source.positionAt(start.offset + i) });
    }
  });
}
