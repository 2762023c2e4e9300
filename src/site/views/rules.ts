// The rule catalogue as the site shows it, straight from each rule's `meta`: its options (from the
// options schema, with types, defaults and descriptions) and its examples (the files an example lays
// over its base content, and the findings an invalid one must produce), which are also its tests.
import { z } from 'zod';
import { readExample } from '../../rule-kit/example-markers.ts';
import type { RuleExample } from '../../rule-kit/rule.ts';

export interface RuleOption {
  name: string;
  /** The option's type as a reader writes it: `integer`, `"quarter" | "half"`, `string[]`. */
  type: string;
  /** The default, as YAML-ish JSON text. */
  defaultValue?: string;
  description?: string;
}

type JsonSchema = { type?: string | string[]; enum?: unknown[]; items?: JsonSchema; properties?: Record<string, JsonSchema>; default?: unknown; description?: string; anyOf?: JsonSchema[]; minimum?: number; maximum?: number; exclusiveMinimum?: number };

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' | ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'unknown'}[]`.replace(/^(.* \| .*)\[\]$/, '($1)[]');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (type === 'integer' ? 1 : 0) : undefined);
  const max = schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined;
  if (min !== undefined && max !== undefined) return `${type}, ${min}–${max}`;
  if (min !== undefined) return `${type}, at least ${min}`;
  return type;
}

/** The options a rule takes, from its options schema. */
export function ruleOptions(schema: z.ZodType): RuleOption[] {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return [];
  }
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    type: typeOf(property),
    defaultValue: property.default === undefined ? undefined : JSON.stringify(property.default),
    description: property.description,
  }));
}

export interface ExampleFile {
  path: string;
  /** The code block's language, from the file's extension. */
  lang: string;
  /** The file's text as the example writes it, markers of expected findings included, or `null` when the example deletes it from the base. */
  text: string | null;
}

export interface ExampleView {
  title: string;
  /** What the example is laid over: `rules/examples/base/` (with the overlay `rules/examples/<base>/`), or nothing. */
  base?: string;
  today?: string;
  options?: string;
  files: ExampleFile[];
  expect: { where: string; message?: string; severity?: string }[];
  /** The criteria the example demonstrates the rule checks. */
  criteria: string[];
}

/** An example as the rule's page shows it: its files with their markers, and the findings they expect. */
export function exampleView(example: RuleExample): ExampleView {
  return {
    title: example.title,
    criteria: example.criteria ?? [],
    base: example.base === false ? undefined : (example.base ?? 'base'),
    today: example.today,
    options: example.options ? JSON.stringify(example.options) : undefined,
    files: Object.entries(example.files).map(([path, text]) => ({ path, lang: /\.ya?ml$/.test(path) ? 'yaml' : /\.mdx$/.test(path) ? 'mdx' : 'md', text })),
    expect: readExample(example).expected.map((e) => ({
      where: `${e.file}:${e.line}:${e.column}`,
      message: e.message === undefined ? undefined : typeof e.message === 'string' ? e.message : `matching ${String(e.message)}`,
      severity: e.severity,
    })),
  };
}
