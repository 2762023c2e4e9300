// The author's reference for a record type, derived from its schema (never written by hand): every
// field with its type, allowed values, whether it is required, its default and what it means, plus the
// rules that read the type. The handbook's record-type pages and `seam new`'s hints render this.
import type { JsonSchema } from './json-schema.ts';
import type { z } from 'zod';
import { DATE_PATTERN, ID_PATTERN, partJsonSchema, recordJsonSchema } from './json-schema.ts';
import type { RecordType } from './record-types.ts';
import { interfaceContract } from './schemas.ts';

export interface FieldDoc {
  /** `milestones[].dependsOn[]` */
  path: string;
  /** A short type for people: text, date, id, number, yes/no, list of …, mapping. */
  type: string;
  allowed?: string[];
  required: boolean;
  default?: string;
  description: string;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return 'one of';
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf)!.map(typeOf).join(' or ');
  if (schema.pattern === DATE_PATTERN) return 'date (YYYY-MM-DD)';
  if (schema.pattern === ID_PATTERN) return 'id';
  switch (schema.type) {
    case 'string': return 'text';
    case 'number': return 'number';
    case 'integer': return 'whole number';
    case 'boolean': return 'yes/no (true/false)';
    case 'array': return `list of ${schema.items ? typeOf(schema.items).replace(/^one of$/, 'values') : 'values'}`;
    case 'object': return schema.properties ? 'mapping' : 'mapping of id → value';
    default: return Array.isArray(schema.type) ? schema.type.join(' or ') : 'value';
  }
}

/** Every field of a record type, depth first, in the schema's order. */
export function fieldDocs(type: RecordType): FieldDoc[] {
  return fieldsOf(recordJsonSchema(type));
}

/**
 * A structured part of a record that has a reference of its own (its fields, required as they are
 * within the part): an interface's contract, in a system's `interfaces`.
 */
export interface RecordPart {
  /** The record type that holds it. */
  type: string;
  /** Anchor of its section on the record type's page. */
  slug: string;
  title: string;
  /** Where it sits in the record, as field paths are written. */
  path: string;
  summary: string;
  schema: z.ZodType;
}

export const recordParts: RecordPart[] = [
  {
    type: 'systems',
    slug: 'interface-contract',
    title: 'Interface contract',
    path: 'interfaces[].contract',
    summary: 'The contract of an interface the system provides, written under the interface in `interfaces`: owner, direction, data carried, service levels, the standard it follows, its lifecycle, its test evidence and, optionally, an OpenAPI file whose operations the system\'s page lists. The `interface-contracts` rule checks it; every interface between two systems of a project\'s scope needs one once the project is past planning.',
    schema: interfaceContract,
  },
];

/** The fields of a record part, required as they are within it. */
export function partFieldDocs(part: RecordPart): FieldDoc[] {
  return fieldsOf(partJsonSchema(part.schema));
}

function fieldsOf(root: JsonSchema): FieldDoc[] {
  const out: FieldDoc[] = [];
  const walk = (schema: JsonSchema, prefix: string, requiredHere: boolean) => {
    const props = schema.properties ?? {};
    for (const [name, field] of Object.entries(props)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const required = requiredHere && (schema.required ?? []).includes(name);
      const variants = field.anyOf ?? field.oneOf;
      out.push({
        path,
        type: typeOf(field),
        ...(field.enum ? { allowed: field.enum.map(String) } : {}),
        required,
        ...(field.default !== undefined ? { default: JSON.stringify(field.default) } : {}),
        description: field.description ?? '',
      });
      if (field.type === 'object' && field.properties) walk(field, path, required);
      if (field.type === 'array' && field.items?.type === 'object') walk(field.items, `${path}[]`, required);
      for (const v of variants ?? []) if (v.type === 'object' && v.properties) walk(v, `${path}[]`, required);
      if (field.type === 'array') for (const v of field.items?.anyOf ?? []) if (v.type === 'object' && v.properties) walk(v, `${path}[]`, required);
    }
  };
  walk(root, '', true);
  return out;
}

/** The ids of the rules, from a catalogue, that read records of `type` (`*`: of every type). */
export function rulesReading(type: RecordType, rules: { id: string; reads: readonly string[] | '*' }[]): string[] {
  return rules.filter((r) => r.reads === '*' || r.reads.includes(type.name)).map((r) => r.id);
}
