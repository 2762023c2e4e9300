// Coverage as OSCAL 1.1 assessment results: one result per project, one finding per criterion of the
// standard in it, each finding's target the criterion's statement (`<id>_smt`, as `seam export oscal`
// names it) with the state Seam's coverage gave the cell, and an observation listing the evidence. The
// coverage map plays the assessment plan's part, so `import-ap` points at it. Deterministic: dates
// come from the reference date ("today" of the run), UUIDs from the content.
import { contentUuid, OSCAL_VERSION } from './catalog.ts';

/** The parts of a coverage cell the export reads (computed by the rule kit's `computeCoverage`). */
export interface ResultCell {
  criterion: string;
  project: string;
  state: 'evidenced' | 'policy' | 'failing' | 'missing' | 'not-required' | 'not-applicable' | 'unaccounted';
  /** The map's reason, used only for a criterion marked not applicable (it names no record). */
  reason: string;
  /** Only evidence the audience may read: the description names nothing else. */
  evidence: { file: string; via: string }[];
  /** For missing and not-required cells: the record types that would evidence it. */
  expected: string[];
}

export interface ResultsInput {
  standard: { id: string; title: string };
  /** The criteria of that standard, in catalogue order. */
  criteria: { id: string; standard: string }[];
  projects: { id: string; title: string }[];
  /** cells[criterionIndex][projectIndex], as `computeCoverage` gives them. */
  cells: ResultCell[][];
  /** The run's reference date, YYYY-MM-DD. */
  today: string;
  /** The coverage map's file, relative to the repository. */
  plan: string;
}

const SEAM_RESULTS_NS = 'urn:seam:coverage';

/** The OSCAL state of a cell: only evidence that passed its checks satisfies a criterion. */
function status(cell: ResultCell): { state: 'satisfied' | 'not-satisfied'; reason: 'pass' | 'fail' | 'other' } {
  if (cell.state === 'evidenced' || cell.state === 'policy') return { state: 'satisfied', reason: 'pass' };
  if (cell.state === 'not-required' || cell.state === 'not-applicable') return { state: 'not-satisfied', reason: 'other' };
  return { state: 'not-satisfied', reason: 'fail' };
}

/**
 * What a finding says, from its state and the evidence the audience may read. Coverage's own reason
 * sentence can name any record, so it is used only where it comes from the map (not applicable).
 */
function describe(cell: ResultCell): string {
  const files = [...new Set(cell.evidence.map((e) => e.file))].join(', ');
  const types = cell.expected.join(', ');
  switch (cell.state) {
    case 'evidenced': return files ? `Evidenced by ${files}.` : 'Evidenced by records this audience may not read.';
    case 'policy': return files ? `Evidenced by policy: ${files}.` : 'Evidenced by a policy this audience may not read.';
    case 'failing': return `Evidence exists but its record has errors${files ? `: ${files}` : ''}. Fix the findings of "seam lint".`;
    case 'missing': return `Missing: no ${types || 'record'} evidences it yet.`;
    case 'not-required': return `Not required yet at the project's phase${types ? ` (evidenced by: ${types})` : ''}.`;
    case 'not-applicable': return cell.reason;
    case 'unaccounted': return 'The coverage map does not account for this criterion.';
  }
}

/** The coverage of `input.standard` as an OSCAL assessment-results document (JSON text ending in a newline). */
export function exportAssessmentResults(input: ResultsInput): string {
  const at = `${input.today}T00:00:00Z`;
  const seed = `${input.standard.id}\0${input.today}`;
  const rows = input.criteria.map((c, i) => ({ criterion: c, cells: input.cells[i] ?? [] }));
  const results = input.projects.map((project, j) => {
    const observations: object[] = [];
    const findings = rows.map(({ criterion, cells }) => {
      const cell = cells[j]!;
      const { state, reason } = status(cell);
      const key = `${seed}\0${project.id}\0${criterion.id}`;
      const observation = cell.evidence.length
        ? {
            uuid: contentUuid(`${key}\0observation`),
            description: `Evidence of ${criterion.id} in ${project.id}: ${cell.evidence.length} record${cell.evidence.length === 1 ? '' : 's'}.`,
            methods: ['EXAMINE'],
            collected: at,
            'relevant-evidence': cell.evidence.map((e) => ({ href: e.file, description: `${e.file} (${e.via})` })),
          }
        : undefined;
      if (observation) observations.push(observation);
      return {
        uuid: contentUuid(`${key}\0finding`),
        title: `${criterion.id} in ${project.title}`,
        description: describe(cell),
        props: [{ name: 'coverage-state', ns: SEAM_RESULTS_NS, value: cell.state }],
        target: { type: 'statement-id', 'target-id': `${criterion.id}_smt`, status: { state, reason } },
        ...(observation ? { 'related-observations': [{ 'observation-uuid': observation.uuid }] } : {}),
      };
    });
    return {
      uuid: contentUuid(`${seed}\0${project.id}\0result`),
      title: `Coverage of ${input.standard.title} by ${project.title}`,
      description: `Each criterion of ${input.standard.id} as Seam's coverage found it for the project ${project.id}: satisfied only by evidence that passed its checks.`,
      start: at,
      end: at,
      props: [{ name: 'project', ns: SEAM_RESULTS_NS, value: project.id }],
      'reviewed-controls': { 'control-selections': [{ 'include-controls': input.criteria.map((c) => ({ 'control-id': c.id })) }] },
      ...(observations.length ? { observations } : {}),
      findings,
    };
  });
  const body = {
    'assessment-results': {
      uuid: '',
      metadata: { title: `${input.standard.title}: coverage results`, 'last-modified': at, version: input.today, 'oscal-version': OSCAL_VERSION },
      'import-ap': { href: input.plan },
      results,
    },
  };
  body['assessment-results'].uuid = contentUuid(JSON.stringify(body));
  return `${JSON.stringify(body, null, 2)}\n`;
}
