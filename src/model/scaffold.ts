// Templates for `seam new`: a record's frontmatter is derived from its type's JSON Schema (field names,
// required vs optional, defaults, enum values), filled with what the record graph already knows (today,
// the project's ids, overdue milestones, open issues, the engaged provider), and every value only the
// author can give is a marked prompt, `TODO: …`, which the `unfinished` rule reports until replaced.
import { Document } from 'yaml';
import type { Scalar } from 'yaml';
import { projectIds } from './graph.ts';
import type { Project, RecordGraph } from './graph.ts';
import { referenceFieldsOf, type Target } from './references.ts';
import { evaluationName, projectFile, recordFile } from './identity.ts';
import { DATE_PATTERN, ID_PATTERN, recordJsonSchema } from './json-schema.ts';
import type { JsonSchema } from './json-schema.ts';
import { parsePeriod, periodsBetween } from './periods.ts';
import type { PeriodKind } from './periods.ts';
import { latestStatus } from './project-state.ts';
import { recordTypeByName, requiredRecordTypes } from './record-types.ts';
import type { RecordType } from './record-types.ts';
import type * as S from './schemas.ts';
import { capitalise, KEBAB_CASE, kebab } from './text.ts';

/** The word that marks a prompt an author must replace; `unfinished` reports every one left. */
export const PROMPT_MARK = 'TODO:';

/**
 * What authors type after `seam new`, and the record type each one creates: the one table of
 * subcommand names. `project` creates every record a project needs in its first phase.
 */
export const newKinds = {
  project: 'charter',
  status: 'status',
  evaluation: 'evaluations',
  change: 'changes',
  signoff: 'signoff',
  lessons: 'lessons',
  policy: 'policies',
  system: 'systems',
  provider: 'providers',
  organisation: 'organisations',
  engagement: 'engagement',
} as const satisfies Record<string, string>;

export type NewKind = keyof typeof newKinds;

export const isNewKind = (word: string): word is NewKind => Object.hasOwn(newKinds, word);

export interface ScaffoldRequest {
  kind: NewKind;
  /** The project the record belongs to (project records), or the new project's id (`project`). */
  project?: string;
  /** The record's id, for records named by id (changes, policies, systems, providers, organisations; an engagement entry's topic). */
  id?: string;
  title?: string;
  provider?: string;
  period?: string;
  /** How often providers are evaluated (the `providers` rule's `period` option). */
  periodKind?: PeriodKind;
  today: string;
}

export interface ScaffoldFile {
  /** Relative to the content root, forward slashes. */
  file: string;
  type: string;
  text: string;
}

export type ScaffoldResult = { ok: true; files: ScaffoldFile[] } | { ok: false; message: string };

/** A value the author must give: rendered as the field's `TODO:` prompt. */
const ASK = Symbol('ask');
type Given = unknown;

/** Enum fields that record a judgement: a template must not pre-select an answer for them. */
const JUDGEMENTS: Record<string, string[]> = { status: ['rag', 'compliance.*.status'] };
/** Date fields that lie ahead (a deadline, an end, a review): today would be wrong, so they are prompts. */
const FUTURE_DATES = new Set(['end', 'due', 'reviewBy', 'to']);

/** What the author is asked to write under each required heading (any other heading gets a generic prompt). */
const SECTION_PROMPTS: Record<string, string> = {
  purpose: 'say what this is for and the problem it solves, in two or three sentences.',
  scope: 'say what is in scope and what is not.',
  'role in the integration': 'describe the organisation\'s part in the integration and its main contacts.',
  services: 'describe the services the provider offers and how they are engaged.',
  approach: 'explain the integration approach and why the alternatives were rejected.',
  'external factors': 'describe the factors outside the project that may affect it, and the response to each.',
  architecture: 'describe the systems in scope and how they connect, with a Mermaid flowchart of them.',
  'security and integrity': 'explain how data is protected and how its integrity is proved during the project.',
  engagement: 'explain how the stakeholders are engaged and kept informed.',
  assumptions: 'list the assumptions behind the budget and the schedule.',
  coordination: 'explain how the workstreams and providers coordinate their work.',
  summary: 'summarise the period: the overall status, what changed since the last report and the decisions needed.',
  'evaluations:summary': 'summarise the provider\'s performance in the period, explaining every score and the actions agreed.',
  progress: 'describe progress against the plan\'s milestones in this period.',
  'risks and issues': 'describe the main risks and issues, and what is being done about each.',
  request: 'describe the change requested, who asked for it and why.',
  impact: 'explain the change\'s impact on the budget, the schedule and the scope.',
  decision: 'record the decision, who made it and the reasons.',
  'sign-off': 'describe what was signed off, by whom, and any conditions.',
  'engagement:summary': 'say who took part, what was discussed and what each party agreed to do.',
  review: 'describe how the lessons were gathered and who took part.',
};

/** Builds the files `seam new` writes for a request; a request that cannot be met is a message. */
export function scaffold(graph: RecordGraph, request: ScaffoldRequest): ScaffoldResult {
  const { kind, today } = request;
  const typeName = newKinds[kind];
  const type = recordTypeByName.get(typeName)!;
  if (kind === 'project') return scaffoldProject(graph, request);
  if (!type.inProject) {
    const id = request.id ?? (request.title ? kebab(request.title) : undefined);
    if (!id) return { ok: false, message: `Give the new ${type.label}'s id (kebab-case), for example "seam new ${kind} ${exampleId(kind)}", or a --title to derive it from.` };
    if (!KEBAB_CASE.test(id)) return { ok: false, message: `"${id}" is not a kebab-case id: use lower-case letters and digits joined by hyphens, for example "${kebab(id) || exampleId(kind)}".` };
    return { ok: true, files: [render(graph, type, undefined, recordFile(type.name, id), { title: request.title ?? ASK }, today)] };
  }

  const project = graph.projects.get(request.project ?? '');
  if (!project?.charter) {
    return { ok: false, message: request.project ? `No project "${request.project}" (no ${projectFile(request.project, 'charter')}). Projects: ${[...graph.projects.keys()].join(', ') || 'none yet — create one with "seam new project <id>"'}.` : `Say which project the ${type.label} belongs to with --project <id>.` };
  }
  const projectTitle = project.charter.title;
  switch (kind) {
    case 'status':
      return { ok: true, files: [render(graph, type, project, projectFile(project.id, type.name, today), statusValues(project, request), today)] };
    case 'evaluation': {
      const chosen = evaluationTarget(graph, project, request);
      if (!chosen.ok) return chosen;
      const title = request.title ?? `${graph.providers.get(chosen.provider)?.title ?? chosen.provider} - ${chosen.period.replace('-', ' ')} evaluation`;
      return { ok: true, files: [render(graph, type, project, projectFile(project.id, type.name, evaluationName(chosen.provider, chosen.period)), { title, provider: chosen.provider, period: chosen.period }, today)] };
    }
    case 'change': {
      const id = request.id ?? nextChangeId(project);
      if (!KEBAB_CASE.test(id)) return { ok: false, message: `"${id}" is not a kebab-case id: use lower-case letters and digits joined by hyphens, for example "cr-004-extend-hypercare".` };
      return { ok: true, files: [render(graph, type, project, projectFile(project.id, type.name, id), { title: request.title ?? ASK, raised: today }, today)] };
    }
    case 'engagement': {
      // An entry is named after its date and its topic: `2026-11-19-daily-stand-up`.
      const slug = request.id ?? (request.title ? kebab(request.title) : undefined);
      if (!slug) return { ok: false, message: 'Give the entry\'s topic as an id (kebab-case), for example "seam new engagement steering-committee --project <id>", or a --title to derive it from.' };
      if (!KEBAB_CASE.test(slug)) return { ok: false, message: `"${slug}" is not a kebab-case id: use lower-case letters and digits joined by hyphens, for example "${kebab(slug) || 'steering-committee'}".` };
      const name = slug.startsWith(`${today}-`) ? slug : `${today}-${slug}`;
      return { ok: true, files: [render(graph, type, project, projectFile(project.id, type.name, name), { title: request.title ?? ASK, date: today, audience: { stakeholders: [ASK] }, topic: ASK }, today)] };
    }
    case 'signoff':
    case 'lessons':
      return { ok: true, files: [render(graph, type, project, projectFile(project.id, type.name), { title: request.title ?? `${capitalise(type.label)} - ${projectTitle}` }, today)] };
    default:
      return { ok: false, message: `Cannot create a ${type.label} with "seam new ${kind}".` };
  }
}

// ── What each kind can infer ───────────────────────────────────────────────────────────────────────

/**
 * A status report starts from the plan and the previous report: spend to date from the plan's actuals,
 * the last forecast, overdue and still-at-risk milestones, one compliance line per regulation in the
 * charter, and the issues and architecture deviations still open.
 */
function statusValues(project: Project, request: ScaffoldRequest): Record<string, Given> {
  const { today } = request;
  const plan = project.plan?.data;
  const charter = project.charter?.data;
  const latest = latestStatus(project, today)?.data;
  const stillAtRisk = new Set(latest?.milestonesAtRisk ?? []);
  const atRisk = (plan?.milestones ?? []).filter((m) => !m.done && (m.due < today || stillAtRisk.has(m.id))).map((m) => m.id);
  return {
    title: request.title ?? ASK,
    date: today,
    spend: plan ? { toDate: plan.budget.reduce((sum, b) => sum + b.actual, 0), forecast: latest?.spend.forecast ?? plan.total } : ASK,
    milestonesAtRisk: atRisk,
    compliance: (charter?.regulations ?? []).map((r) => ({ regulation: r.id, status: ASK })),
    architecture: { aligned: ASK, deviations: latest?.architecture.deviations ?? [] },
    issues: (latest?.issues ?? []).filter((i) => !i.closed),
  };
}

/** An evaluation is of the named provider, or the only one engaged, for the period asked or the last elapsed one. */
function evaluationTarget(graph: RecordGraph, project: Project, request: ScaffoldRequest): { ok: true; provider: string; period: string } | { ok: false; message: string } {
  const engagements = project.charter?.data?.providers ?? [];
  const engaged = [...new Set(engagements.map((e) => e.provider))];
  const provider = request.provider ?? (engaged.length === 1 ? engaged[0] : undefined);
  if (!provider) {
    return { ok: false, message: engaged.length ? `The project engages ${engaged.length} providers: say which with --provider (${engaged.join(', ')}).` : `The project engages no providers: add one to the charter's "providers" first, or name one with --provider.` };
  }
  if (!engaged.includes(provider)) {
    return { ok: false, message: `The project does not engage "${provider}" (its charter's "providers" ${engaged.length ? `are: ${engaged.join(', ')}` : 'is empty'}). Add the engagement to the charter first.` };
  }
  if (request.period) {
    if (!parsePeriod(request.period)) return { ok: false, message: `--period "${request.period}" is not a period: write 2026-Q2, 2026-H1 or 2026-05.` };
    return { ok: true, provider, period: request.period };
  }
  const kind = request.periodKind ?? 'quarter';
  const evaluated = new Set(project.evaluations.filter((e) => e.data?.provider === provider).map((e) => e.data!.period));
  const elapsed = engagements
    .filter((e) => e.provider === provider)
    .flatMap((e) => periodsBetween(e.from, e.to ?? request.today, kind))
    .filter((p) => p.end < request.today)
    .map((p) => p.label);
  const period = elapsed.filter((p) => !evaluated.has(p)).at(-1) ?? elapsed.at(-1);
  if (!period) return { ok: false, message: `No evaluation period of "${provider}" has ended yet (today is ${request.today}). Evaluate a period once it has run, or name one with --period.` };
  return { ok: true, provider, period };
}

/** The next change request id: `cr-NNN`, one more than the highest in the project. */
function nextChangeId(project: Project): string {
  const numbers = project.changes.map((c) => /^cr-(\d+)/.exec(c.file.split('/').at(-1)!)?.[1]).filter((n): n is string => !!n).map(Number);
  return `cr-${String(Math.max(0, ...numbers) + 1).padStart(3, '0')}`;
}

/**
 * A new project: the records its planning phase requires, linked to each other. The first workstream
 * is `delivery` (rename it everywhere), and the sponsor is the register's first stakeholder, its sign-off
 * authority and the Accountable for that workstream — what the `stakeholders` rule asks of a register.
 */
function scaffoldProject(graph: RecordGraph, request: ScaffoldRequest): ScaffoldResult {
  const { project: id, today } = request;
  if (!id) return { ok: false, message: 'Give the new project\'s id (kebab-case), for example "seam new project crm-consolidation".' };
  if (!KEBAB_CASE.test(id)) return { ok: false, message: `"${id}" is not a kebab-case id: use lower-case letters and digits joined by hyphens, for example "${kebab(id) || 'crm-consolidation'}".` };
  const sponsor = 'TODO: the sponsor\'s stakeholder id, the same in the charter, the register and the plan';
  const workstream = 'delivery';
  const name = request.title ?? ASK;
  const named = (type: string) => (request.title ? `${capitalise(recordTypeByName.get(type)!.label)} - ${request.title}` : ASK);
  const values: Record<string, Record<string, Given>> = {
    charter: { title: name, start: today, sponsors: [sponsor], workstreams: [{ id: workstream, title: ASK }] },
    stakeholders: {
      title: named('stakeholders'),
      stakeholders: [{ id: sponsor, name: ASK, role: ASK, organisation: ASK, kind: 'sponsor', signoff: true, raci: { [workstream]: 'A' }, comms: { cadence: 'monthly', channel: ASK } }],
    },
    plan: { title: named('plan'), milestones: [{ id: ASK, title: ASK, workstream, owner: sponsor, due: ASK, dependsOn: [] }] },
  };
  const files = requiredRecordTypes('planning').map((type) => render(graph, type, undefined, projectFile(id, type.name), values[type.name] ?? {}, today));
  return { ok: true, files };
}

// ── Rendering ──────────────────────────────────────────────────────────────────────────────────────

const exampleId = (kind: NewKind) => ({ policy: 'data-retention-policy', system: 'payments-gateway', provider: 'acme-integration', organisation: 'acme-insurance' })[kind as string] ?? 'new-record';

interface RenderContext {
  type: RecordType;
  project?: Project;
  graph: RecordGraph;
  today: string;
  judgements: string[];
  /** Inline comments to attach, by path. */
  comments: [(string | number)[], string][];
}

function render(graph: RecordGraph, type: RecordType, project: Project | undefined, file: string, given: Record<string, Given>, today: string): ScaffoldFile {
  const schema = recordJsonSchema(type);
  const ctx: RenderContext = { type, project, graph, today, judgements: JUDGEMENTS[type.name] ?? [], comments: [] };
  const data = build(schema, [], given, ctx) as Record<string, unknown>;
  const doc = new Document(data);
  for (const [path, comment] of ctx.comments) {
    const node = doc.getIn(path, true) as Scalar | undefined;
    if (node) node.comment = ` ${comment}`;
  }
  const optional = Object.entries(schema.properties ?? {}).filter(([key]) => !(key in data));
  if (optional.length) doc.comment = [' Optional fields:', ...optional.map(([key, s]) => `   ${key}: ${s.description ? firstSentence(s.description) : humanise(key)}`)].join('\n');
  const body = type.requiredSections.map((heading) => `## ${heading}\n\n${PROMPT_MARK} ${SECTION_PROMPTS[`${type.name}:${heading.toLowerCase()}`] ?? SECTION_PROMPTS[heading.toLowerCase()] ?? `write the ${heading.toLowerCase()} section of this ${type.label}.`}\n`).join('\n');
  return { file, type: type.name, text: `---\n${doc.toString({ lineWidth: 0 })}---\n${body ? `\n${body}` : ''}` };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const patternOf = (path: (string | number)[]) => path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');

/** The value of one field: what was given, else its default, else what can be derived, else a prompt. */
function build(s: JsonSchema, path: (string | number)[], given: Given, ctx: RenderContext): unknown {
  if (given === ASK) return prompt(s, path, ctx);
  if (given !== undefined) {
    if (isObject(given) && s.properties) return buildObject(s, path, given, ctx);
    if (Array.isArray(given) && s.items) return given.map((g, i) => build(s.items!, [...path, i], g, ctx));
    return given;
  }
  if (s.anyOf?.length) return build(s.anyOf[0], path, undefined, ctx);
  if (s.enum) {
    if (ctx.judgements.includes(patternOf(path))) return prompt(s, path, ctx);
    const value = s.default ?? s.enum[0];
    if (s.enum.length > 1) ctx.comments.push([path, `one of: ${s.enum.join(', ')}`]);
    return value;
  }
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.type === 'object' && s.properties) return buildObject(s, path, {}, ctx);
  if (s.type === 'object') return {};
  if (s.type === 'array') return (s.minItems ?? 0) > 0 && s.items ? [build(s.items, [...path, 0], undefined, ctx)] : [];
  if (s.type === 'string' && s.pattern === DATE_PATTERN && !FUTURE_DATES.has(String(path.at(-1)))) return ctx.today;
  if (s.type === 'string' && s.pattern === ID_PATTERN) {
    const only = candidates(path, ctx);
    if (only.length === 1) return only[0];
  }
  return prompt(s, path, ctx);
}

function buildObject(s: JsonSchema, path: (string | number)[], given: Record<string, unknown>, ctx: RenderContext): Record<string, unknown> {
  const required = new Set(s.required ?? []);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(s.properties ?? {})) {
    if (!(key in given) && !required.has(key) && child.default === undefined) continue;
    out[key] = build(child, [...path, key], given[key], ctx);
  }
  return out;
}

/** The `TODO:` prompt for a field: what the schema says it is, with the form the value takes. */
function prompt(s: JsonSchema, path: (string | number)[], ctx: RenderContext): string {
  const name = String(path.filter((p) => typeof p === 'string').at(-1) ?? 'value');
  if (name === 'title' && path.length === 1) return `${PROMPT_MARK} ${ctx.type.name === 'charter' ? 'the project\'s name' : ctx.type.inProject ? `a headline for this ${ctx.type.label}` : `the ${ctx.type.label}'s name`}`;
  const what = s.description ? firstSentence(s.description) : describePath(path, ctx);
  let form = '';
  if (s.enum) form = `one of ${s.enum.join(', ')}`;
  else if (s.pattern === DATE_PATTERN) form = 'YYYY-MM-DD';
  else if (s.pattern === ID_PATTERN) {
    const known = candidates(path, ctx);
    form = known.length ? `one of ${known.slice(0, 6).join(', ')}${known.length > 6 ? ', …' : ''}` : 'a kebab-case id';
  } else if (s.type === 'integer' && s.minimum !== undefined && s.maximum !== undefined && s.maximum <= 1000) form = `a whole number from ${s.minimum} to ${s.maximum}`;
  else if (s.type === 'integer') form = 'a whole number';
  else if (s.type === 'number') form = 'a number';
  else if (s.type === 'boolean') form = 'true or false';
  return `${PROMPT_MARK} ${what}${form && !what.includes(form) ? ` (${form})` : ''}`;
}

/** The ids a reference field can take, when the field is a reference (from the graph's reference table). */
function candidates(path: (string | number)[], ctx: RenderContext): string[] {
  const pattern = patternOf(path);
  const target = referenceFieldsOf(ctx.type.name).find(([p]) => p === pattern)?.[1];
  if (!target) return [];
  const { graph } = ctx;
  const global: Partial<Record<Target, ReadonlyMap<string, unknown>>> = { organisation: graph.organisations, system: graph.systems, provider: graph.providers, policy: graph.policies };
  if (global[target]) return [...global[target]!.keys()];
  if (!ctx.project) return [];
  if (target === 'stakeholder' && ctx.type.name === 'signoff') {
    return (ctx.project.stakeholders?.data as S.StakeholderRegister | undefined)?.stakeholders.filter((s) => s.signoff).map((s) => s.id) ?? [];
  }
  return [...projectIds(ctx.project, target, graph)];
}

/**
 * What a field without a description is, from where it sits: "the title of the milestone" for a
 * list item's field, "comms channel" for a nested field, the list's own description for a list of text.
 */
function describePath(path: (string | number)[], ctx: RenderContext): string {
  const name = path.at(-1);
  const parent = path.at(-2);
  const grand = path.at(-3);
  if (typeof name === 'number' && typeof parent === 'string') {
    const list = (recordJsonSchema(ctx.type).properties ?? {})[parent];
    return list?.description ? firstSentence(list.description) : `one of the ${humanise(parent)}`;
  }
  if (typeof parent === 'number' && typeof grand === 'string') return `the ${humanise(String(name))} of the ${humanise(grand).replace(/s$/, '')}`;
  if (typeof parent === 'string') return `${humanise(parent)}: ${humanise(String(name))}`;
  return humanise(String(name));
}

/** A schema description as a prompt: its first sentence, without Markdown code marks or the final stop. */
function firstSentence(description: string): string {
  const first = description.split(/(?<=\.)\s/)[0].replace(/`/g, '').replace(/[.:]$/, '');
  return /^[A-Z][a-z]/.test(first) ? first[0].toLowerCase() + first.slice(1) : first;
}

const humanise = (name: string) => (name === 'due' ? 'due date' : name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
