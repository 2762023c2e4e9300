// Who a site build is for, and which records its readers may see. An audience build leaves out every
// record above its readers' clearance: `public` shows only public records, `internal` leaves out
// confidential ones, `confidential` shows everything. A build that names no audience is `public`: a
// forgotten setting must never publish internal or confidential records (fail closed). The site's loader asks this module
// once per build and stores only what it allows, so what is left out is absent from every page, the
// search index and the sitemap; views that read the record graph directly ask the same question here.
import type { SeamConfig } from './config.ts';
import { buildGraph, type Classification, type ContentRecord, type RecordGraph } from './graph.ts';

export type Audience = Classification;

export const AUDIENCES: readonly Audience[] = ['public', 'internal', 'confidential'];

/** The `<meta name>` every built page carries with the audience its build was for, so tools that read the built site (the PDF export) can tell. */
export const AUDIENCE_META = 'seam:audience';

const CLEARANCE: Record<Classification, number> = { public: 0, internal: 1, confidential: 2 };

/** Whether readers of an `audience` build may see a record classified `classification`. */
export function visibleTo(audience: Audience, classification: Classification): boolean {
  return CLEARANCE[classification] <= CLEARANCE[audience];
}

/**
 * Whether readers of an `audience` build see who changed a page and why (a commit's author, subject
 * and link), or only when. Commit messages and author names are written for the team and may name
 * what a public reader may not read, so a public build shows dates only.
 */
export function showsCommitDetails(audience: Audience): boolean {
  return audience !== 'public';
}

/** Where a build's audience came from: `default` means nothing named one, so the build is `public`. */
export type AudienceSource = 'env' | 'config' | 'default';

export type AudienceSetting = { ok: true; audience: Audience; source: AudienceSource } | { ok: false; message: string };

/** The build's audience: `SEAM_AUDIENCE` beats `site.audience` in seam.config.yaml; `public` when neither is set. */
export function resolveAudience(config: Pick<SeamConfig, 'site'>, env: NodeJS.ProcessEnv = process.env): AudienceSetting {
  const fromEnv = env.SEAM_AUDIENCE?.trim();
  if (fromEnv) {
    const audience = fromEnv.toLowerCase();
    if ((AUDIENCES as readonly string[]).includes(audience)) return { ok: true, audience: audience as Audience, source: 'env' };
    return { ok: false, message: `SEAM_AUDIENCE is "${fromEnv}"; it must be one of: ${AUDIENCES.join(', ')} (or unset, to use site.audience in seam.config.yaml, else public).` };
  }
  const configured = config.site.audience;
  return configured ? { ok: true, audience: configured, source: 'config' } : { ok: true, audience: 'public', source: 'default' };
}

/** The line a build prints about its audience, so a reader of the build log knows what was published. */
export function describeAudience(setting: Extract<AudienceSetting, { ok: true }>): string {
  const from = setting.source === 'env' ? 'SEAM_AUDIENCE' : setting.source === 'config' ? 'site.audience in seam.config.yaml' : 'no audience was set (SEAM_AUDIENCE or site.audience in seam.config.yaml), so the build fails closed';
  const leftOut = setting.audience === 'confidential' ? 'every record is published' : `records classified above "${setting.audience}" are left out of every page, the search index and the sitemap`;
  return `Building for the ${setting.audience} audience (${from}): ${leftOut}.`;
}

/**
 * The classification that decides whether a record is published: its own, or its project's charter's
 * when that is stricter. A project's records are part of the project, so a public record in an
 * internal project stays out of a public build with the rest of the project (its page would name it).
 */
export function effectiveClassification(record: ContentRecord, graph: RecordGraph): Classification {
  const charter = record.project !== undefined && record.type !== 'charter' ? graph.projects.get(record.project)?.charter : undefined;
  if (!charter || CLEARANCE[charter.classification] <= CLEARANCE[record.classification]) return record.classification;
  return charter.classification;
}

/** Whether readers of an `audience` build may see `record`. */
export function recordVisibleTo(audience: Audience, record: ContentRecord, graph: RecordGraph): boolean {
  return visibleTo(audience, effectiveClassification(record, graph));
}

/** The content files (content-relative) of the records an `audience` build publishes. */
export function visibleFiles(graph: RecordGraph, audience: Audience): Set<string> {
  return new Set(graph.records.filter((r) => recordVisibleTo(audience, r, graph)).map((r) => r.file));
}

/**
 * The graph as an `audience` build sees it: only the records it publishes, references re-resolved
 * among them. Sources are reused, nothing is read again. The full graph is returned as is when the
 * audience sees everything.
 */
export function restrictGraph(graph: RecordGraph, audience: Audience): RecordGraph {
  if (audience === 'confidential') return graph;
  const visible = visibleFiles(graph, audience);
  const inputs = graph.records.filter((r) => visible.has(r.file)).map((r) => ({ file: r.file, read: () => r.source }));
  return buildGraph(graph.root, inputs, { primaryStandard: graph.configuredPrimary });
}
