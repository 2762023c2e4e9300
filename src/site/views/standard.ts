// Arranges a criteria catalogue for reading: its groups (the standard's functions) in order, each with
// its performance criteria then its knowledge criteria.
import type { Standard } from '../../model/schemas.ts';

type Criterion = Standard['criteria'][number];

export interface CatalogueGroup {
  id: string;
  title: string;
  performance: Criterion[];
  knowledge: Criterion[];
}

/** The standard's groups in order; criteria naming an unknown group are collected under "Other criteria". */
export function catalogueGroups(standard: Standard): CatalogueGroup[] {
  const groups = new Map<string, CatalogueGroup>(
    standard.groups.map((g) => [g.id, { id: g.id, title: g.title, performance: [], knowledge: [] }]),
  );
  for (const criterion of standard.criteria) {
    let group = groups.get(criterion.group);
    if (!group) groups.set(criterion.group, (group = { id: criterion.group, title: 'Other criteria', performance: [], knowledge: [] }));
    // Criteria without a kind (OSCAL controls) are requirements to perform, listed with the performance criteria.
    group[criterion.kind ?? 'performance'].push(criterion);
  }
  return [...groups.values()];
}

/** Paragraphs of a plain-text field such as the overview (blank lines separate them). */
export function paragraphs(text: string | undefined): string[] {
  return (text ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}
