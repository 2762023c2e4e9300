// The full-screen diagram viewer: a modal <dialog> showing one drawn diagram at a legible scale, with
// zoom and pan (@panzoom/panzoom: mouse wheel, drag, pinch; the buttons; the keys + − 0 and the arrows),
// the diagram's Mermaid source (collapsed) and a download of the SVG as Mermaid drew it. Loaded by
// diagrams.ts only when a reader first opens a diagram, so pages never pay for it otherwise.
//
// Escape closes the dialog (the browser's own <dialog> behaviour) and focus returns to the button that
// opened it. Nothing here parses or loosens the drawing: the SVG shown and downloaded is the string
// Mermaid returned under the strict settings; the copy in the dialog only has its ids renamed so they
// do not clash with the copy on the page.
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';

/** What the viewer needs of a drawn diagram. */
export interface ViewedDiagram {
  /** The Mermaid source, as written. */
  source: string;
  /** The SVG Mermaid drew, as it is shown on the page. */
  svg: string;
  /** The id Mermaid gave the drawing (every id inside it starts with this). */
  id: string;
  /** What the diagram is, for the dialog's title ("flowchart-v2", "gantt"…). */
  kind: string;
  /** The file name offered for the download, without `.svg`. */
  name: string;
}

/** Below this share of its natural size a diagram's text is too small to read (as on the page). */
const LEGIBLE_SCALE = 0.75;
const MAX_SCALE = 4;
/** How far one arrow key moves the drawing, in screen pixels. */
const PAN_STEP = 60;
/** Room left around the drawing in the stage, in pixels. */
const MARGIN = 16;

interface Viewer {
  dialog: HTMLDialogElement;
  title: HTMLElement;
  stage: HTMLElement;
  canvas: HTMLElement;
  source: HTMLElement;
  download: HTMLAnchorElement;
  panzoom?: PanzoomObject;
  opener?: HTMLElement;
  url?: string;
}

let viewer: Viewer | undefined;

function button(label: string, text: string, className: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = `seam-viewer__button ${className}`;
  element.textContent = text;
  if (label !== text) element.setAttribute('aria-label', label);
  element.title = label;
  element.addEventListener('click', onClick);
  return element;
}

function createViewer(): Viewer {
  const dialog = document.createElement('dialog');
  dialog.className = 'seam-viewer';
  dialog.setAttribute('aria-labelledby', 'seam-viewer-title');
  const bar = document.createElement('div');
  bar.className = 'seam-viewer__bar';
  const title = document.createElement('h2');
  title.id = 'seam-viewer-title';
  title.className = 'seam-viewer__title';
  const tools = document.createElement('div');
  tools.className = 'seam-viewer__tools';
  tools.setAttribute('role', 'group');
  tools.setAttribute('aria-label', 'Zoom');
  const download = document.createElement('a');
  download.className = 'seam-viewer__button seam-viewer__download';
  download.textContent = 'Download SVG';
  const stage = document.createElement('div');
  stage.className = 'seam-viewer__stage';
  stage.tabIndex = 0;
  stage.setAttribute('role', 'region');
  stage.setAttribute('aria-label', 'Diagram: + and − zoom, 0 resets the zoom, the arrow keys pan, Escape closes');
  const canvas = document.createElement('div');
  canvas.className = 'seam-viewer__canvas';
  stage.append(canvas);
  const details = document.createElement('details');
  details.className = 'seam-viewer__source';
  const summary = document.createElement('summary');
  summary.textContent = 'Mermaid source';
  const pre = document.createElement('pre');
  const source = document.createElement('code');
  pre.append(source);
  details.append(summary, pre);

  const created: Viewer = { dialog, title, stage, canvas, source, download };
  const zoom = (how: 'in' | 'out' | 'reset') => {
    const { panzoom } = created;
    if (!panzoom) return;
    if (how === 'in') panzoom.zoomIn();
    else if (how === 'out') panzoom.zoomOut();
    else panzoom.reset();
  };
  tools.append(
    button('Zoom out', '−', 'seam-viewer__zoom-out', () => zoom('out')),
    button('Zoom in', '+', 'seam-viewer__zoom-in', () => zoom('in')),
    button('Reset zoom', 'Reset', 'seam-viewer__reset', () => zoom('reset')),
  );
  const close = button('Close full screen view', 'Close', 'seam-viewer__close', () => dialog.close());
  bar.append(title, tools, download, close);
  dialog.append(bar, stage, details);

  stage.addEventListener('wheel', (event) => created.panzoom?.zoomWithWheel(event), { passive: false });
  dialog.addEventListener('keydown', (event) => {
    const { panzoom } = created;
    // Keys typed in the source panel (or with a modifier) are the browser's.
    if (!panzoom || event.ctrlKey || event.metaKey || event.altKey || details.contains(event.target as Node)) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
    if (event.key === '+' || event.key === '=') zoom('in');
    else if (event.key === '-' || event.key === '_') zoom('out');
    else if (event.key === '0') zoom('reset');
    else if (event.key in moves) {
      const [dx, dy] = moves[event.key]!;
      const scale = panzoom.getScale();
      panzoom.pan(dx / scale, dy / scale, { relative: true });
    } else return;
    event.preventDefault();
  });
  dialog.addEventListener('close', () => {
    created.panzoom?.destroy();
    created.panzoom = undefined;
    created.canvas.replaceChildren();
    if (created.url) URL.revokeObjectURL(created.url);
    created.url = undefined;
    document.documentElement.classList.remove('seam-viewer-open');
    created.opener?.focus();
  });
  document.body.append(dialog);
  return created;
}

/** The drawing's size as Mermaid laid it out, from its viewBox. */
function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: rect.width || 800, height: rect.height || 600 };
}

/**
 * The pan that puts a drawing of `size` at `scale` centred in a stage of `room` when it fits, and at
 * its start (top, left) when it does not. Panzoom applies `scale(s) translate(x, y)` around the
 * element's centre, so the translation is in unscaled pixels.
 */
function startPan(size: number, room: number, scale: number): number {
  const shown = size * scale;
  const left = shown + 2 * MARGIN <= room ? (room - shown) / 2 : MARGIN;
  return (left - (size * (1 - scale)) / 2) / scale;
}

/** Renames the drawing's ids (and every reference to them) so the copy does not clash with the page's. */
function renamed(svg: string, id: string): string {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return svg.replace(new RegExp(`(?<![\\w-])${escaped}(?!\\d)`, 'g'), `${id}-full`);
}

function place(current: Viewer, diagram: ViewedDiagram, keep: boolean): void {
  const previous = keep && current.panzoom ? { scale: current.panzoom.getScale(), ...current.panzoom.getPan() } : undefined;
  current.panzoom?.destroy();
  current.canvas.innerHTML = renamed(diagram.svg, diagram.id);
  const drawing = current.canvas.querySelector('svg');
  if (!drawing) return;
  const { width, height } = naturalSize(drawing);
  drawing.removeAttribute('width');
  drawing.style.maxWidth = 'none';
  drawing.style.width = `${width}px`;
  drawing.style.height = `${height}px`;
  current.canvas.style.width = `${width}px`;
  current.canvas.style.height = `${height}px`;
  const room = current.stage.getBoundingClientRect();
  const fit = Math.min((room.width - 2 * MARGIN) / width, (room.height - 2 * MARGIN) / height);
  // Whole when it fits at its natural size; otherwise never smaller than the legible floor (pan to see the rest).
  const start = Math.min(1, Math.max(LEGIBLE_SCALE, fit));
  const startX = startPan(width, room.width, start);
  const startY = startPan(height, room.height, start);
  current.panzoom = Panzoom(current.canvas, {
    startScale: start,
    startX,
    startY,
    // Zooming out as far as the whole drawing is an overview the reader asks for; it never opens there.
    minScale: Math.min(start, Math.max(fit, 0.05)),
    maxScale: MAX_SCALE,
    step: 0.25,
    cursor: 'grab',
  });
  if (previous) {
    current.panzoom.zoom(previous.scale, { animate: false });
    current.panzoom.pan(previous.x, previous.y, { animate: false });
  }
}

/** Opens the viewer on `diagram`; focus returns to `opener` when it closes. */
export function openViewer(diagram: ViewedDiagram, opener: HTMLElement): void {
  const current = (viewer ??= createViewer());
  current.opener = opener;
  current.title.textContent = titleOf(diagram.kind);
  current.source.textContent = diagram.source;
  setDownload(current, diagram);
  if (!current.dialog.open) current.dialog.showModal();
  document.documentElement.classList.add('seam-viewer-open');
  place(current, diagram, false);
  current.stage.focus();
}

/**
 * Shows `diagram` again if the viewer is open on it (the reader switched theme), keeping the zoom;
 * focus returns to `opener`, the page's new button, when the viewer closes.
 */
export function refreshViewer(diagram: ViewedDiagram, opener: HTMLElement): void {
  const current = viewer;
  if (!current?.dialog.open || current.dialog.dataset.diagram !== diagram.name) return;
  current.opener = opener;
  setDownload(current, diagram);
  place(current, diagram, true);
}

function setDownload(current: Viewer, diagram: ViewedDiagram): void {
  if (current.url) URL.revokeObjectURL(current.url);
  current.url = URL.createObjectURL(new Blob([diagram.svg], { type: 'image/svg+xml' }));
  current.download.href = current.url;
  current.download.download = `${diagram.name}.svg`;
  current.dialog.dataset.diagram = diagram.name;
}

function titleOf(kind: string): string {
  const name = kind.replace(/-v\d+$/, '').replace(/Diagram$/, ' diagram');
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}, full screen`;
}
