// Draws the page's Mermaid diagrams in the browser. Mermaid is bundled with the site (never a CDN) and
// imported only when the page has a diagram, so pages without one never load it. Each diagram is drawn
// in the reader's theme and redrawn when they switch Starlight's theme; a light copy is kept for
// printing. A diagram Mermaid cannot draw shows its source and Mermaid's message, never an empty box.
// Drawing stays strict whatever a diagram says (src/model/mermaid-safety.ts decides what that means):
// Mermaid runs with the strict settings no directive can loosen, and a diagram the `mermaid` rule would
// report is not drawn at all; the reader sees its source as text and why. That definition (with its YAML
// parser) is loaded with Mermaid, so this script stays tiny on pages without a diagram.
//
// A drawn diagram fits its column, so the reader sees all of it at a glance (a gantt chart keeps the
// width it was laid out for and scrolls); its "Full screen" button opens the viewer
// (diagram-viewer.ts, loaded on first use) to read it at a legible scale, zoom, pan, read its source
// and download it.

import { SITE_BASE, withoutBase } from '../../model/site-address.ts';

type Theme = 'light' | 'dark';
type Mermaid = (typeof import('mermaid'))['default'];
type Safety = typeof import('../../model/mermaid-safety.ts');

interface Diagram {
  source: string;
  /** Its place among the page's diagrams, from 1: names the download. */
  index: number;
  /** Where the diagram is drawn (it replaces the `<pre class="mermaid">` holding the source). */
  host: HTMLElement;
  /** Drawn SVG per theme, so switching back, and printing, need no redraw. */
  svg: Partial<Record<Theme, string>>;
  /** The id Mermaid drew each theme's SVG under. */
  ids: Partial<Record<Theme, string>>;
  failed?: boolean;
}

const currentTheme = (): Theme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

/** Finds the page's diagrams and, if there are any, loads Mermaid and draws them. */
export function startDiagrams(): void {
  const blocks = [...document.querySelectorAll<HTMLPreElement>('pre.mermaid')];
  if (blocks.length === 0) return;
  const diagrams = blocks.map((pre, at): Diagram => {
    const host = document.createElement('div');
    host.className = 'seam-mermaid';
    host.dataset.state = 'loading';
    const source = pre.textContent ?? '';
    // Until Mermaid has drawn it, the reader sees the source, as without JavaScript.
    host.append(pre.cloneNode(true));
    pre.replaceWith(host);
    return { source, index: at + 1, host, svg: {}, ids: {} };
  });
  void Promise.all([import('mermaid'), import('../../model/mermaid-safety.ts')]).then(
    ([{ default: mermaid }, safety]) => drawAll(mermaid, safety, diagrams),
    (error: unknown) => diagrams.forEach((d) => showFailure(d, `Mermaid could not be loaded: ${messageOf(error)}`)),
  );
}

function drawAll(mermaid: Mermaid, safety: Safety, diagrams: Diagram[]): void {
  for (const diagram of diagrams) refuseIfUnsafe(mermaid, safety, diagram);
  let queue = Promise.resolve();
  // Mermaid keeps one configuration; draws are serialised so each uses the theme it asked for.
  const draw = (theme: Theme, show: boolean) => {
    queue = queue.then(() => drawTheme(mermaid, safety, diagrams, theme, show));
    return queue;
  };
  void draw(currentTheme(), true).then(() => {
    // A light copy for printing when the reader reads in the dark.
    if (currentTheme() === 'dark') void draw('light', false);
  });
  new MutationObserver(() => {
    const theme = currentTheme();
    if (diagrams.every((d) => d.failed || d.svg[theme])) diagrams.forEach((d) => show(d, theme));
    else void draw(theme, true);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  addEventListener('beforeprint', () => diagrams.forEach((d) => d.svg.light && show(d, 'light')));
  addEventListener('afterprint', () => diagrams.forEach((d) => show(d, currentTheme())));
}

let drawn = 0;

const GANTT_MIN_WIDTH = 1000;

async function drawTheme(mermaid: Mermaid, { STRICT_RENDER_CONFIG }: Safety, diagrams: Diagram[], theme: Theme, display: boolean): Promise<void> {
  const fontFamily = getComputedStyle(document.body).fontFamily;
  for (const diagram of diagrams) {
    if (diagram.failed || diagram.svg[theme]) {
      if (display && currentTheme() === theme) show(diagram, theme);
      continue;
    }
    const id = `seam-diagram-${++drawn}`;
    mermaid.initialize({
      ...STRICT_RENDER_CONFIG,
      theme: theme === 'dark' ? 'dark' : 'default',
      // Mermaid's dark edge labels (#ccc on #585858) fall short of WCAG AA contrast.
      ...(theme === 'dark' ? { themeVariables: { edgeLabelBackground: '#2b2d33' } } : {}),
      fontFamily,
      // Gantt charts are as wide as Mermaid's scratch element unless told a width: the column's, but
      // never so narrow that a year of milestones crowds together (the box then scrolls).
      gantt: { useWidth: Math.max(GANTT_MIN_WIDTH, diagram.host.clientWidth - 24), leftPadding: 180, fontSize: 12, sectionFontSize: 12 },
    });
    try {
      const { svg } = await mermaid.render(id, diagram.source);
      diagram.svg[theme] = svg;
      diagram.ids[theme] = id;
      // The reader may have switched theme while this one was drawing.
      if (display && currentTheme() === theme) show(diagram, theme);
    } catch (error) {
      // Mermaid leaves its scratch element behind when a diagram fails.
      document.getElementById(`d${id}`)?.remove();
      document.getElementById(id)?.remove();
      showFailure(diagram, messageOf(error));
    }
  }
}

/** A gantt chart is drawn at the width it was laid out for (never narrower than GANTT_MIN_WIDTH). */
const isGantt = (drawing: SVGSVGElement) => drawing.getAttribute('aria-roledescription') === 'gantt';

function show(diagram: Diagram, theme: Theme): void {
  const svg = diagram.svg[theme];
  if (diagram.failed || !svg) return;
  const { host } = diagram;
  const frame = document.createElement('div');
  frame.className = 'seam-mermaid__drawing';
  frame.innerHTML = svg;
  host.replaceChildren(frame);
  host.dataset.state = 'rendered';
  host.dataset.theme = theme;
  const drawing = frame.querySelector('svg');
  if (!drawing) return;
  const open = document.createElement('button');
  open.type = 'button';
  open.className = 'seam-mermaid__open';
  open.textContent = 'Full screen';
  open.setAttribute('aria-haspopup', 'dialog');
  open.setAttribute('aria-label', `Open the ${describe(drawing)} full screen, to zoom, pan, read its source or download it`);
  open.addEventListener('click', () => void openFull(diagram, theme, open));
  const actions = document.createElement('div');
  actions.className = 'seam-mermaid__actions';
  actions.append(open);
  host.append(actions);
  viewer?.refreshViewer(viewed(diagram, theme, drawing), open);
  // Anything but a gantt chart scales down to the column (Mermaid's SVG is `width: 100%` up to its
  // natural width), so the whole diagram shows; full screen is where it is read at a legible size.
  if (!isGantt(drawing)) {
    drawing.removeAttribute('height');
    return;
  }
  const natural = Number.parseFloat(drawing.style.maxWidth) || drawing.viewBox.baseVal?.width || 0;
  if (!natural || natural <= frame.clientWidth) return;
  // A year of milestones crowds together when squeezed: the chart keeps its width and the box scrolls.
  drawing.style.maxWidth = 'none';
  drawing.style.width = `${Math.round(natural)}px`;
  frame.dataset.overflow = 'scroll';
  frame.tabIndex = 0;
  frame.setAttribute('role', 'region');
  frame.setAttribute('aria-label', `${drawing.getAttribute('aria-roledescription') ?? 'Diagram'}, scroll to see all of it`);
}

const describe = (drawing: SVGSVGElement) => (isGantt(drawing) ? 'gantt chart' : 'diagram');

function viewed(diagram: Diagram, theme: Theme, drawing: SVGSVGElement) {
  // Named after the page's site path, so a download is named the same on every host.
  const page = (withoutBase(SITE_BASE, location.pathname) ?? location.pathname).split('/').filter(Boolean).join('-') || 'home';
  return {
    source: diagram.source,
    svg: diagram.svg[theme] ?? '',
    id: diagram.ids[theme] ?? '',
    kind: drawing.getAttribute('aria-roledescription') ?? 'diagram',
    name: `${page}-diagram-${diagram.index}`,
  };
}

/** The viewer, once a reader has opened it. */
let viewer: typeof import('./diagram-viewer.ts') | undefined;

async function openFull(diagram: Diagram, theme: Theme, opener: HTMLElement): Promise<void> {
  viewer ??= await import('./diagram-viewer.ts');
  const drawing = diagram.host.querySelector('svg');
  if (drawing) viewer.openViewer(viewed(diagram, theme, drawing), opener);
}

/** Marks a diagram that asks for anything the handbook refuses as not drawn, saying what and where. */
function refuseIfUnsafe(mermaid: Mermaid, { unsafeParts }: Safety, diagram: Diagram): void {
  let type: string | undefined;
  try {
    type = mermaid.detectType(diagram.source);
  } catch {
    type = undefined; // Mermaid's own error is shown when it tries to draw it.
  }
  const parts = unsafeParts(diagram.source, type);
  if (parts.length === 0) return;
  const reasons = parts.map((p) => `Line ${p.line}, column ${p.column}: ${p.message}`).join('\n');
  showFailure(diagram, reasons, { lead: 'This diagram was not drawn.', reported: ' The site draws diagrams strictly, and this one asks for more:' });
}

function showFailure(diagram: Diagram, message: string, { lead: leadText = 'This diagram could not be drawn.', reported = ' Mermaid reported:' } = {}): void {
  diagram.failed = true;
  const { host } = diagram;
  host.dataset.state = 'failed';
  host.replaceChildren();
  const box = document.createElement('div');
  box.className = 'seam-diagram-error';
  box.setAttribute('role', 'note');
  const lead = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = leadText;
  lead.append(strong, reported);
  const reason = document.createElement('pre');
  reason.className = 'seam-diagram-error__message';
  reason.textContent = message;
  const sourceLead = document.createElement('p');
  sourceLead.textContent = 'The diagram as written:';
  const source = document.createElement('pre');
  source.className = 'seam-diagram-error__source';
  const code = document.createElement('code');
  code.textContent = diagram.source;
  source.append(code);
  box.append(lead, reason, sourceLead, source);
  host.append(box);
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'object' && error && 'str' in error ? String((error as { str: unknown }).str) : String(error);
  return text.trim() || 'Mermaid gave no reason.';
}
