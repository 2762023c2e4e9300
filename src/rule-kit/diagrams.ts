// Every Mermaid block in the content, parsed once per run with the real Mermaid parser and kept with
// its place in the file: the shared input of the `mermaid` and `architecture` rules.
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import type { RecordGraph } from '../model/graph.ts';
import { analyseDiagram, mapToFile } from '../model/mermaid.ts';
import type { Architecture, DiagramParse } from '../model/mermaid.ts';
import type { Position } from '../model/problem.ts';
import type { SourceFile } from '../model/source.ts';
import { parseSourceBody } from './parse.ts';

export interface Diagram {
  /** The fenced code block. */
  node: Code;
  parse: DiagramParse;
  /** Nodes and edges for flowchart, C4 and architecture diagrams that parsed. */
  architecture?: Architecture;
  /** Maps a position inside the diagram to the file. */
  toFile(position: Position): Position;
}

const ARCHITECTURE_TYPES = new Set(['flowchart-v2', 'flowchart', 'flowchart-elk', 'c4', 'architecture']);
// Kept per loaded source, not per graph: an editor rebuilds the graph on every keystroke but reuses
// the sources of unchanged files, so only the edited file's diagrams are parsed again.
const bySource = new WeakMap<SourceFile, Diagram[]>();

async function diagramsIn(source: SourceFile): Promise<Diagram[]> {
  const cached = bySource.get(source);
  if (cached) return cached;
  const list: Diagram[] = [];
  const parsed = parseSourceBody(source);
  if (parsed.ok) {
    const blocks: Code[] = [];
    visit(parsed.tree, 'code', (node: Code) => {
      if (node.lang?.toLowerCase() === 'mermaid' && node.position) blocks.push(node);
    });
    for (const node of blocks) {
      const { parse, architecture } = await analyseDiagram(node.value);
      const start = node.position!.start;
      const diagram: Diagram = { node, parse, toFile: (p) => mapToFile(p, start.line, start.column) };
      if (parse.ok && ARCHITECTURE_TYPES.has(parse.type) && architecture) diagram.architecture = architecture;
      list.push(diagram);
    }
  }
  bySource.set(source, list);
  return list;
}

/**
 * Parses the diagrams of every record in the graph (each source once), or of those that checking
 * `files` reads: each file's own, and for a charter those of every record of its project (the
 * `architecture` rule looks for the project's systems in all of its diagrams).
 */
export async function prepareDiagrams(graph: RecordGraph, files?: readonly string[]): Promise<void> {
  for (const record of files ? recordsReadChecking(graph, files) : graph.records) await diagramsIn(record.source);
}

function recordsReadChecking(graph: RecordGraph, files: readonly string[]): RecordGraph['records'] {
  const read = new Set<RecordGraph['records'][number]>();
  for (const file of files) {
    const record = graph.byFile.get(file);
    if (!record) continue;
    read.add(record);
    const project = record.type === 'charter' && record.project ? graph.projects.get(record.project) : undefined;
    for (const other of project?.records ?? []) read.add(other);
  }
  return [...read];
}

/** The diagrams of one content file (after `prepareDiagrams`). */
export function diagramsOf(graph: RecordGraph, file: string): Diagram[] {
  const source = graph.byFile.get(file)?.source;
  return (source && bySource.get(source)) ?? [];
}
