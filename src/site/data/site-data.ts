// The records this build publishes, assembled for the site's pages: every record by type and id, each
// project with its records, and the page of a content file — so a page links to a record only when this
// build (and audience) publishes it. Reads the content collections through entries.ts only.
import { relative, resolve, sep } from 'node:path';
import { recordTypes } from '../../model/record-types.ts';
import { getRecords, type RecordData, type RecordTypeName, type SeamRecord } from './entries.ts';
import type { SiteLint } from './lint-state.ts';
import { projectOf, recordHref } from '../../model/identity.ts';
import { siteHref } from '../../model/site-address.ts';
import type { Finding } from '../../rule-kit/finding.ts';
import { systemsDrawn } from '../views/landscape.ts';
import { lessonsLibrary, type LibraryLesson } from '../views/lessons.ts';
import { coverageOfStandard, primaryCoverage, type Coverage } from '../../rule-kit/coverage.ts';
import { matrixPages, matrixProjects, type MatrixProject } from '../views/coverage-matrix.ts';
import { projectPages, type ProjectPage } from '../views/project-pages.ts';
import { criterionBacklinks, rulesByCriterion, type Backlink } from '../views/backlinks.ts';
import { traceRows, type TraceRow } from '../views/traceability.ts';
import { criterionLabel, findCriterion } from '../../model/criterion-ids.ts';
import { countBuildStep } from './build-stats.ts';
import { IS_BUILD } from './build-stats.ts';

export type Published = { [T in RecordTypeName]: Map<string, SeamRecord<T>> };

export interface ProjectRecords {
  id: string;
  charter: SeamRecord<'charter'>;
  stakeholders?: SeamRecord<'stakeholders'>;
  plan?: SeamRecord<'plan'>;
  /** Oldest first. */
  status: SeamRecord<'status'>[];
  evaluations: SeamRecord<'evaluations'>[];
  changes: SeamRecord<'changes'>[];
  signoff?: SeamRecord<'signoff'>;
  lessons?: SeamRecord<'lessons'>;
  /** The engagement log, oldest first. */
  engagement: SeamRecord<'engagement'>[];
}

let built: Promise<Published> | undefined;

/** Every published record, by type and id (read once per build; per page in `astro dev`). */
export function getPublished(): Promise<Published> {
  if (IS_BUILD) return (built ??= readPublished());
  return readPublished();
}

async function readPublished(): Promise<Published> {
  countBuildStep('published');
  const entries = await Promise.all(
    recordTypes.map(async (t) => [t.name, new Map((await getRecords(t.name as RecordTypeName)).map((r) => [r.id, r]))] as const),
  );
  return Object.fromEntries(entries) as unknown as Published;
}

/**
 * What pages look up across the whole record graph, computed once per set of published records (once
 * per build; per page in `astro dev`, where every page reads the records afresh). A page's cost must
 * not grow with the number of other records, so no page scans every record: it looks its part up here.
 */
interface SiteIndex {
  projects: ProjectRecords[];
  projectById: Map<string, ProjectRecords>;
  /** Each lessons record's lessons, with where other projects apply them, by the record's id. */
  lessonsByRecord: Map<string, LibraryLesson[]>;
  /** What points at each shared record (system, organisation, policy, provider), by its id. */
  related: Related;
}

/** The records that name a shared record, each list in the order the records are published in. */
export interface Related {
  /** Charters with the system in scope, by system id. */
  chartersBySystem: Map<string, SeamRecord<'charter'>[]>;
  /** Charters that list the policy among those they follow, by policy id. */
  chartersByPolicy: Map<string, SeamRecord<'charter'>[]>;
  /** Charters that involve the organisation or name it as a regulator, by organisation id. */
  chartersByOrganisation: Map<string, SeamRecord<'charter'>[]>;
  /** Each project's engagement of the provider, by provider id. */
  engagementsByProvider: Map<string, (SeamRecord<'charter'>['data']['providers'][number] & { charter: SeamRecord<'charter'> })[]>;
  /** Evaluations of the provider, by provider id. */
  evaluationsByProvider: Map<string, SeamRecord<'evaluations'>[]>;
  /** Policies that supersede the policy, by policy id. */
  supersededBy: Map<string, SeamRecord<'policies'>[]>;
  /** Systems owned by the organisation, by organisation id. */
  systemsByOwner: Map<string, SeamRecord<'systems'>[]>;
  /** Providers that are the organisation, by organisation id. */
  providersByOrganisation: Map<string, SeamRecord<'providers'>[]>;
  /** The organisation's people in the projects' stakeholder registers, by organisation id. */
  peopleByOrganisation: Map<string, (SeamRecord<'stakeholders'>['data']['stakeholders'][number] & { project: string; register: string })[]>;
  /** Records (not handbook pages) whose Mermaid diagrams draw the system, by system id. */
  drawingSystem: Map<string, SeamRecord[]>;
}

const indexes = new WeakMap<Published, SiteIndex>();

function siteIndex(published: Published): SiteIndex {
  let index = indexes.get(published);
  if (index) return index;
  countBuildStep('site-index');
  // Each project's records in one pass over every project record (the charter's own id is the project's).
  const byProject = new Map<string, ProjectRecords>();
  for (const charter of published.charter.values()) {
    byProject.set(charter.id, { id: charter.id, charter, status: [], evaluations: [], changes: [], engagement: [] });
  }
  for (const type of recordTypes) {
    if (!type.inProject || type.name === 'charter') continue;
    for (const record of published[type.name as RecordTypeName].values()) {
      const project = byProject.get(projectOf(record.id));
      if (!project) continue;
      const name = type.name as Exclude<keyof ProjectRecords, 'id' | 'charter'>;
      const slot = project[name];
      if (Array.isArray(slot)) (slot as SeamRecord[]).push(record);
      // The first record of a type the project has one of, as `inProject(type)[0]` picked it.
      else if (slot === undefined) (project as unknown as Record<string, SeamRecord>)[name] = record;
    }
  }
  for (const project of byProject.values()) {
    project.status.sort((a, b) => (a.data.date < b.data.date ? -1 : 1));
    project.engagement.sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : 1));
  }
  const library = lessonsLibrary([...published.lessons.values()], [...published.charter.values()]);
  const lessonsByRecord = new Map<string, LibraryLesson[]>();
  for (const lesson of library) {
    const list = lessonsByRecord.get(lesson.record);
    if (list) list.push(lesson);
    else lessonsByRecord.set(lesson.record, [lesson]);
  }
  index = { projects: [...byProject.values()], projectById: byProject, lessonsByRecord, related: relatedOf(published) };
  indexes.set(published, index);
  return index;
}

function relatedOf(published: Published): Related {
  const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const related: Related = {
    chartersBySystem: new Map(),
    chartersByPolicy: new Map(),
    chartersByOrganisation: new Map(),
    engagementsByProvider: new Map(),
    evaluationsByProvider: new Map(),
    supersededBy: new Map(),
    systemsByOwner: new Map(),
    providersByOrganisation: new Map(),
    peopleByOrganisation: new Map(),
    drawingSystem: new Map(),
  };
  for (const charter of published.charter.values()) {
    const { systems, policies, organisations, regulations, providers } = charter.data;
    for (const id of new Set(systems)) add(related.chartersBySystem, id, charter);
    for (const id of new Set(policies)) add(related.chartersByPolicy, id, charter);
    for (const id of new Set([...organisations, ...regulations.map((r) => r.regulator)])) add(related.chartersByOrganisation, id, charter);
    for (const p of providers) add(related.engagementsByProvider, p.provider, { charter, ...p });
  }
  for (const evaluation of published.evaluations.values()) add(related.evaluationsByProvider, evaluation.data.provider, evaluation);
  for (const policy of published.policies.values()) if (policy.data.supersedes !== undefined) add(related.supersededBy, policy.data.supersedes, policy);
  for (const system of published.systems.values()) add(related.systemsByOwner, system.data.owner, system);
  for (const provider of published.providers.values()) add(related.providersByOrganisation, provider.data.organisation, provider);
  for (const register of published.stakeholders.values()) {
    for (const s of register.data.stakeholders) add(related.peopleByOrganisation, s.organisation, { ...s, project: projectOf(register.id), register: register.id });
  }
  // Each body's diagrams are read once; a system's page then looks its drawings up.
  const systemIds = [...published.systems.keys()];
  for (const records of Object.values(published) as Map<string, SeamRecord>[]) {
    for (const record of records.values()) {
      if (record.type === 'docs' || !record.html.includes('class="mermaid"')) continue;
      for (const id of systemsDrawn(record.html, systemIds)) add(related.drawingSystem, id, record);
    }
  }
  return related;
}

/** What points at each shared record (system, organisation, policy, provider). */
export function relatedRecords(published: Published): Related {
  return siteIndex(published).related;
}

/** Each published project (one whose charter is published) with its published records, in id order. */
export function projectsOf(published: Published): readonly ProjectRecords[] {
  return siteIndex(published).projects;
}

/** One published project with its published records, if its charter is published. */
export function projectById(published: Published, id: string): ProjectRecords | undefined {
  return siteIndex(published).projectById.get(id);
}

/** The lessons of one lessons record, with where other projects apply them. */
export function lessonsOfRecord(published: Published, recordId: string): LibraryLesson[] {
  return siteIndex(published).lessonsByRecord.get(recordId) ?? [];
}

/** The page (and title) of a content file (content-relative), when this build publishes its record. */
export function pageOfFile(published: Published, lint: SiteLint) {
  return (contentFile: string): { href: string; title: string } | undefined => {
    const record = lint.graph.byFile.get(contentFile);
    if (!record) return undefined;
    const site = published[record.type as RecordTypeName]?.get(record.id);
    return site ? { href: siteHref(recordHref(record.type, record.id)), title: String((site.data as RecordData[RecordTypeName]).title) } : undefined;
  };
}

/**
 * `compute` once per set of published records and lint state (once per build; again in `astro dev`,
 * where every page reads them afresh), counted as the build step `step`.
 */
function oncePerBuild<T>(step: string, compute: (published: Published, lint: SiteLint) => T): (published: Published, lint: SiteLint) => T {
  const memo = new WeakMap<Published, WeakMap<SiteLint, T>>();
  return (published, lint) => {
    let byLint = memo.get(published);
    if (!byLint) memo.set(published, (byLint = new WeakMap()));
    if (byLint.has(lint)) return byLint.get(lint)!;
    countBuildStep(step);
    const value = compute(published, lint);
    byLint.set(lint, value);
    return value;
  };
}

/**
 * The findings about records this build publishes: a rule's page lists them, and must not name a
 * file, or quote a message about one, that the audience may not read. Computed once per build.
 */
export const publishedFindings = oncePerBuild('published-findings', (published, lint): Finding[] => {
  const pageOf = pageOfFile(published, lint);
  return lint.findings.filter((f) => {
    const file = relative(lint.contentRoot, resolve(lint.repoRoot, f.file)).split(sep).join('/');
    return pageOf(file) !== undefined;
  });
});

const byRuleMemo = new WeakMap<Finding[], Map<string, Finding[]>>();

/** The published findings of one rule, in report order (grouped once per build). */
export function publishedFindingsOf(published: Published, lint: SiteLint, ruleId: string): Finding[] {
  const findings = publishedFindings(published, lint);
  let byRule = byRuleMemo.get(findings);
  if (!byRule) {
    byRule = new Map();
    for (const f of findings) {
      const list = byRule.get(f.ruleId);
      if (list) list.push(f);
      else byRule.set(f.ruleId, [f]);
    }
    byRuleMemo.set(findings, byRule);
  }
  return byRule.get(ruleId) ?? [];
}

/** One standard's coverage as the site shows it: its figures, its published projects, and the matrix's pages. */
export interface StandardCoverage {
  standard: string | undefined;
  coverage: Coverage;
  /** The published projects' figures, in the coverage's order (the per-project table). */
  projects: MatrixProject[];
}

/** The coverage the site shows: the primary standard's, then each other standard's, and the matrix's pages. */
export interface CoverageViews {
  primary: StandardCoverage;
  others: StandardCoverage[];
  /** The pages of the matrix, by the primary standard's order of the published projects; every standard's matrix is split the same way. */
  pages: ProjectPage[];
}

/**
 * Each standard's coverage of the published projects, and the matrix's pages: split out of the lint's
 * coverage once per build, not by each of the coverage pages (splitting a standard out summarises
 * every project's column again).
 */
export const coverageViews = oncePerBuild('coverage-views', (published, lint): CoverageViews => {
  const isPublished = (id: string) => published.charter.has(id);
  const primaryStandard = lint.graph.primaryStandard;
  const primaryOf = primaryCoverage(lint.graph, lint.coverage);
  const primary = { standard: primaryStandard, coverage: primaryOf, projects: matrixProjects(primaryOf, isPublished) };
  const others = [...published.standards.keys()]
    .filter((id) => id !== primaryStandard)
    .map((standard) => {
      const coverage = coverageOfStandard(lint.coverage, standard);
      return { standard, coverage, projects: matrixProjects(coverage, isPublished) };
    });
  return { primary, others, pages: matrixPages(primary.projects.map((p) => p.id)) };
});

/** The site path of the traceability table's page `number`: `/standard/traceability/`, then `/standard/traceability/<n>/`. */
export const tracePagePath = (number: number): string => (number === 1 ? '/standard/traceability/' : `/standard/traceability/${number}/`);

/** The traceability table as the site shows it, split by project. */
export interface TraceViews {
  pages: ProjectPage[];
  /** Every published project, by title, with the number of the page that shows its records. */
  projects: { id: string; title: string; page: number }[];
  /** A project's title by its id (the id itself for a project whose charter is not published). */
  projectTitle(id: string): string;
  /** The rows of page `number`: every criterion with its rules, the policies, and that page's projects' records and systems. */
  rowsOf(number: number): TraceRow[];
}

/**
 * The traceability table's inputs, once per build: every criterion's rules and evidence (from the
 * rules' metadata and the engine's coverage), the evidence grouped by the page that shows its project,
 * so a page's rows cost what that page shows, not what the whole organisation has.
 */
export const traceViews = oncePerBuild('trace-views', (published, lint): TraceViews => {
  const primary = lint.graph.primaryStandard;
  // A policy's criteria resolved to keys: its unqualified ids are the primary standard's.
  const policies = [...published.policies.values()].map((p) => ({ id: p.id, href: siteHref(recordHref('policies', p.id)), title: p.data.title, criteria: p.data.criteria.flatMap((c) => findCriterion(lint.graph, c)?.key ?? []) }));
  const backlinks = criterionBacklinks(lint.coverage, policies, pageOfFile(published, lint), (file) => lint.graph.byFile.get(file)?.project);
  const rules = rulesByCriterion(lint.rules.filter((r) => r.severity !== 'off'), lint.coverage.criteria);
  const systemsOf = (project: string) =>
    (published.charter.get(project)?.data.systems ?? []).flatMap((id) => {
      const system = published.systems.get(id);
      return system ? [{ id, href: siteHref(recordHref('systems', id)), title: system.data.title }] : [];
    });
  // Every standard's criteria, the primary's by their own id and any other's qualified (sp800-53-low:cm-4).
  const criteria = lint.coverage.criteria.map((c) => ({ ...c, id: criterionLabel(c, primary), parent: c.parent === undefined ? undefined : criterionLabel({ standard: c.standard, id: c.parent }, primary) }));
  const byTitle = [...published.charter.values()].map((c) => ({ id: c.id, title: c.data.title })).sort((a, b) => a.title.localeCompare(b.title));
  const pages = projectPages(byTitle.map((p) => p.id), tracePagePath);
  const pageOf = new Map(pages.flatMap((page) => page.projects.map((id) => [id, page.number] as const)));
  // Each page's evidence: the policies (they evidence every project), then its projects' records, in order.
  const onPage = pages.map(() => new Map<string, Backlink[]>());
  for (const [key, links] of backlinks) {
    const policyLinks = links.filter((l) => l.project === undefined);
    for (const byKey of onPage) byKey.set(key, [...policyLinks]);
    for (const link of links) if (link.project !== undefined) onPage[(pageOf.get(link.project) ?? 1) - 1]!.get(key)!.push(link);
  }
  return {
    pages,
    projects: byTitle.map((p) => ({ ...p, page: pageOf.get(p.id)! })),
    projectTitle: (id) => published.charter.get(id)?.data.title ?? id,
    rowsOf: (number) => traceRows({ criteria, backlinks: onPage[number - 1] ?? new Map(), rules, systemsOf }),
  };
});
