// The systems landscape as Mermaid flowcharts generated from the systems catalogue: every system,
// grouped by the organisation that owns it, joined by its interfaces; and one system's neighbourhood.
// Interfaces are declared from either end, so a pair declared twice is drawn once.
import type { System } from '../../model/schemas.ts';
import { escapeRegExp } from '../../model/text.ts';
import { plainText, quotedLabel } from './mermaid-text.ts';

export interface CatalogueSystem {
  id: string;
  data: Pick<System, 'title' | 'owner' | 'lifecycle' | 'interfaces' | 'kind'>;
}

export interface Interface {
  /** The system at the other end. */
  system: string;
  protocol?: string;
  description?: string;
  /** `declared`: this system lists it; `received`: the other system lists this one. */
  side: 'declared' | 'received';
}

export interface Connection {
  a: string;
  b: string;
  protocol?: string;
}

/** A system's interfaces as written (an id, or `{system, protocol, description}`), normalised. */
function declaredInterfaces(system: CatalogueSystem): Omit<Interface, 'side'>[] {
  return system.data.interfaces.map((i) => (typeof i === 'string' ? { system: i } : i));
}

/** Every interface of `id`: those it declares and those other systems declare with it. */
export function interfacesOf(id: string, systems: CatalogueSystem[]): Interface[] {
  const own = systems.find((s) => s.id === id);
  const out: Interface[] = own ? declaredInterfaces(own).map((i) => ({ ...i, side: 'declared' as const })) : [];
  for (const other of systems) {
    if (other.id === id) continue;
    for (const i of declaredInterfaces(other)) {
      if (i.system === id) out.push({ system: other.id, protocol: i.protocol, description: i.description, side: 'received' });
    }
  }
  return out;
}

/** Each pair of systems that interface, once, in catalogue order; pairs with a system not in the catalogue are left out. */
export function connections(systems: CatalogueSystem[]): Connection[] {
  const known = new Set(systems.map((s) => s.id));
  const seen = new Map<string, Connection>();
  for (const s of systems) {
    for (const i of declaredInterfaces(s)) {
      if (!known.has(i.system) || i.system === s.id) continue;
      const key = [s.id, i.system].sort().join(' ');
      if (!seen.has(key)) seen.set(key, { a: s.id, b: i.system, protocol: i.protocol });
    }
  }
  return [...seen.values()];
}

const node = (id: string) => `sys-${id}`;

function nodeLine(s: CatalogueSystem, indent: string): string {
  const shape = s.data.kind === 'data-store' ? ['[(', ')]'] : ['[', ']'];
  return `${indent}${node(s.id)}${shape[0]}${quotedLabel(s.data.title)}${shape[1]}`;
}

/** Lifecycle classes: planned and retiring systems are dashed, retired ones dotted (no colours, so both themes read). */
const LIFECYCLE_CLASSES = [
  '  classDef planned stroke-dasharray: 6 4',
  '  classDef retiring stroke-dasharray: 6 4',
  '  classDef retired stroke-dasharray: 2 3',
];

function lifecycleLines(systems: CatalogueSystem[]): string[] {
  const lines: string[] = [];
  for (const lifecycle of ['planned', 'retiring', 'retired'] as const) {
    const ids = systems.filter((s) => s.data.lifecycle === lifecycle).map((s) => node(s.id));
    if (ids.length) lines.push(`  class ${ids.join(',')} ${lifecycle}`);
  }
  return lines.length ? [...LIFECYCLE_CLASSES, ...lines] : [];
}

/** The whole landscape: systems grouped by owner organisation, one line per interfacing pair. */
export function landscapeSource(systems: CatalogueSystem[], organisationTitle: (id: string) => string | undefined): string {
  const byOwner = new Map<string, CatalogueSystem[]>();
  for (const s of systems) byOwner.set(s.data.owner, [...(byOwner.get(s.data.owner) ?? []), s]);
  const pairs = connections(systems);
  const lines = [
    'flowchart TB',
    '  accTitle: Systems landscape',
    `  accDescr: ${systems.length} systems owned by ${byOwner.size} organisations, with ${pairs.length} interfaces between them.`,
  ];
  for (const [owner, owned] of byOwner) {
    lines.push(`  subgraph org-${owner} [${quotedLabel(organisationTitle(owner) ?? owner)}]`);
    for (const s of owned) lines.push(nodeLine(s, '    '));
    lines.push('  end');
  }
  for (const c of pairs) lines.push(`  ${node(c.a)} --- ${node(c.b)}`);
  lines.push(...lifecycleLines(systems));
  return lines.join('\n');
}

/** One system and the systems it interfaces with, each edge labelled with its protocol. */
export function neighbourhoodSource(id: string, systems: CatalogueSystem[]): string | undefined {
  const centre = systems.find((s) => s.id === id);
  if (!centre) return undefined;
  const known = new Map(systems.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const edges: string[] = [];
  const neighbours: CatalogueSystem[] = [];
  for (const i of interfacesOf(id, systems)) {
    const other = known.get(i.system);
    if (!other || seen.has(other.id) || other.id === id) continue;
    seen.add(other.id);
    neighbours.push(other);
    const label = i.protocol ? `|${quotedLabel(i.protocol)}|` : '';
    edges.push(`  ${node(id)} ---${label} ${node(other.id)}`);
  }
  if (!neighbours.length) return undefined;
  return [
    'flowchart LR',
    `  accTitle: ${plainText(centre.data.title)} and its interfaces`,
    `  accDescr: ${plainText(centre.data.title)} exchanges data with ${neighbours.length} other systems.`,
    nodeLine(centre, '  '),
    ...neighbours.map((s) => nodeLine(s, '  ')),
    ...edges,
    ...lifecycleLines([centre, ...neighbours]),
  ].join('\n');
}

/** The Mermaid blocks of a rendered body (`<pre class="mermaid">` with HTML-escaped source), as source text. */
export function mermaidBlocks(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<pre class="mermaid">([\s\S]*?)<\/pre>/g)) {
    out.push(m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&'));
  }
  return out;
}

/** Whether a diagram's source draws the system `id` (as a node id, the convention architecture diagrams follow). */
export function diagramDraws(source: string, id: string): boolean {
  return new RegExp(`(^|[^\\w-])${escapeRegExp(id)}(?![\\w-])`, 'm').test(source);
}

/**
 * The systems among `ids` that a rendered body's Mermaid diagrams draw. Each diagram's words are read
 * once and looked up, so a build finds every system's drawings in one pass over the bodies rather than
 * one pass per system (an id with characters outside words is searched for, as diagramDraws does).
 */
export function systemsDrawn(html: string, ids: readonly string[]): string[] {
  const sources = mermaidBlocks(html);
  if (!sources.length) return [];
  const words = new Set(sources.flatMap((source) => source.match(/[\w-]+/g) ?? []));
  return ids.filter((id) => (/^[\w-]+$/.test(id) ? words.has(id) : sources.some((source) => diagramDraws(source, id))));
}
