// A project's status reports read as a timeline: RAG, spend and issues per report, oldest first, and
// the latest report as of the configured "today" (a report dated later is never the latest, as in
// src/model/project-state.ts).
import type { StatusReport } from '../../model/schemas.ts';

export type Rag = StatusReport['rag'];
type Issue = StatusReport['issues'][number];

export interface DatedReport {
  id: string;
  data: StatusReport;
}

export interface TimelinePoint {
  id: string;
  date: string;
  rag: Rag;
  title: string;
  spendToDate: number;
  forecast: number;
  openIssues: number;
  /** Open issues of high or critical severity. */
  highIssues: number;
  atRisk: number;
  /** Whether this is the latest report as of today. */
  latest: boolean;
}

/** Whether an issue is still open on `today`. */
export function isOpen(issue: { closed?: string }, today: string): boolean {
  return issue.closed === undefined || issue.closed > today;
}

/** High or critical: the issues a sponsor hears about. */
export function isHigh(issue: Pick<Issue, 'severity'>): boolean {
  return issue.severity === 'high' || issue.severity === 'critical';
}

/** The most recent report dated on or before `today`. */
export function latestReport<T extends DatedReport>(reports: T[], today: string): T | undefined {
  return [...reports].filter((r) => r.data.date <= today).sort((a, b) => (a.data.date < b.data.date ? -1 : 1)).at(-1);
}

/** The reports as a timeline, oldest first. */
export function statusTimeline(reports: DatedReport[], today: string): TimelinePoint[] {
  const latest = latestReport(reports, today);
  return [...reports]
    .sort((a, b) => (a.data.date < b.data.date ? -1 : 1))
    .map(({ id, data }) => {
      const open = data.issues.filter((i) => isOpen(i, data.date));
      return {
        id,
        date: data.date,
        rag: data.rag,
        title: data.title,
        spendToDate: data.spend.toDate,
        forecast: data.spend.forecast,
        openIssues: open.length,
        highIssues: open.filter(isHigh).length,
        atRisk: data.milestonesAtRisk.length,
        latest: id === latest?.id,
      };
    });
}

export const RAG_LABEL: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
