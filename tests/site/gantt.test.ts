// The plan's gantt chart is generated from its milestones: bars from dependencies to due dates, states
// judged against the configured today, text made safe for Mermaid, and the source Mermaid parses.
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../../src/model/mermaid.ts';
import { ganttSource, milestoneStarts, milestoneState } from '../../src/site/views/gantt.ts';

const milestone = (id: string, due: string, extra: { done?: string; dependsOn?: string[]; workstream?: string; title?: string } = {}) => ({
  id,
  title: extra.title ?? `Milestone ${id}`,
  workstream: extra.workstream ?? 'data',
  owner: 'ana',
  due,
  done: extra.done,
  dependsOn: extra.dependsOn ?? [],
});

const input = {
  title: 'Schedule of CRM merge',
  start: '2026-01-05',
  today: '2026-04-10',
  workstreams: [
    { id: 'data', title: 'Data migration' },
    { id: 'cutover', title: 'Cutover' },
  ],
  milestones: [
    milestone('design', '2026-02-27', { done: '2026-02-25', title: 'Mapping design approved' }),
    milestone('trial', '2026-04-03', { dependsOn: ['design'], title: 'Trial migration reconciled' }),
    milestone('build', '2026-05-29', { dependsOn: ['design'], title: 'Interfaces built' }),
    milestone('go-live', '2026-05-29', { dependsOn: ['build', 'trial'], workstream: 'cutover', title: 'Go live' }),
  ],
};

describe('ganttSource', () => {
  const source = ganttSource(input);

  it('draws a bar per milestone from its dependencies to its due date, in its workstream', () => {
    expect(source).toContain('  section Data migration\n    Mapping design approved :done, m-design, 2026-01-05, 2026-02-27');
    expect(source).toContain('    Interfaces built :active, m-build, 2026-02-27, 2026-05-29');
    // A milestone whose dependencies are due the same day is a point, not a bar.
    expect(source).toContain('  section Cutover\n    Go live :milestone, m-go-live, 2026-05-29, 0d');
  });

  it('marks a milestone past its due date and not done as critical, judged against the configured today', () => {
    expect(source).toContain('    Trial migration reconciled :crit, m-trial, 2026-02-27, 2026-04-03');
    expect(ganttSource({ ...input, today: '2026-03-01' })).toContain('Trial migration reconciled :active, m-trial');
  });

  it('turns off Mermaid’s clock-based marker and draws today as a marker instead', () => {
    expect(source).toContain('  todayMarker off');
    expect(source).toContain('    Today (2026-04-10) :vert, today, 2026-04-10, 0d');
    expect(ganttSource({ ...input, today: '2027-01-01' })).not.toContain(':vert');
  });

  it('spaces the axis labels to the plan’s span', () => {
    expect(source).toContain('  tickInterval 1month');
    expect(ganttSource({ ...input, milestones: [...input.milestones, milestone('late', '2027-09-30')] })).toContain('  tickInterval 2month');
  });

  it('shortens labels that would overlap, at a word boundary', () => {
    const long = ganttSource({ ...input, milestones: [milestone('a', '2026-02-01', { title: 'Wave 1 customer and adviser notices issued, at least 30 days before cutover' })] });
    expect(long).toContain('    Wave 1 customer and adviser notices issued, at least… :crit, m-a');
  });

  it('describes the chart for assistive technology', () => {
    expect(source).toMatch(/^gantt\n  accTitle: Schedule of CRM merge\n  accDescr: 4 milestones in 2 workstreams from 2026-01-05 to 2026-05-29, 1 done; today is 2026-04-10\.\n/);
  });

  it('keeps text that Mermaid would read as syntax out of the source', () => {
    const tricky = ganttSource({
      ...input,
      workstreams: [{ id: 'data', title: 'Data: phase #2; final' }],
      milestones: [milestone('a', '2026-02-01', { title: 'Load %% tables: wave 1; then #3\nreconcile' })],
    });
    expect(tricky).toContain('  section Data - phase No. 2, final');
    expect(tricky).toContain('    Load % tables - wave 1, then No. 3 reconcile :crit, m-a, 2026-01-05, 2026-02-01');
  });

  it('puts a milestone of an unknown workstream in a section of its own', () => {
    const source = ganttSource({ ...input, milestones: [milestone('x', '2026-03-01', { workstream: 'mystery' })] });
    expect(source).toContain('  section mystery\n    Milestone x');
    expect(source).not.toContain('section Data migration');
  });

  it('generates a chart Mermaid parses', { timeout: 60_000 }, async () => {
    await expect(parseDiagram(source)).resolves.toEqual({ ok: true, type: 'gantt' });
  });
});

describe('milestone scheduling', () => {
  it('starts a milestone when its latest dependency is due, else at the project start', () => {
    const starts = milestoneStarts(input.milestones, input.start);
    expect(Object.fromEntries(starts)).toEqual({ design: '2026-01-05', trial: '2026-02-27', build: '2026-02-27', 'go-live': '2026-05-29' });
  });

  it('says where a milestone stands', () => {
    expect(milestoneState({ due: '2026-01-01', done: '2026-01-02' }, '2026-06-01')).toBe('done');
    expect(milestoneState({ due: '2026-05-31' }, '2026-06-01')).toBe('overdue');
    expect(milestoneState({ due: '2026-06-30' }, '2026-06-01', '2026-05-01')).toBe('in-progress');
    expect(milestoneState({ due: '2026-06-30' }, '2026-06-01', '2026-06-15')).toBe('planned');
  });
});
