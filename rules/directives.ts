// directives: a disable comment names rules that exist. `seam-disable` with a misspelt or retired
// rule id silences nothing, so the finding it was meant to hide stays and the comment misleads (P8:
// documented information is accurate).
import { z } from 'zod';
import { closest } from '../src/model/message.ts';
import { quote } from '../src/model/safe-text.ts';
import { findDirectives } from '../src/rule-kit/directives.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

export default defineRule({
  meta: {
    id: 'directives',
    description: 'Disable comments (`seam-disable`, `seam-enable`, `seam-disable-line`, `seam-disable-next-line`) name rules that exist.',
    appliesTo: '*',
    readsAcross: [],
    criteria: ['P8'],
    severity: 'warning',
    fixable: false,
    options: z.strictObject({}),
    docs: `A disable comment silences the rules it names, in the body (\`{/* seam-disable-next-line currency */}\`)
or in frontmatter (\`# seam-disable-next-line currency\`). A name that is no rule's id — a typo, or a rule
that was renamed — silences nothing: the finding it was meant to hide is still reported, and a reader of
the file is told something that is not so. This rule reports each such name at its comment, with the
nearest rule id when one is close.

A rule switched \`off\` in seam.config.yaml still exists, so naming it is fine. Write the reason for a
disable comment after \` -- \`: the words after it are not rule names.`,
    examples: {
      valid: [
        {
          title: 'disable comments naming real rules, with a reason after --',
          files: {
            'organisations/beta.mdx': '---\ntitle: Beta Ltd\nkind: target\n# seam-disable-next-line currency -- not reviewed yet\nclassification: public\n---\n\n{/* seam-disable-next-line plain-language, links */}\n## Role in the integration\n\nBeta is the acquired company whose systems move onto Acme\'s platforms.\n',
          },
        },
      ],
      invalid: [
        {
          title: 'a misspelt rule id in the body',
          criteria: ['P8'],
          files: {
            'organisations/beta.mdx': '---\ntitle: Beta Ltd\nkind: target\nclassification: public\n---\n\n## Role in the integration\n\n{/* seam-disable-next-line plain-langauge */}\nBeta is the acquired company whose systems move onto Acme\'s platforms.\n',
          },
          expect: [{ file: 'organisations/beta.mdx', line: 9, column: 1, message: 'Unknown rule "plain-langauge" in a seam-disable-next-line comment: it silences nothing. Did you mean "plain-language"?' }],
        },
        {
          title: 'a rule id that does not exist, in frontmatter',
          criteria: ['P8'],
          files: {
            'organisations/beta.mdx': '---\ntitle: Beta Ltd\nkind: target  # seam-disable-line spelling\nclassification: public\n---\n\n## Role in the integration\n\nBeta is the acquired company whose systems move onto Acme\'s platforms.\n',
          },
          expect: [{ file: 'organisations/beta.mdx', line: 3, column: 15, message: 'Unknown rule "spelling" in a seam-disable-line comment: it silences nothing. Rule ids are listed by "seam rules".' }],
        },
      ],
    },
  },
  check({ source, ruleIds, report }) {
    for (const directive of findDirectives(source)) {
      for (const id of directive.rules) {
        if (ruleIds.has(id)) continue;
        const near = closest(id, ruleIds);
        report({
          message: `Unknown rule ${quote(id)} in a seam-${directive.kind} comment: it silences nothing. ${near ? `Did you mean ${quote(near)}?` : 'Rule ids are listed by "seam rules".'}`,
          at: { line: directive.line, column: directive.column },
        });
      }
    }
  },
});
