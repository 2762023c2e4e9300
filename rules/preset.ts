// The preset: every Seam rule, one line each. Adding a rule is its file (with its examples) and one
// line here; the CLI, the remark preset, the site's catalogue and the docs all take it from rules/index.ts.
export { default as architecture } from './architecture.ts';
export { default as budget } from './budget.ts';
export { default as changeControl } from './change-control.ts';
export { default as classification } from './classification.ts';
export { default as coverage } from './coverage.ts';
export { default as criteriaRefs } from './criteria-refs.ts';
export { default as currency } from './currency.ts';
export { default as directives } from './directives.ts';
export { default as issues } from './issues.ts';
export { default as lessons } from './lessons.ts';
export { default as links } from './links.ts';
export { default as mdxSafety } from './mdx-safety.ts';
export { default as mdxSyntax } from './mdx-syntax.ts';
export { default as mermaid } from './mermaid.ts';
export { default as plainLanguage } from './plain-language.ts';
export { default as providers } from './providers.ts';
export { default as references } from './references.ts';
export { default as requiredSections } from './required-sections.ts';
export { default as schedule } from './schedule.ts';
export { default as schema } from './schema.ts';
export { default as secrets } from './secrets.ts';
export { default as signoff } from './signoff.ts';
export { default as stakeholders } from './stakeholders.ts';
export { default as statusCadence } from './status-cadence.ts';
export { default as unfinished } from './unfinished.ts';
