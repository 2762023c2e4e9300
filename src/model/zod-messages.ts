// Turns zod's validation issues into messages an author can act on: which field, what is wrong,
// what is allowed — using the schema's own descriptions so the hint and the docs never disagree.
import type { z } from 'zod';
import { quote } from './safe-text.ts';

type Path = PropertyKey[];
// zod 4 keeps a schema's structure on `_zod.def`; we read it to find the schema at a path.
interface Def { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType; items?: z.ZodType[] }
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwraps optional/default/pipe/… layers to the schema that holds the shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    const inner = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!inner) return s;
    s = inner;
  }
  return s;
}

/**
 * The issues an author should see, with a union's failure replaced by the failures of the one branch the
 * value was meant for (the only branch that did not reject its type outright): an interface written as
 * an object is checked as an object, so a bad `contract.owner` is reported at that field's line, not as
 * "the wrong shape" at the item's. A union where no single branch fits its type is left as it is.
 * Linear: each issue is visited once, nested unions to the depth of the schema.
 */
export function authorIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const branches = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
    const meant = branches.filter((errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0));
    if (meant.length !== 1 || meant[0]!.length === 0) return [issue];
    return authorIssues(meant[0]!.map((e) => ({ ...e, path: [...issue.path, ...e.path] }) as z.core.$ZodIssue));
  });
}

/** The schema describing the value at `path`, if it can be found. */
export function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    if (!s) return undefined;
    const d = defOf(unwrap(s));
    if (d.type === 'object') s = d.shape?.[String(key)];
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else if (d.type === 'tuple') s = d.items?.[Number(key)];
    else if (d.type === 'union') s = d.options?.map((o) => schemaAt(o, [key])).find(Boolean);
    else return undefined;
  }
  return s;
}

/** The field names an object schema at `path` allows. */
export function allowedKeys(schema: z.ZodType, path: Path): string[] {
  const at = schemaAt(schema, path);
  if (!at) return [];
  const d = defOf(unwrap(at));
  if (d.type === 'object') return Object.keys(d.shape ?? {});
  if (d.type === 'union') return [...new Set(d.options!.flatMap((o) => allowedKeys(o, [])))];
  return [];
}

export function describeAt(schema: z.ZodType, path: Path): string | undefined {
  const at = schemaAt(schema, path);
  return at?.description ?? (at ? unwrap(at).description : undefined);
}

/** `interfaces[0].system` */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(frontmatter)';
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : typeof v === 'string' ? `text ${quote(v)}` : `${typeof v} ${String(v)}`);
/** A value found in content as a message shows it: text quoted (escaped and capped), a list or mapping by its kind. */
const shown = (v: unknown) => (typeof v === 'string' ? quote(v) : v !== null && typeof v === 'object' ? typeName(v) : String(v));
const expectedName: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping', int: 'a whole number' };
const isZodDefault = (m: string) => /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(m);

/**
 * One readable sentence for a zod issue. `data` is the value that was validated (to tell a missing
 * field from a wrong one); `schema` supplies allowed keys and field descriptions.
 */
export function zodIssueMessage(issue: z.core.$ZodIssue, data?: unknown, schema?: z.ZodType): string {
  // The path may hold keys written in content (a mapping's keys), so it is quoted like any value.
  const field = quote(formatPath(issue.path));
  const present = data === undefined || valueAt(data, issue.path) !== undefined;
  if (!present && issue.code !== 'unrecognized_keys' && issue.code !== 'custom') {
    const doc = schema ? describeAt(schema, issue.path) : undefined;
    return `Missing required field ${field}.${doc ? ` Add it: ${doc}` : ''}`;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = schema ? allowedKeys(schema, issue.path) : [];
      const where = issue.path.length ? ` in ${field}` : '';
      const keys = issue.keys.map((k) => quote(k)).join(', ');
      return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}${where}.${allowed.length ? ` Allowed fields: ${allowed.join(', ')}.` : ''} Field names are camelCase.`;
    }
    case 'invalid_value': {
      const found = valueAt(data, issue.path);
      return `${field} must be one of: ${issue.values.map(String).join(', ')}${found !== undefined ? ` (found ${shown(found)})` : ''}.`;
    }
    case 'invalid_type': {
      if (!isZodDefault(issue.message)) return `${field}: ${issue.message} (found ${typeName(valueAt(data, issue.path))}).`;
      return `${field} must be ${expectedName[issue.expected] ?? issue.expected} (found ${typeName(valueAt(data, issue.path))}).`;
    }
    case 'too_small':
      if (!isZodDefault(issue.message)) return `${field} ${issue.message}.`;
      if (issue.origin === 'array') return `${field} needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}.`;
      return `${field} must be at least ${issue.minimum}.`;
    case 'too_big':
      if (!isZodDefault(issue.message)) return `${field} ${issue.message}.`;
      if (issue.origin === 'array') return `${field} allows at most ${issue.maximum} items.`;
      return `${field} must be at most ${issue.maximum}.`;
    case 'invalid_union': {
      const found = valueAt(data, issue.path);
      const doc = schema ? describeAt(schema, issue.path) : undefined;
      return `${field} has the wrong shape (found ${typeName(found)}).${doc ? ` Expected: ${doc}` : ''}`;
    }
    default: {
      const m = issue.message;
      const found = valueAt(data, issue.path);
      const foundText = found !== undefined && typeof found !== 'object' ? ` (found ${shown(found)})` : '';
      return /^(is|cannot|must|needs|scores|name)\b/.test(m) ? `${field} ${m}${foundText}.` : `${field}: ${m}${foundText}.`;
    }
  }
}
