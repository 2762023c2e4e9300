// currency: documents past their review date and information not re-verified recently are flagged,
// so nobody relies on a stale policy, standard or source (P8, K21).
import { z } from 'zod';
import { quote } from '../src/model/safe-text.ts';
import { daysBetween, endOf } from '../src/model/today.ts';
import { defineRule } from '../src/rule-kit/rule.ts';

export default defineRule({
  meta: {
    id: 'currency',
    description: 'Policies and standards are within their review date; sources were verified recently.',
    appliesTo: ['policies', 'standards', 'charter'],
    readsAcross: [],
    criteria: ['P1', 'P8', 'K21'],
    severity: 'warning',
    fixable: false,
    options: z.strictObject({
      maxSourceAgeDays: z.number().int().positive().default(365).describe('Days after which a charter\'s `sources[].verified` date is stale.'),
      reviewNoticeDays: z.number().int().nonnegative().default(0).describe('Also warn this many days before a `reviewBy` date arrives.'),
    }),
    docs: `A policy or standard carries \`reviewBy\`; once "today" passes it the document may no longer
reflect practice, law or the standard it implements, and this rule warns at the \`reviewBy\` field. A
standard whose review date is a month (\`2014-03\`) is due at the end of that month. The shipped
ESKITP5045 catalogue itself is past its indicative review date (March 2014) and is reported: that
warning is deliberate — it records that the organisation still uses a standard its publisher has not
re-reviewed.

A project charter lists the \`sources\` of information it relies on, each with the date it was last
\`verified\`; a source not re-verified within \`maxSourceAgeDays\` (default 365) is reported (P8: verify the
accuracy and currency of information). "Today" comes from \`--today\`, \`SEAM_TODAY\` or \`today:\` in
seam.config.yaml.`,
    examples: {
      valid: [{ title: 'documents in date and fresh sources', files: {}, today: '2026-06-15' }],
      invalid: [
        {
          title: 'a policy past its review date',
          criteria: ['P1'],
          files: {},
          today: '2027-02-01',
          expect: [{ file: 'policies/integration-policy.mdx', line: 8, column: 11, message: 'Review overdue: "reviewBy" was 2027-01-10 (22 days ago). Review the policy, then update "version", "approved" and "reviewBy".' }],
        },
        {
          title: 'a standard past its indicative review month',
          criteria: ['P1'],
          files: {},
          today: '2100-01-01',
          options: { maxSourceAgeDays: 100000 },
          expect: [
            { file: 'policies/integration-policy.mdx', line: 8, column: 11, message: /^Review overdue/ },
            { file: 'standards/eskitp5045.yaml', line: 8, column: 11, message: /^Review overdue: "reviewBy" was 2099-12 \(1 days ago\)/ },
          ],
        },
        {
          title: 'a source not re-verified for over a year',
          criteria: ['P8', 'K21'],
          files: {},
          today: '2026-06-15',
          options: { maxSourceAgeDays: 20 },
          expect: [{ file: 'projects/alpha/index.mdx', line: 18, column: 15, message: 'The source "Beta customer extract" was last verified on 2026-05-20, 26 days ago (the limit is 20). Check it is still accurate and current, then update "verified".' }],
        },
      ],
    },
  },
  check({ record, today, options, report }) {
    if (!record.data) return;
    const review = (reviewBy: string, what: string) => {
      const due = endOf(reviewBy);
      const left = daysBetween(today, due);
      if (left < 0) report({ message: `Review overdue: "reviewBy" was ${reviewBy} (${-left} days ago). Review the ${what}, then update "version", "approved" and "reviewBy".`, at: { path: ['reviewBy'] } });
      else if (left < options.reviewNoticeDays) report({ message: `Review due soon: "reviewBy" is ${reviewBy} (in ${left} days). Plan the review of the ${what}.`, at: { path: ['reviewBy'] } });
    };
    if (record.type === 'policies') review(record.data.reviewBy, record.data.kind);
    if (record.type === 'standards' && record.data.reviewBy) review(record.data.reviewBy, 'standard (or record that the organisation accepts it unreviewed)');
    if (record.type === 'charter') {
      record.data.sources.forEach((s, i) => {
        const age = daysBetween(s.verified, today);
        if (age > options.maxSourceAgeDays) {
          report({ message: `The source ${quote(s.title)} was last verified on ${s.verified}, ${age} days ago (the limit is ${options.maxSourceAgeDays}). Check it is still accurate and current, then update "verified".`, at: { path: ['sources', i, 'verified'] } });
        }
      });
    }
  },
});
