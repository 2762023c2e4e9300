// OSCAL 1.1 catalogs in and out of Seam's criteria catalogue format (content/standards/<id>.yaml).
//
// Import: groups (nested) become the catalogue's groups, each naming its parent; a group's controls
// become criteria and their enhancements (nested controls, at any depth) the criteria's sub-items; the
// statement part becomes the text, one line per lettered part, indented by depth; parameters are
// resolved to their values where the catalog gives them, else their label in brackets, so NIST's
// "organization-defined" placeholders stay readable. Ids are kept as OSCAL gives them.
//
// Export: a catalog with a version-4-format UUID derived from the content, metadata dated by the
// catalogue's own `approved` (never the clock), one group per catalogue group, one control per
// criterion with its text as the statement. What OSCAL has no field for (code, publisher, review date,
// kind, order…) travels as properties in Seam's namespace, so export → import gives back the same
// catalogue. Same catalogue in, same bytes out.
//
// Bad input is an OscalError with a message for people; the caller decides how to show it.
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { MAX_FILE_BYTES, MAX_YAML_DEPTH } from '../model/bounds.ts';
import { standard as standardSchema, type Standard } from '../model/schemas.ts';
import { KEBAB_CASE } from '../model/text.ts';

/** The OSCAL version exports declare. */
export const OSCAL_VERSION = '1.1.2';
/** The namespace of the properties Seam adds to carry what OSCAL has no field for. */
export const SEAM_NS = 'urn:seam:catalogue';
/** OSCAL files above this size are refused (NIST's full SP 800-53 catalog is about 10 MiB). */
export const MAX_OSCAL_BYTES = 16 * 1024 * 1024;
/** OSCAL JSON nested deeper than this is refused before it is read (NIST's catalogs nest about 20 deep). */
export const MAX_OSCAL_DEPTH = 2 * MAX_YAML_DEPTH;

/** Input Seam cannot import, with a message that says what to do. */
export class OscalError extends Error {}

type Json = Record<string, unknown>;
interface Prop { name: string; value: string; ns?: string; class?: string }
interface Part { id?: string; name?: string; prose?: string; props?: Prop[]; parts?: Part[] }
interface Param { id: string; label?: string; values?: string[]; select?: { 'how-many'?: string; choice?: string[] } }
interface Control { id: string; class?: string; title: string; params?: Param[]; props?: Prop[]; parts?: Part[]; controls?: Control[] }
interface Group { id?: string; class?: string; title: string; params?: Param[]; props?: Prop[]; controls?: Control[]; groups?: Group[] }

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

// ── Import ─────────────────────────────────────────────────────────────────────────────────────────

/** How deeply `json` nests objects and arrays, read without parsing (strings skipped): linear in its length. */
function nestingDepth(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) deepest = Math.max(deepest, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/** The catalog object of an OSCAL JSON document, or an OscalError saying why it is not one. */
function catalogOf(json: string): Json {
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_OSCAL_BYTES) throw new OscalError(`The file is ${(bytes / 1048576).toFixed(1)} MiB; Seam imports OSCAL catalogs up to ${MAX_OSCAL_BYTES / 1048576} MiB. Import a smaller catalog (a resolved baseline rather than the whole catalog).`);
  const depth = nestingDepth(json);
  if (depth > MAX_OSCAL_DEPTH) throw new OscalError(`The file nests ${depth} levels deep; Seam reads OSCAL catalogs nested at most ${MAX_OSCAL_DEPTH} levels, so it was refused, not read. Check it is an OSCAL catalog.`);
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    throw new OscalError(`The file is not JSON. Seam imports OSCAL catalogs in JSON; convert an XML or YAML catalog with NIST's oscal-cli first.`);
  }
  if (!isObject(root) || !isObject(root.catalog)) {
    const other = isObject(root) ? Object.keys(root).find((k) => ['profile', 'component-definition', 'system-security-plan', 'assessment-plan', 'assessment-results', 'plan-of-action-and-milestones'].includes(k)) : undefined;
    throw new OscalError(other
      ? `The file is an OSCAL ${other}, not a catalog. Seam imports catalogs; resolve a profile to a catalog first (for example with oscal-cli profile resolve).`
      : 'The file is JSON but not an OSCAL catalog: it has no top-level "catalog" object.');
  }
  const catalog = root.catalog;
  if (!isObject(catalog.metadata) || !text(catalog.metadata.title)) throw new OscalError('The catalog has no metadata title; an OSCAL catalog needs "metadata" with "title", "version" and "last-modified".');
  return catalog;
}

const INSERT = /\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g;

/** Every parameter the catalog defines, wherever it is defined, by id (the first definition wins). */
function paramsOf(catalog: Json): Map<string, Param> {
  const params = new Map<string, Param>();
  const add = (owner: { params?: unknown }) => {
    for (const p of list<Param>(owner.params)) if (isObject(p) && typeof p.id === 'string' && !params.has(p.id)) params.set(p.id, p);
  };
  const walkControl = (c: Control) => {
    add(c);
    list<Control>(c.controls).filter(isObject).forEach(walkControl);
  };
  const walkGroup = (g: Group) => {
    add(g);
    list<Control>(g.controls).filter(isObject).forEach(walkControl);
    list<Group>(g.groups).filter(isObject).forEach(walkGroup);
  };
  walkGroup(catalog as unknown as Group);
  return params;
}

/** Prose with each parameter insertion replaced by the parameter's value, else its label in brackets. */
function resolve(prose: string, params: Map<string, Param>, depth = 0): string {
  return prose.replace(INSERT, (_, id: string) => {
    const p = params.get(id);
    if (!p || depth > 4) return `[${id}]`;
    const values = list<string>(p.values).filter((v) => typeof v === 'string');
    if (values.length) return values.join(', ');
    if (isObject(p.select)) {
      const choices = list<string>(p.select.choice).filter((c) => typeof c === 'string').map((c) => resolve(c, params, depth + 1));
      return `[Selection${p.select['how-many'] === 'one-or-more' ? ' (one or more)' : ''}: ${choices.join('; ')}]`;
    }
    return `[${text(p.label) ?? id}]`;
  });
}

/** Whitespace in one line of prose collapsed, so a statement's lines stay one per part. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A control's statement as text: its prose, then each part on its own line (label first), indented by depth. */
function statementText(control: Control, params: Map<string, Param>): string {
  const statement = list<Part>(control.parts).find((p) => isObject(p) && p.name === 'statement');
  if (!statement) return oneLine(control.title);
  // A statement exported by Seam is the criterion's text verbatim: keep its lines as they are.
  if (!list(statement.parts).length && typeof statement.prose === 'string') return resolve(statement.prose, params).trim() || oneLine(control.title);
  const lines: string[] = [];
  const walk = (part: Part, depth: number) => {
    const label = list<Prop>(part.props).find((p) => isObject(p) && p.name === 'label' && !p.ns)?.value;
    const line = oneLine([label, typeof part.prose === 'string' ? resolve(part.prose, params) : ''].filter(Boolean).join(' '));
    if (line) lines.push(`${'  '.repeat(Math.max(depth, 0))}${line}`);
    for (const sub of list<Part>(part.parts).filter(isObject)) walk(sub, line ? depth + 1 : depth);
  };
  walk(statement, 0);
  return lines.join('\n') || oneLine(control.title);
}

const seamProps = (props: unknown) => list<Prop>(props).filter((p) => isObject(p) && p.ns === SEAM_NS && typeof p.value === 'string');
const seamProp = (props: unknown, name: string) => seamProps(props).find((p) => p.name === name)?.value;

/** `YYYY-MM-DD` from an OSCAL date-time, if it starts with one. */
const dateOf = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'catalog';
}

function requireId(v: unknown, what: string): string {
  if (typeof v !== 'string' || !v) throw new OscalError(`${what} has no id; every OSCAL control needs one.`);
  return v;
}

/** The criteria catalogue an OSCAL catalog describes, validated against Seam's schema. `id` names it (its file name). */
export function importOscalCatalog(json: string, id?: string): { id: string; catalogue: Standard; yaml: string } {
  const catalog = catalogOf(json);
  const metadata = catalog.metadata as Json;
  const title = oneLine(metadata.title as string);
  const name = id ?? slug(title);
  if (!KEBAB_CASE.test(name)) throw new OscalError(`The catalogue id ${JSON.stringify(name)} is not kebab-case (lower-case letters and digits joined by hyphens, for example "sp800-53-low"); it becomes the file name content/standards/<id>.yaml.`);
  const params = paramsOf(catalog);
  const props = metadata.props;

  const groups: Standard['groups'] = [];
  const criteria: (Standard['criteria'][number] & { order?: number })[] = [];
  const control = (c: Control, group: string): Standard['criteria'][number] & { order?: number } => {
    const cid = requireId(c.id, `A control in group ${JSON.stringify(group)}`);
    const items: NonNullable<Standard['criteria'][number]['items']> = [];
    const enhancements = (parent: Control) => {
      for (const e of list<Control>(parent.controls).filter(isObject)) {
        const eid = requireId(e.id, `An enhancement of ${cid}`);
        items.push({ id: eid, ...(text(e.title) && e.title.trim() !== eid ? { title: oneLine(e.title) } : {}), text: statementText(e, params) });
        enhancements(e);
      }
    };
    enhancements(c);
    const kind = c.class === 'performance' || c.class === 'knowledge' ? c.class : undefined;
    const order = Number(seamProp(c.props, 'order'));
    return {
      id: cid,
      ...(text(c.title) && c.title.trim() !== cid ? { title: oneLine(c.title) } : {}),
      ...(kind ? { kind } : {}),
      group,
      text: statementText(c, params),
      ...(items.length ? { items } : {}),
      ...(Number.isInteger(order) ? { order } : {}),
    };
  };
  const group = (g: Group, parent: string | undefined, index: number) => {
    const gid = typeof g.id === 'string' && g.id ? g.id : `${parent ?? 'group'}-${index + 1}`;
    groups.push({ id: gid, title: oneLine(text(g.title) ?? gid), ...(parent ? { parent } : {}) });
    for (const c of list<Control>(g.controls).filter(isObject)) criteria.push(control(c, gid));
    list<Group>(g.groups).filter(isObject).forEach((sub, i) => group(sub, gid, i));
  };
  const loose = list<Control>(catalog.controls).filter(isObject);
  if (loose.length) group({ id: 'catalog', title: 'Controls outside any group', controls: loose }, undefined, 0);
  list<Group>(catalog.groups).filter(isObject).forEach((g, i) => group(g, undefined, i));
  if (!criteria.length) throw new OscalError('The catalog has no controls, so there is nothing to import: a Seam catalogue needs at least one criterion.');
  // Seam's exports record each criterion's place in the catalogue; put them back in that order.
  if (criteria.every((c) => c.order !== undefined)) criteria.sort((a, b) => a.order! - b.order!);

  const creator = list<Json>(metadata['responsible-parties']).find((r) => isObject(r) && r['role-id'] === 'creator');
  const parties = list<Json>(metadata.parties).filter(isObject);
  const party = parties.find((p) => list(creator?.['party-uuids']).includes(p.uuid)) ?? parties[0];
  const all = (n: string) => seamProps(props).filter((p) => p.name === n).map((p) => p.value);
  const candidate = {
    title,
    code: seamProp(props, 'code') ?? name.toUpperCase(),
    publisher: seamProp(props, 'publisher') ?? text(party?.name) ?? 'Not stated in the OSCAL catalog',
    originatingOrganisation: seamProp(props, 'originating-organisation'),
    urn: seamProp(props, 'urn'),
    version: text(metadata.version) ?? '1',
    approved: seamProp(props, 'approved') ?? dateOf(metadata.published) ?? dateOf(metadata['last-modified']),
    reviewBy: seamProp(props, 'review-by'),
    validity: seamProp(props, 'validity'),
    status: seamProp(props, 'status'),
    suite: seamProp(props, 'suite'),
    occupations: all('occupation'),
    keywords: all('keyword'),
    classification: seamProp(props, 'classification') ?? 'public',
    overview: typeof metadata.remarks === 'string' ? metadata.remarks.trim() : undefined,
    groups,
    criteria: criteria.map(({ order: _, ...c }) => c),
  };
  const parsed = standardSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${describePath(i.path, candidate)}: ${i.message}`);
    throw new OscalError(`The catalog does not fit a Seam criteria catalogue:\n${issues.join('\n')}${parsed.error.issues.length > 5 ? `\n  …and ${parsed.error.issues.length - 5} more` : ''}`);
  }
  const yaml = catalogueYaml(parsed.data);
  const bytes = Buffer.byteLength(yaml);
  if (bytes > MAX_FILE_BYTES) throw new OscalError(`The catalogue would be ${(bytes / 1048576).toFixed(1)} MiB; Seam reads content files up to ${MAX_FILE_BYTES / 1048576} MiB. Import a smaller catalog (a baseline rather than the whole catalog).`);
  return { id: name, catalogue: parsed.data, yaml };
}

/** A schema issue's place, named by the control or group it is in where there is one. */
function describePath(path: PropertyKey[], candidate: { groups: { id: string }[]; criteria: { id: string }[] }): string {
  const [list_, index, ...rest] = path;
  const owner = list_ === 'criteria' ? candidate.criteria[index as number]?.id : list_ === 'groups' ? candidate.groups[index as number]?.id : undefined;
  const where = owner ? `${list_ === 'criteria' ? 'control' : 'group'} ${owner}` : path.slice(0, 2).join('.') || 'the catalog';
  return rest.length ? `${where} (${rest.join('.')})` : where;
}

/** A criteria catalogue in Seam's YAML format: fields in the schema's order, empty lists left out. */
export function catalogueYaml(catalogue: Standard): string {
  const c = catalogue;
  const ordered = {
    title: c.title, code: c.code, publisher: c.publisher, originatingOrganisation: c.originatingOrganisation, urn: c.urn,
    version: c.version, approved: c.approved, reviewBy: c.reviewBy, validity: c.validity, status: c.status, suite: c.suite,
    occupations: c.occupations.length ? c.occupations : undefined, keywords: c.keywords.length ? c.keywords : undefined,
    classification: c.classification, overview: c.overview,
    groups: c.groups.map((g) => ({ id: g.id, title: g.title, parent: g.parent })),
    criteria: c.criteria.map((k) => ({
      id: k.id, title: k.title, kind: k.kind, group: k.group, text: k.text,
      items: k.items?.length ? k.items.map((s) => ({ id: s.id, title: s.title, text: s.text })) : undefined,
    })),
  };
  return stringify(ordered, { lineWidth: 0, aliasDuplicateObjects: false });
}

// ── Export ─────────────────────────────────────────────────────────────────────────────────────────

/** `YYYY-MM` or `YYYY-MM-DD` as an OSCAL date-time (midnight UTC on the day, or the month's first day). */
const dateTime = (d: string) => `${d.length === 7 ? `${d}-01` : d}T00:00:00Z`;

/** A version-4-format UUID from the SHA-256 of `content`: the same content, the same UUID. */
export function contentUuid(content: string): string {
  const b = createHash('sha256').update(content).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A criteria catalogue as an OSCAL 1.1 catalog (JSON text, ending in a newline), byte-identical for the same catalogue. */
export function exportOscalCatalog(catalogue: Standard): string {
  const c = catalogue;
  const prop = (name: string, value: string | undefined) => (value?.trim() ? [{ name, ns: SEAM_NS, value: value.trim() }] : []);
  const metadata = {
    title: c.title,
    published: dateTime(c.approved),
    'last-modified': dateTime(c.approved),
    version: c.version,
    'oscal-version': OSCAL_VERSION,
    props: [
      ...prop('code', c.code), ...prop('publisher', c.publisher), ...prop('originating-organisation', c.originatingOrganisation),
      ...prop('urn', c.urn), ...prop('approved', c.approved), ...prop('review-by', c.reviewBy), ...prop('validity', c.validity),
      ...prop('status', c.status), ...prop('suite', c.suite), ...c.occupations.flatMap((o) => prop('occupation', o)),
      ...c.keywords.flatMap((k) => prop('keyword', k)), ...prop('classification', c.classification),
    ],
    ...(c.overview ? { remarks: c.overview } : {}),
  };
  const statement = (id: string, prose: string) => [{ id: `${id}_smt`, name: 'statement', prose }];
  const controlOf = (k: Standard['criteria'][number], order: number) => ({
    id: k.id,
    ...(k.kind ? { class: k.kind } : {}),
    title: k.title ?? k.id,
    props: prop('order', String(order)),
    parts: statement(k.id, k.text),
    ...(k.items?.length ? { controls: k.items.map((s) => ({ id: s.id, title: s.title ?? s.id, parts: statement(s.id, s.text) })) } : {}),
  });
  const known = new Set(c.groups.map((g) => g.id));
  const controls = new Map<string | undefined, ReturnType<typeof controlOf>[]>();
  c.criteria.forEach((k, i) => {
    const key = known.has(k.group) ? k.group : undefined;
    controls.set(key, [...(controls.get(key) ?? []), controlOf(k, i + 1)]);
  });
  type OscalGroup = { id: string; title: string; controls?: unknown[]; groups?: OscalGroup[] };
  const placed = new Set<string>();
  const groupOf = (id: string, title: string): OscalGroup => {
    placed.add(id);
    // A group is placed once, under the first parent that claims it: a parent cycle cannot recurse.
    const children = c.groups.filter((g) => g.parent === id && !placed.has(g.id)).map((g) => groupOf(g.id, g.title));
    return { id, title, ...(controls.get(id) ? { controls: controls.get(id) } : {}), ...(children.length ? { groups: children } : {}) };
  };
  const groups = c.groups.filter((g) => g.parent === undefined || !known.has(g.parent)).map((g) => groupOf(g.id, g.title));
  const body = { metadata, ...(controls.get(undefined) ? { controls: controls.get(undefined) } : {}), groups };
  return `${JSON.stringify({ catalog: { uuid: contentUuid(JSON.stringify(body)), ...body } }, null, 2)}\n`;
}
