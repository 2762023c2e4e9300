// plain-language: policies commit to something a reader can check. Vague qualifiers ("as appropriate",
// "where possible", "TBD") leave who does what, by when, undecided (P1, K7).
import type { Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import { escapeRegExp } from '../src/model/text.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

export const DEFAULT_PHRASES = [
  'as appropriate', 'where possible', 'where practicable', 'as needed', 'if necessary', 'in due course',
  'reasonable endeavours', 'best endeavours', 'TBD', 'TBC', 'etc.',
];

/** What to write instead, for the default phrases; any other phrase gets the general advice. */
const ALTERNATIVES: Record<string, string> = {
  'as appropriate': 'Name the condition and the action, for example "when a change touches personal data, the data protection officer reviews it".',
  'where possible': 'State the rule and who may grant an exception, for example "every interface is tested in pre-production; the architecture board approves any exception in writing".',
  'where practicable': 'State the rule and who may grant an exception, for example "the architecture board approves any exception in writing".',
  'as needed': 'Say what triggers it, for example "after every trial migration".',
  'if necessary': 'Say what makes it necessary, for example "if the reconciliation differs by more than 0.1%".',
  'in due course': 'Give a date or a trigger, for example "by 30 June" or "before cutover".',
  'reasonable endeavours': 'State the obligation, for example "the provider fixes severity 1 defects within 4 hours".',
  'best endeavours': 'State the obligation, for example "the provider fixes severity 1 defects within 4 hours".',
  tbd: 'Write the decision, or who makes it and by when.',
  tbc: 'Write what is confirmed, or who confirms it and by when.',
  'etc.': 'List every item, or name the rule that decides what is included.',
};
const GENERAL_ADVICE = 'Give a date, a trigger or a named owner.';

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u2018': '\u2019' };

/** A phrase inside quotation marks is mentioned ("avoid “as appropriate”"), not used. */
function isQuoted(text: string, start: number, end: number): boolean {
  const close = QUOTES[text[start - 1]];
  return close !== undefined && text[end] === close;
}

/**
 * Where each character of a text node's value sits in its source text. They differ where Markdown
 * drops characters (escapes, entities, list indentation and quote markers on continuation lines), so
 * the value is aligned with the source greedily; undefined when they cannot be aligned.
 */
function sourceOffsets(value: string, raw: string): number[] | undefined {
  const offsets: number[] = [];
  let j = 0;
  for (let i = 0; i < value.length; i++, j++) {
    while (j < raw.length && raw[j] !== value[i]) j++;
    if (j >= raw.length) return undefined;
    offsets.push(j);
  }
  return offsets;
}

/** A case-insensitive regular expression matching any of `phrases` as a whole phrase. */
export function phraseMatcher(phrases: string[]): RegExp | undefined {
  const parts = phrases
    .map((p) => p.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(/\s+/).map(escapeRegExp).join('\\s+'));
  if (!parts.length) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${parts.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

export default defineRule({
  meta: {
    id: 'plain-language',
    description: 'Policies make concrete commitments, not vague ones such as "as appropriate" or "TBD".',
    appliesTo: '*',
    appliesToWith: (options) => (options.scope === 'all' ? '*' : ['policies']),
    readsAcross: [],
    criteria: ['P1', 'K7'],
    severity: 'warning',
    fixable: false,
    options: z.strictObject({
      scope: z.enum(['policies', 'all']).default('policies').describe('Check only policies (`policies`), or the body of every record and handbook page (`all`).'),
      phrases: z.array(z.string().min(1)).default(DEFAULT_PHRASES).describe('Vague phrases to flag, matched case-insensitively as whole phrases (any run of spaces or line breaks between words). Setting it replaces the default list.'),
    }),
    docs: `A policy, standard or procedure (P1, K7) is only useful when a reader can tell whether it was
followed. Qualifiers such as "as appropriate", "where possible", "if necessary" or "in due course",
endeavours clauses, and placeholders such as "TBD", "TBC" or a closing "etc." leave the decision to
whoever reads it. This rule warns at each such phrase in the body's prose — text in paragraphs,
headings, lists, tables and quotes, never code, inline code or frontmatter — with the file line and
column where the phrase starts. A phrase in quotation marks ("avoid “as appropriate”") is mentioned,
not used, and is not reported.

Fix it by saying **who does what, by when**: replace "the provider will use reasonable endeavours to
fix defects" with "the provider fixes severity 1 defects within 4 hours". To quote a phrase on purpose
(a glossary entry, say), put it in inline code.

Options: \`scope\` checks only policies (default) or every record and handbook page (\`all\`);
\`phrases\` replaces the list of phrases.`,
    examples: {
      valid: [
        { title: 'a policy with concrete commitments', files: {} },
        {
          title: 'phrases mentioned in code or quotation marks, and a word that only contains a phrase',
          files: { 'policies/integration-policy.mdx': '---\ntitle: Integration policy\nkind: policy\nowner: Head of Integration\nversion: "1.0"\napproved: 2026-01-10\napprover: Chief Information Officer\nreviewBy: 2027-01-10\n---\n\n## Purpose\n\nAuthors never write `as appropriate`, "where possible" or \u201cTBD\u201d; the etcetera of detail goes in procedures.\n\n## Scope\n\nEvery project that joins systems of two organisations.\n' },
        },
      ],
      invalid: [
        {
          title: 'vague commitments in a policy',
          criteria: ['P1', 'K7'],
          files: { 'policies/integration-policy.mdx': `---
title: Integration policy
kind: policy
owner: Head of Integration
version: "1.0"
approved: 2026-01-10
approver: Chief Information Officer
reviewBy: 2027-01-10
---

## Purpose

Sets the rules every project follows, and escalates issues *as appropriate*. {/* ^ plain-language:61 "as appropriate" is a vague commitment: say who does what by when. Name the condition and the action, for example "when a change touches personal data, the data protection officer reviews it". */}

## Scope

- Interfaces, data migrations, etc. {/* ^ plain-language:32 "etc." is a vague commitment: say who does what by when. List every item, or name the rule that decides what is included. */}
- Decommissioning is TBD and will be agreed {/* ^ plain-language:22 "TBD" is a vague commitment: say who does what by when. Write the decision, or who makes it and by when. */}
  in due course. {/* ^ plain-language:3 /^"in due course" is a vague commitment/ */}
` },
        },
        {
          title: 'every record, with a custom list',
          options: { scope: 'all', phrases: ['where possible', 'as soon as possible'] },
          files: { 'organisations/beta.mdx': `---
title: Beta Ltd
kind: target
---

## Role in the integration

Beta moves its systems onto Acme's platforms as soon as possible. {/* ^ plain-language:46 "as soon as possible" is a vague commitment: say who does what by when. Give a date, a trigger or a named owner. */}
` },
        },
      ],
    },
  },
  check({ record, tree, source, options, report }) {
    if (!tree) return;
    const matcher = phraseMatcher(options.phrases);
    if (!matcher) return;
    visit(tree, 'text', (node: Text) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const offsets = sourceOffsets(node.value, source.text.slice(start, end));
      for (const m of node.value.matchAll(matcher)) {
        if (isQuoted(node.value, m.index, m.index + m[0].length)) continue;
        const phrase = m[0].replace(/\s+/g, ' ');
        report({
          message: `"${phrase}" is a vague commitment: say who does what by when. ${ALTERNATIVES[phrase.toLowerCase()] ?? GENERAL_ADVICE}`,
          at: offsets ? source.positionAt(start + offsets[m.index]) : { node },
        });
      }
    });
  },
});
