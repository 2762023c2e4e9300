// The preset: every Seam rule, in catalogue order. The CLI, the remark preset (.remarkrc), the rule
// catalogue on the site and the generated docs all take their list from here.
import type { Rule } from '../src/rule-kit/rule.ts';
import architecture from './architecture.ts';
import budget from './budget.ts';
import classification from './classification.ts';
import coverage from './coverage.ts';
import criteriaRefs from './criteria-refs.ts';
import currency from './currency.ts';
import issues from './issues.ts';
import lessons from './lessons.ts';
import links from './links.ts';
import mdxSafety from './mdx-safety.ts';
import mermaid from './mermaid.ts';
import mdxSyntax from './mdx-syntax.ts';
import plainLanguage from './plain-language.ts';
import providers from './providers.ts';
import references from './references.ts';
import requiredSections from './required-sections.ts';
import schedule from './schedule.ts';
import schema from './schema.ts';
import signoff from './signoff.ts';
import stakeholders from './stakeholders.ts';
import statusCadence from './status-cadence.ts';
import unfinished from './unfinished.ts';

export const rules: Rule[] = [schema, mdxSyntax, mdxSafety, requiredSections, criteriaRefs, references, currency, coverage, providers, signoff, lessons, plainLanguage, stakeholders, budget, schedule, issues, statusCadence, links, classification, unfinished, mermaid, architecture] as Rule[];

export const ruleById = new Map(rules.map((r) => [r.meta.id, r]));
