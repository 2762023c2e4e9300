// mdx-syntax: the body parses as MDX (or Markdown for .md files). A record that does not parse cannot
// be checked or published, so the error is reported where the parser stopped, with a way out.
import { z } from 'zod';
import { defineRule } from '../src/rule-kit/rule.ts';

export default defineRule({
  meta: {
    id: 'mdx-syntax',
    description: 'The body is valid MDX.',
    appliesTo: '*',
    readsAcross: [],
    criteria: ['P8'],
    severity: 'error',
    fixable: false,
    options: z.strictObject({}),
    docs: `MDX reads \`<\` as the start of a component and \`{\` as the start of an expression, so prose such
as "response time < 2s" or "{draft}" does not parse. This rule reports the place where parsing stopped.
Write \`&lt;\` for a literal less-than sign and \`\\{\` for a literal brace, or put the text in a code span.
Other rules cannot check a body that does not parse.`,
    examples: {
      valid: [{ title: 'escaped characters', files: { 'organisations/beta.mdx': '---\ntitle: Beta Ltd\nkind: target\n---\n\n## Role in the integration\n\nResponse times stay under 2 seconds (&lt; 2s) and \\{braces\\} are escaped.\n' } }],
      invalid: [
        {
          title: 'a bare less-than sign',
          criteria: ['P8'],
          files: { 'organisations/beta.mdx': `---
title: Beta Ltd
kind: target
---

## Role in the integration

Response times stay <2s for the target. {/* ^ mdx-syntax:22 /^MDX syntax error: .*Write &lt; for a literal "<"/ */}
` },
        },
      ],
    },
  },
  check({ syntaxError, report }) {
    if (!syntaxError) return;
    // A body refused unread (nested too deeply to parse safely) says so in its own words.
    if (syntaxError.refused) return report({ message: syntaxError.message, at: syntaxError });
    const hint = ' Write &lt; for a literal "<" and \\{ for a literal "{", or put the text in `code`.';
    report({ message: `MDX syntax error: ${syntaxError.message.replace(/\.?$/, '.')}${hint}`, at: syntaxError });
  },
});
