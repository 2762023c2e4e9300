// Every record type an author can write, as data: where its files live, its schema, the headings its
// body needs and the phase from which a project needs it. The loader, the rules, coverage, `seam new`,
// the site and the handbook all read this table; nothing else lists types. Which criteria a record
// evidences is the catalogue's coverage map (src/model/coverage-map.ts).
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
  /** Files the pattern matches that are not records of this type (a catalogue's coverage map). */
  exclude?: string;
  /** Whether the file belongs to a project folder (`projects/<project>/…`). */
  inProject: boolean;
  schema: z.ZodType;
  /** Headings the MDX body must have, each with content. */
  requiredSections: string[];
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
    exclude: 'standards/*.coverage.{yaml,yml}',
    inProject: false,
    schema: schemas.standard,
    requiredSections: [],
    summary: 'A published standard\'s criteria, verbatim: the catalogue every criterion id is checked against.',
  },
  {
    name: 'policies',
    label: 'policy',
    pattern: 'policies/*.mdx',
    inProject: false,
    schema: schemas.policy,
    requiredSections: ['Purpose', 'Scope'],
    summary: 'One of the organisation\'s own integration policies, standards, procedures or guidelines.',
  },
  {
    name: 'organisations',
    label: 'organisation',
    pattern: 'organisations/*.mdx',
    inProject: false,
    schema: schemas.organisation,
    requiredSections: ['Role in the integration'],
    summary: 'An organisation involved in integration work: acquirer, target, partner, regulator or external body.',
  },
  {
    name: 'systems',
    label: 'system',
    pattern: 'systems/*.mdx',
    inProject: false,
    schema: schemas.system,
    requiredSections: ['Purpose'],
    summary: 'An entry in the systems catalogue: who owns it, what it holds and what it talks to.',
  },
  {
    name: 'providers',
    label: 'provider',
    pattern: 'providers/*.mdx',
    inProject: false,
    schema: schemas.provider,
    requiredSections: ['Services'],
    summary: 'An external provider of systems-integration services, with its contract and contacts.',
  },
  {
    name: 'docs',
    label: 'handbook page',
    pattern: 'docs/**/*.{md,mdx}',
    inProject: false,
    schema: schemas.doc,
    requiredSections: [],
    summary: 'A free page of the handbook.',
  },
  {
    name: 'charter',
    label: 'project charter',
    pattern: 'projects/*/index.mdx',
    inProject: true,
    schema: schemas.charter,
    requiredSections: ['Scope', 'Approach', 'External factors', 'Architecture', 'Security and integrity'],
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
    summary: 'A change to requirements, with its impact on budget, schedule and scope, and the decision.',
  },
  {
    name: 'signoff',
    label: 'sign-off record',
    pattern: 'projects/*/signoff.mdx',
    inProject: true,
    schema: schemas.signoff,
    requiredSections: ['Sign-off'],
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
    requiredFrom: 'closed',
    enforcedBy: 'lessons',
    summary: 'What the project learned, with recommendations other projects can apply.',
  },
  {
    name: 'engagement',
    label: 'engagement entry',
    pattern: 'projects/*/engagement/*.mdx',
    inProject: true,
    schema: schemas.engagement,
    requiredSections: ['Summary'],
    requiredFrom: 'execution',
    enforcedBy: 'engagement',
    summary: 'One communication that happened: when, with whom, through which channel, about what, the decisions and the follow-ups.',
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
