// Rules written as data in seam.config.yaml (`customRules`): required fields, required sections,
// allowed values and patterns, per record type and path. Each becomes an ordinary rule with the
// same contract as rules/*.ts, so the engine, the cache, the workers, the remark preset and the rule
// catalogue treat it like any other. Patterns were checked safe when the config was read
// (src/model/safe-pattern.ts); here each value is capped before it is tested.
import picomatch from 'picomatch';
import { z } from 'zod';
import type { CustomRuleSpec } from '../model/config.ts';
import type { RecordTypeName } from '../model/record-data.ts';
import { quote } from '../model/safe-text.ts';
import { MAX_PATTERN_INPUT } from '../model/safe-pattern.ts';
import { defineRule, type Rule } from './rule.ts';
import { sameHeading, sections } from './sections.ts';

type Path = (string | number)[];

function valueAt(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const key of path) {
    if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && !value.length);

/** The value's items with their paths: a list's each item, anything else itself. */
const itemsOf = (value: unknown, path: Path): [unknown, Path][] => (Array.isArray(value) ? value.map((item, i) => [item, [...path, i]]) : [[value, path]]);

const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : value instanceof Date ? value.toISOString().slice(0, 10) : undefined);

/** The rule's documentation, from what it checks: the page a finding links to. */
function docsOf(spec: CustomRuleSpec): string {
  const list = (items: string[]) => items.map((i) => `\`${i}\``).join(', ');
  const lines = [`A rule of this repository, declared in \`seam.config.yaml\` (\`customRules\`). It checks records of type ${list(spec.types)}${spec.files ? ` in ${list(spec.files)}` : ''}:`, ''];
  if (spec.requiredFields?.length) lines.push(`- these fields are present and not empty: ${list(spec.requiredFields)};`);
  if (spec.requiredSections?.length) lines.push(`- the body has these headings: ${spec.requiredSections.map((s) => `"${s}"`).join(', ')};`);
  for (const [field, values] of Object.entries(spec.allowedValues ?? {})) lines.push(`- \`${field}\` is one of ${values.map((v) => `\`${String(v)}\``).join(', ')};`);
  for (const [field, pattern] of Object.entries(spec.patterns ?? {})) lines.push(`- \`${field}\` matches \`/${pattern}/u\`;`);
  if (spec.message) lines.push('', spec.message);
  return lines.join('\n');
}

/** The rule a `customRules` entry declares. */
export function declarativeRule(spec: CustomRuleSpec): Rule {
  const inFiles = spec.files ? picomatch(spec.files, { dot: true }) : () => true;
  const patterns = Object.entries(spec.patterns ?? {}).map(([field, source]) => ({ field, source, regex: new RegExp(source, 'u') }));
  const hint = spec.message ? ` ${spec.message}` : '';
  return defineRule({
    meta: {
      id: spec.id,
      description: spec.description,
      criteria: spec.criteria,
      appliesTo: spec.types as RecordTypeName[],
      readsAcross: [],
      severity: spec.severity === 'error' ? 'error' : 'warning',
      fixable: false,
      options: z.strictObject({}),
      docs: docsOf(spec),
      examples: { valid: [], invalid: [] },
    },
    check({ file, source, tree, report }) {
      if (!inFiles(file)) return;
      const data = source.data;
      // Broken or absent frontmatter is the schema rule's finding; the fields cannot be read.
      const hasData = !!data && typeof data === 'object' && !Array.isArray(data);
      for (const field of hasData ? spec.requiredFields ?? [] : []) {
        const path = field.split('.');
        const value = valueAt(data, path);
        if (isEmpty(value)) report({ message: `The field "${field}" is missing or empty.${hint}`, ...(value === undefined ? {} : { at: { path } }) });
      }
      for (const [field, allowed] of Object.entries(hasData ? spec.allowedValues ?? {} : {})) {
        const path = field.split('.');
        const value = valueAt(data, path);
        if (isEmpty(value)) continue;
        for (const [item, at] of itemsOf(value, path)) {
          const text = asText(item);
          if (text !== undefined && allowed.some((a) => String(a) === text)) continue;
          report({ message: `"${field}" is ${text === undefined ? 'not a single value' : quote(text)}; allowed: ${allowed.map((a) => quote(String(a))).join(', ')}.${hint}`, at: { path: at } });
        }
      }
      for (const { field, source: pattern, regex } of hasData ? patterns : []) {
        const path = field.split('.');
        const value = valueAt(data, path);
        if (isEmpty(value)) continue;
        for (const [item, at] of itemsOf(value, path)) {
          const text = asText(item);
          if (text !== undefined && text.length > MAX_PATTERN_INPUT) report({ message: `"${field}" is longer than ${MAX_PATTERN_INPUT} characters, too long to check against /${pattern}/.${hint}`, at: { path: at } });
          else if (text === undefined || !regex.test(text)) report({ message: `"${field}" is ${text === undefined ? 'not text' : quote(text)}, which does not match /${pattern}/.${hint}`, at: { path: at } });
        }
      }
      // Without a parsed body (the mdx-syntax rule reports why) the headings are unknown.
      if (spec.requiredSections?.length && tree) {
        const titles = sections(tree).map((s) => s.title);
        for (const heading of spec.requiredSections) {
          if (!titles.some((t) => sameHeading(t, heading))) report({ message: `The section "${heading}" is missing: add a heading "${heading}".${hint}` });
        }
      }
    },
  });
}
