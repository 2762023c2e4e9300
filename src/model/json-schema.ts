// JSON Schemas of the authoring contract, generated from the zod schemas (never written by hand): what
// editors use to validate and complete YAML, what `seam new` derives its templates from, and what
// `seam schema` writes to schemas/. `io: 'input'` describes what an author writes (defaults optional).
import { z } from 'zod';
import { configSchema } from './config.ts';
import { coverageMapSchema } from './coverage-map.ts';
import type { RecordType } from './record-types.ts';
import { id, isoDate } from './schemas.ts';

/** The subset of JSON Schema (draft 7) that zod emits for Seam's schemas. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/**
 * Draft 7, not zod's default 2020-12: the YAML language server (redhat.vscode-yaml) and most editors'
 * JSON Schema support are built for draft 7, and nothing in Seam's schemas needs a later draft.
 */
const toJson = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as JsonSchema;

/** The pattern zod emits for an ISO date, so generated templates can recognise date fields. */
export const DATE_PATTERN = toJson(isoDate).pattern!;
/** The pattern zod emits for a kebab-case id. */
export const ID_PATTERN = toJson(id).pattern!;

const cache = new WeakMap<RecordType, JsonSchema>();

/** The JSON Schema of a record type's frontmatter (or whole file, for YAML records). Shared: do not mutate. */
export function recordJsonSchema(type: RecordType): JsonSchema {
  let schema = cache.get(type);
  if (!schema) {
    const { $schema, ...rest } = toJson(type.schema);
    schema = { $schema, title: `Seam ${type.label}`, description: type.summary, ...rest };
    cache.set(type, schema);
  }
  return schema;
}

/** The JSON Schema of part of a record (an interface's contract), as an author writes it. */
export function partJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = toJson(schema);
  return rest;
}

/**
 * The JSON Schema of data Seam writes (an export), as zod outputs it: defaults filled in, so fields
 * with a default are required. Same draft as the authoring schemas, for the same tools.
 */
export function outputJsonSchema(schema: z.ZodType, title: string, description: string): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-7' }) as JsonSchema;
  return { $schema, title, description, ...rest };
}

/** The JSON Schema of seam.config.yaml. */
export function configJsonSchema(): JsonSchema {
  const { $schema, ...rest } = toJson(configSchema);
  return { $schema, title: 'Seam configuration (seam.config.yaml)', ...rest };
}

/** The JSON Schema of a standard's coverage map (standards/<id>.coverage.yaml). */
export function coverageMapJsonSchema(): JsonSchema {
  const { $schema, ...rest } = toJson(coverageMapSchema);
  return { $schema, title: 'Seam coverage map (standards/<id>.coverage.yaml)', description: 'How each criterion of the catalogue beside it is evidenced: by project records from a phase, by policies for every project, or not applicable with a reason.', ...rest };
}
