// A record graph as plain data, records named by type and file, so that two graphs compare deeply
// (a record's source carries functions, which never compare equal across two reads).
import type { ContentRecord, Project, RecordGraph } from '../../src/model/graph.ts';

/** Everything a graph holds, with records named by type and file, so that two graphs compare deeply. */
export function graphShape(graph: RecordGraph) {
  const name = (r: ContentRecord | undefined) => r && `${r.type}:${r.file}`;
  const names = (list: ContentRecord[]) => list.map(name);
  const byId = (map: ReadonlyMap<string, ContentRecord>) => [...map].map(([id, r]) => [id, name(r)]);
  const project = (p: Project) => ({
    id: p.id, charter: name(p.charter), stakeholders: name(p.stakeholders), plan: name(p.plan), signoff: name(p.signoff), lessons: name(p.lessons),
    status: names(p.status), evaluations: names(p.evaluations), changes: names(p.changes), engagement: names(p.engagement), records: names(p.records),
  });
  return {
    root: graph.root,
    files: graph.files,
    problems: graph.problems,
    records: graph.records.map((r) => ({ type: r.type, id: r.id, project: r.project, file: r.file, path: r.path, data: r.data, classification: r.classification, title: r.title, text: r.source.text, sourceProblems: r.source.problems })),
    byType: [...graph.byType].map(([type, list]) => [type, names(list)]),
    byFile: [...graph.byFile].map(([file, r]) => [file, name(r)]),
    standards: names(graph.standards),
    criteria: [...graph.criteria],
    coverageMaps: graph.coverageMaps.map((m) => ({ file: m.file, data: m.data, text: m.source.text })),
    organisations: byId(graph.organisations), systems: byId(graph.systems), providers: byId(graph.providers), policies: byId(graph.policies), docs: byId(graph.docs),
    projects: [...graph.projects].map(([id, p]) => [id, project(p)]),
  };
}
