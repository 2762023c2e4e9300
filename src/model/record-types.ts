// Every record type an author can write, as data: where its files live, its schema, the headings its
// body needs, the criteria it evidences and the phase from which a project needs it. The loader, the
// rules, coverage, `seam new`, the site and the handbook all read this table; nothing else lists types.
import type { z } from 'zod';
import type { RecordTypeName } from './record-data.ts';
import * as schemas from './schemas.ts';

export const PHASES = ['planning', 'execution', 'handover', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export interface RecordType {
  /** The record type's name as authors say it; also its Astro collection name. */
  name: string;
  /** A singular label for people. */
  label: string;
  /** Where its files live, as a glob relative to the content root. */
  pattern: string;
  /** Whether the file belongs to a project folder (`projects/<project>/…`). */
  inProject: boolean;
  schema: z.ZodType;
  /** Headings the MDX body must have, each with content. */
  requiredSections: string[];
  /** Criteria a clean record of this type evidences. */
  evidences: string[];
  /** For project records: the first phase in which the project must have this record. */
  requiredFrom?: Phase;
  /** One line for the handbook: what the record is for. */
  summary: string;
  /** The rule that reports a project missing this record (else the `coverage` rule does). */
  enforcedBy?: string;
}

export const recordTypes: RecordType[] = [
  {
    name: 'standards',
    label: 'criteria catalogue',
    pattern: 'standards/*.{yaml,yml}',
    inProject: false,
    schema: schemas.standard,
    requiredSections: [],
    evidences: [],
    summary: 'A published standard\'s criteria, verbatim: the catalogue every criterion id is checked against.',
  },
  {
    name: 'policies',
    label: 'policy',
    pattern: 'policies/*.mdx',
    inProject: false,
    schema: schemas.policy,
    requiredSections: ['Purpose', 'Scope'],
    evidences: ['P1', 'P2', 'K7', 'K8'],
    summary: 'One of the organisation\'s own integration policies, standards, procedures or guidelines.',
  },
  {
    name: 'organisations',
    label: 'organisation',
    pattern: 'organisations/*.mdx',
    inProject: false,
    schema: schemas.organisation,
    requiredSections: ['Role in the integration'],
    evidences: [],
    summary: 'An organisation involved in integration work: acquirer, target, partner, regulator or external body.',
  },
  {
    name: 'systems',
    label: 'system',
    pattern: 'systems/*.mdx',
    inProject: false,
    schema: schemas.system,
    requiredSections: ['Purpose'],
    evidences: [],
    summary: 'An entry in the systems catalogue: who owns it, what it holds and what it talks to.',
  },
  {
    name: 'providers',
    label: 'provider',
    pattern: 'providers/*.mdx',
    inProject: false,
    schema: schemas.provider,
    requiredSections: ['Services'],
    evidences: [],
    summary: 'An external provider of systems-integration services, with its contract and contacts.',
  },
  {
    name: 'docs',
    label: 'handbook page',
    pattern: 'docs/**/*.{md,mdx}',
    inProject: false,
    schema: schemas.doc,
    requiredSections: [],
    evidences: [],
    summary: 'A free page of the handbook.',
  },
  {
    name: 'charter',
    label: 'project charter',
    pattern: 'projects/*/index.mdx',
    inProject: true,
    schema: schemas.charter,
    requiredSections: ['Scope', 'Approach', 'External factors', 'Architecture', 'Security and integrity'],
    evidences: ['K1', 'K2', 'K4', 'K5', 'K6', 'K11.4', 'K11.5', 'K12', 'K13.1', 'K15', 'K19', 'K20', 'K23', 'K28.1', 'K28.2', 'P6', 'P7', 'P8'],
    requiredFrom: 'planning',
    summary: 'The project\'s charter: status, phase, scope, approach, external factors and architecture.',
  },
  {
    name: 'stakeholders',
    label: 'stakeholder register',
    pattern: 'projects/*/stakeholders.mdx',
    inProject: true,
    schema: schemas.stakeholders,
    requiredSections: ['Engagement'],
    evidences: ['P3', 'P4', 'P14', 'P20', 'K3', 'K11.1', 'K11.2', 'K11.3', 'K30.2', 'K34.1', 'K40'],
    requiredFrom: 'planning',
    summary: 'Who is involved, who sponsors, who signs off, the RACI per workstream and how each is kept informed.',
  },
  {
    name: 'plan',
    label: 'plan and budget',
    pattern: 'projects/*/plan.mdx',
    inProject: true,
    schema: schemas.plan,
    requiredSections: ['Assumptions', 'Coordination'],
    evidences: ['P5', 'P12', 'P15', 'K10', 'K14', 'K28.3', 'K28.5'],
    requiredFrom: 'planning',
    summary: 'The budget lines, contingency and total, and the milestones with their owners and dependencies.',
  },
  {
    name: 'status',
    label: 'status report',
    pattern: 'projects/*/status/*.mdx',
    inProject: true,
    schema: schemas.statusReport,
    requiredSections: ['Summary', 'Progress', 'Risks and issues'],
    evidences: ['P9', 'P10', 'P11', 'P12', 'P16', 'P19', 'K18', 'K22', 'K24', 'K25.3', 'K26.6', 'K27.7', 'K33', 'K35'],
    requiredFrom: 'execution',
    enforcedBy: 'status-cadence',
    summary: 'A dated report: RAG, spend and forecast, milestones at risk, compliance, architecture alignment, quality, issues and incidents.',
  },
  {
    name: 'evaluations',
    label: 'provider evaluation',
    pattern: 'projects/*/evaluations/*.mdx',
    inProject: true,
    schema: schemas.evaluation,
    requiredSections: ['Summary'],
    evidences: ['P17', 'P18', 'K25.8', 'K27.9', 'K31.1', 'K34.2', 'K38.2', 'K39'],
    requiredFrom: 'execution',
    enforcedBy: 'providers',
    summary: 'A provider\'s scores for one period, with the actions agreed.',
  },
  {
    name: 'changes',
    label: 'change request',
    pattern: 'projects/*/changes/*.mdx',
    inProject: true,
    schema: schemas.changeRequest,
    requiredSections: ['Request', 'Impact', 'Decision'],
    evidences: ['K26.2'],
    summary: 'A change to requirements, with its impact on budget, schedule and scope, and the decision.',
  },
  {
    name: 'signoff',
    label: 'sign-off record',
    pattern: 'projects/*/signoff.mdx',
    inProject: true,
    schema: schemas.signoff,
    requiredSections: ['Sign-off'],
    evidences: ['K3.2', 'K11.2', 'K27.3'],
    requiredFrom: 'handover',
    enforcedBy: 'signoff',
    summary: 'Deliverables signed off, by whom and when, with any conditions.',
  },
  {
    name: 'lessons',
    label: 'lessons learned',
    pattern: 'projects/*/lessons.mdx',
    inProject: true,
    schema: schemas.lessons,
    requiredSections: ['Review'],
    evidences: ['P13', 'K13.3'],
    requiredFrom: 'closed',
    enforcedBy: 'lessons',
    summary: 'What the project learned, with recommendations other projects can apply.',
  },
];

export const recordTypeByName = new Map(recordTypes.map((t) => [t.name, t]));

/** Every record type's name (for a rule that applies to every record), and those of project records. */
export const recordTypeNames = recordTypes.map((t) => t.name as RecordTypeName);
export const projectRecordTypeNames = recordTypes.filter((t) => t.inProject).map((t) => t.name as RecordTypeName);

/** Record types a project in `phase` must have. */
export function requiredRecordTypes(phase: Phase): RecordType[] {
  const at = PHASES.indexOf(phase);
  return recordTypes.filter((t) => t.requiredFrom && PHASES.indexOf(t.requiredFrom) <= at);
}
