// A plan's milestones as a Mermaid gantt chart, generated at build time: one section per workstream,
// one bar per milestone running from when it can start (its dependencies' due dates, or the project's
// start) to when it is due. Done milestones are marked done, overdue ones critical, and "today" is the
// configured date, drawn as a marker — never the reader's clock.
import type { Charter, Plan } from '../../model/schemas.ts';
import { plural } from '../../model/text.ts';
import { ganttText } from './mermaid-text.ts';

type Milestone = Plan['milestones'][number];

export interface GanttInput {
  /** Shown as the chart's accessible title. */
  title: string;
  /** The project's start: where milestones without dependencies begin. */
  start: string;
  workstreams: Charter['workstreams'];
  milestones: Milestone[];
  today: string;
}

export type MilestoneState = 'done' | 'overdue' | 'in-progress' | 'planned';

/** Where a milestone stands on `today`. */
export function milestoneState(m: Pick<Milestone, 'due' | 'done'>, today: string, start?: string): MilestoneState {
  if (m.done) return 'done';
  if (m.due < today) return 'overdue';
  return start !== undefined && start <= today ? 'in-progress' : 'planned';
}

const TAGS: Record<MilestoneState, string[]> = { done: ['done'], overdue: ['crit'], 'in-progress': ['active'], planned: [] };

/** When each milestone can start: the latest due date of its dependencies, else the project's start. */
export function milestoneStarts(milestones: Milestone[], projectStart: string): Map<string, string> {
  const due = new Map(milestones.map((m) => [m.id, m.due]));
  return new Map(
    milestones.map((m) => {
      const deps = m.dependsOn.map((d) => due.get(d)).filter((d): d is string => d !== undefined);
      const from = deps.length ? deps.reduce((a, b) => (a > b ? a : b)) : projectStart;
      return [m.id, from < m.due ? from : m.due];
    }),
  );
}

/** Months between axis ticks, so that about a dozen labels share the axis whatever the plan's span. */
export function tickMonths(first: string, last: string): number {
  const months = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7));
  return Math.max(1, Math.ceil(months / 12));
}

/** Longest labels drawn: longer ones overlap in the chart (the plan's milestone table has them in full). */
const TASK_CHARS = 56;
const SECTION_CHARS = 28;

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;.-]+$/, '')}…`;
}

/** The Mermaid source of the plan's gantt chart. */
export function ganttSource({ title, start, workstreams, milestones, today }: GanttInput): string {
  const starts = milestoneStarts(milestones, start);
  const sections = new Map<string, { title: string; items: Milestone[] }>(workstreams.map((w) => [w.id, { title: w.title, items: [] }]));
  for (const m of milestones) {
    let section = sections.get(m.workstream);
    if (!section) sections.set(m.workstream, (section = { title: m.workstream, items: [] }));
    section.items.push(m);
  }
  const dates = milestones.flatMap((m) => [starts.get(m.id)!, m.due]);
  const first = dates.reduce((a, b) => (a < b ? a : b), start);
  const last = dates.reduce((a, b) => (a > b ? a : b), start);
  const done = milestones.filter((m) => m.done).length;

  const lines = [
    'gantt',
    `  accTitle: ${ganttText(title)}`,
    `  accDescr: ${plural(milestones.length, 'milestone')} in ${plural(sections.size, 'workstream')} from ${first} to ${last}, ${done} done; today is ${today}.`,
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %b %Y',
    `  tickInterval ${tickMonths(first, last)}month`,
    // Mermaid's own marker uses the reader's clock; the configured today is drawn as a marker instead.
    '  todayMarker off',
  ];
  for (const section of sections.values()) {
    if (section.items.length === 0) continue;
    lines.push(`  section ${shorten(ganttText(section.title), SECTION_CHARS)}`);
    for (const m of section.items) {
      const from = starts.get(m.id)!;
      const state = milestoneState(m, today, from);
      const point = from >= m.due;
      const tags = [...TAGS[state], ...(point ? ['milestone'] : [])];
      const when = point ? `${m.due}, 0d` : `${from}, ${m.due}`;
      lines.push(`    ${shorten(ganttText(m.title), TASK_CHARS)} :${[...tags, `m-${m.id}`, when].join(', ')}`);
    }
  }
  if (first <= today && today <= last) {
    lines.push('  section Today', `    ${ganttText(`Today (${today})`)} :vert, today, ${today}, 0d`);
  }
  return lines.join('\n');
}
