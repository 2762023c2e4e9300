// Every Mermaid block in the content, parsed once per run with the real Mermaid parser and kept with
// its place in the file: the shared input of the `mermaid` and `architecture` rules.
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import type { RecordGraph } from '../model/graph.ts';
import { extractArchitecture, mapToFile, parseDiagram } from '../model/mermaid.ts';
import type { Architecture, DiagramParse } from '../model/mermaid.ts';
import type { Position } from '../model/problem.ts';
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
const byGraph = new WeakMap<RecordGraph, Map<string, Diagram[]>>();

/** Parses the diagrams of every file in the graph (once per graph). */
export async function prepareDiagrams(graph: RecordGraph): Promise<void> {
  if (byGraph.has(graph)) return;
  const diagrams = new Map<string, Diagram[]>();
  byGraph.set(graph, diagrams);
  for (const record of graph.records) {
    const parsed = parseSourceBody(record.source);
    if (!parsed.ok) continue;
    const blocks: Code[] = [];
    visit(parsed.tree, 'code', (node: Code) => {
      if (node.lang?.toLowerCase() === 'mermaid' && node.position) blocks.push(node);
    });
    const list: Diagram[] = [];
    for (const node of blocks) {
      const parse = await parseDiagram(node.value);
      const start = node.position!.start;
      const diagram: Diagram = { node, parse, toFile: (p) => mapToFile(p, start.line, start.column) };
      if (parse.ok && ARCHITECTURE_TYPES.has(parse.type)) diagram.architecture = await extractArchitecture(node.value, parse.type);
      list.push(diagram);
    }
    if (list.length) diagrams.set(record.file, list);
  }
}

/** The diagrams of one content file (after `prepareDiagrams`). */
export function diagramsOf(graph: RecordGraph, file: string): Diagram[] {
  return byGraph.get(graph)?.get(file) ?? [];
}
