// The preset: every Seam rule, in catalogue order. The CLI, the remark preset (.remarkrc), the rule
// catalogue on the site and the generated docs all take their list from here.
import type { Rule } from '../src/lint/rule.ts';
import criteriaRefs from './criteria-refs.ts';
import currency from './currency.ts';
import mdxSafety from './mdx-safety.ts';
import mdxSyntax from './mdx-syntax.ts';
import references from './references.ts';
import requiredSections from './required-sections.ts';
import schema from './schema.ts';

export const rules: Rule[] = [schema, mdxSyntax, mdxSafety, requiredSections, criteriaRefs, references, currency] as Rule[];

export const ruleById = new Map(rules.map((r) => [r.meta.id, r]));
