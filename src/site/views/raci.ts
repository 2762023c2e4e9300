// The RACI chart of a project: who is Responsible, Accountable, Consulted or Informed for each
// workstream, read from the stakeholder register and laid out against the charter's workstreams.
import type { Charter, StakeholderRegister } from '../../model/schemas.ts';

export type RaciLetter = 'R' | 'A' | 'C' | 'I';
type Stakeholder = StakeholderRegister['stakeholders'][number];

export interface RaciRow {
  id: string;
  name: string;
  role: string;
  organisation: string;
  /** One cell per workstream column, in column order. */
  cells: (RaciLetter | undefined)[];
}

export interface RaciColumn {
  id: string;
  title: string;
  /** Whether the charter defines the workstream (a RACI entry may name one it does not). */
  known: boolean;
  /** The ids of the stakeholders accountable for it: the register should name exactly one. */
  accountable: string[];
}

export interface RaciMatrix {
  columns: RaciColumn[];
  rows: RaciRow[];
}

export const RACI_MEANING: Record<RaciLetter, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

/** Stakeholders (rows, in register order) against workstreams (columns, in charter order). */
export function raciMatrix(workstreams: Charter['workstreams'], stakeholders: Stakeholder[]): RaciMatrix {
  const columns: RaciColumn[] = workstreams.map((w) => ({ id: w.id, title: w.title, known: true, accountable: [] }));
  const at = new Map(columns.map((c, i) => [c.id, i]));
  for (const s of stakeholders) {
    for (const key of Object.keys(s.raci)) {
      if (!at.has(key)) {
        at.set(key, columns.length);
        columns.push({ id: key, title: key, known: false, accountable: [] });
      }
    }
  }
  const rows = stakeholders.map((s): RaciRow => {
    const cells = columns.map((c) => s.raci[c.id] as RaciLetter | undefined);
    cells.forEach((letter, i) => letter === 'A' && columns[i]!.accountable.push(s.id));
    return { id: s.id, name: s.name, role: s.role, organisation: s.organisation, cells };
  });
  return { columns, rows };
}
