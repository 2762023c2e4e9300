// One id scheme for criteria, decided here and nowhere else. A criterion reference is either qualified
// by its standard, `<standard>:<id>` (`eskitp5045:P5`, `sp800-53-low:ac-2`), or unqualified (`P5`),
// which means the organisation's primary standard: `standards.primary` in seam.config.yaml, or, when
// that names none, the only catalogue in content/standards/. With several catalogues and no primary an
// unqualified id means nothing (fail closed), so the meaning of `P5` never depends on which other
// catalogues happen to exist. A coverage map's ids are local to its own standard. The graph keys its
// criteria by qualified id; everything that reads a reference resolves it here.
import type { Criterion, RecordGraph } from './graph.ts';
import { quote } from './safe-text.ts';

/** What separates a standard from a criterion id in a qualified reference. */
const QUALIFIER = ':';

/** `eskitp5045`, `P5` → `eskitp5045:P5`: the key of a criterion in the graph. */
export const qualify = (standard: string, local: string): string => `${standard}${QUALIFIER}${local}`;

/** A reference split into its standard (when qualified) and the id within that standard. */
export function parseCriterionRef(ref: string): { standard?: string; local: string } {
  const at = ref.indexOf(QUALIFIER);
  return at < 0 ? { local: ref } : { standard: ref.slice(0, at), local: ref.slice(at + 1) };
}

/** Which standard an unqualified id means, as the graph decided it. */
export interface StandardsContext {
  /** The primary standard; undefined when there is none (no catalogue, or several and none configured). */
  primary?: string;
  /** The ids of the catalogues in content/standards/. */
  standards: readonly string[];
}

/**
 * The primary standard from the configured one and the catalogues that exist: the configured one when
 * it exists, else the only catalogue. `problem` says why there is none when there should be one.
 */
export function primaryStandardOf(configured: string | undefined, standards: readonly string[]): { primary?: string; problem?: string } {
  const known = standards.length ? standards.join(', ') : 'none';
  if (configured !== undefined) {
    if (standards.includes(configured) || !standards.length) return { primary: configured };
    return { problem: `The primary standard ${quote(configured)} ("standards.primary" in seam.config.yaml) has no catalogue in content/standards/. Known: ${known}. Name one of them, or add standards/${configured}.yaml.` };
  }
  if (standards.length === 1) return { primary: standards[0] };
  if (!standards.length) return {};
  return { problem: `content/standards/ holds several standards (${known}) and seam.config.yaml names no primary one, so an unqualified criterion id such as P5 means none of them. Set "standards: { primary: <id> }" in seam.config.yaml, or qualify every id (${standards[0]}:P5).` };
}

export type Resolution = { ok: true; key: string; standard: string; local: string } | { ok: false; message: string };

/**
 * Resolves a reference to the key of a criterion of `context`: qualified ids name their standard,
 * unqualified ones the primary standard (or, with `within`, the standard a coverage map is for).
 * `exists` says whether the graph has a key; the message of a failure names the standard.
 */
export function resolveCriterionRef(ref: string, context: StandardsContext, exists: (key: string) => boolean, within?: string): Resolution {
  const { standard: named, local } = parseCriterionRef(ref);
  const standard = named ?? within ?? context.primary;
  if (standard === undefined) {
    return { ok: false, message: `Unknown criterion ${quote(ref)}: content/standards/ holds several standards (${context.standards.join(', ')}) and none is primary, so an unqualified id means none of them. Qualify it (${context.standards.map((s) => qualify(s, local)).join(' or ')}) or set "standards.primary" in seam.config.yaml.` };
  }
  if (!context.standards.includes(standard)) {
    return { ok: false, message: `Unknown criterion ${quote(ref)}: there is no catalogue ${quote(standard)} in content/standards/. Known: ${context.standards.join(', ') || 'none'}.` };
  }
  const key = qualify(standard, local);
  if (!exists(key)) return { ok: false, message: `Unknown criterion ${quote(ref)}: the catalogue ${quote(standard)} does not define it. Check the id against the standard.` };
  return { ok: true, key, standard, local };
}

/**
 * How a criterion is written where a reader sees it: its own id for the primary standard (`P5`), the
 * qualified id for any other (`sp800-53-low:ac-2`), so a shown id means what it would mean in content.
 */
export const criterionLabel = (criterion: { standard: string; id: string }, primary: string | undefined): string => (criterion.standard === primary ? criterion.id : qualify(criterion.standard, criterion.id));

// ── Against a graph ─────────────────────────────────────────────────────────────────────────────────

/** The standards of a graph, and its primary one. */
export const standardsOf = (graph: RecordGraph): StandardsContext => ({ primary: graph.primaryStandard, standards: graph.standards.map((s) => s.id) });

/** Resolves a reference against the graph's catalogues (see `resolveCriterionRef`). */
export const resolveCriterion = (graph: RecordGraph, ref: string, within?: string): Resolution => resolveCriterionRef(ref, standardsOf(graph), (key) => graph.criteria.has(key), within);

/** The criterion a reference means, if the graph has it. */
export function findCriterion(graph: RecordGraph, ref: string, within?: string): Criterion | undefined {
  const resolved = resolveCriterion(graph, ref, within);
  return resolved.ok ? graph.criteria.get(resolved.key) : undefined;
}

/** The keys of a criterion's sub-items. */
export const itemKeys = (criterion: Criterion): string[] => criterion.items.map((i) => qualify(criterion.standard, i));
