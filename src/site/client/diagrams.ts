// Draws the page's Mermaid diagrams in the browser. Mermaid is bundled with the site (never a CDN) and
// imported only when the page has a diagram, so pages without one never load it. Each diagram is drawn
// in the reader's theme and redrawn when they switch Starlight's theme; a light copy is kept for
// printing. A diagram Mermaid cannot draw shows its source and Mermaid's message, never an empty box.
// Drawing stays strict whatever a diagram says (src/model/mermaid-safety.ts decides what that means):
// Mermaid runs with the strict settings no directive can loosen, and a diagram the `mermaid` rule would
// report is not drawn at all; the reader sees its source as text and why. That definition (with its YAML
// parser) is loaded with Mermaid, so this script stays tiny on pages without a diagram.

type Theme = 'light' | 'dark';
type Mermaid = (typeof import('mermaid'))['default'];
type Safety = typeof import('../../model/mermaid-safety.ts');

interface Diagram {
  source: string;
  /** Where the diagram is drawn (it replaces the `<pre class="mermaid">` holding the source). */
  host: HTMLElement;
  /** Drawn SVG per theme, so switching back, and printing, need no redraw. */
  svg: Partial<Record<Theme, string>>;
  failed?: boolean;
}

const currentTheme = (): Theme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

/** Finds the page's diagrams and, if there are any, loads Mermaid and draws them. */
export function startDiagrams(): void {
  const blocks = [...document.querySelectorAll<HTMLPreElement>('pre.mermaid')];
  if (blocks.length === 0) return;
  const diagrams = blocks.map((pre): Diagram => {
    const host = document.createElement('div');
    host.className = 'seam-mermaid';
    host.dataset.state = 'loading';
    const source = pre.textContent ?? '';
    // Until Mermaid has drawn it, the reader sees the source, as without JavaScript.
    host.append(pre.cloneNode(true));
    pre.replaceWith(host);
    return { source, host, svg: {} };
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

/** Below this share of its natural size a diagram's text is too small to read: the box scrolls instead. */
const MIN_SCALE = 0.75;

function show(diagram: Diagram, theme: Theme): void {
  const svg = diagram.svg[theme];
  if (diagram.failed || !svg) return;
  const { host } = diagram;
  host.innerHTML = svg;
  host.dataset.state = 'rendered';
  host.dataset.theme = theme;
  const drawing = host.querySelector('svg');
  const natural = drawing ? Number.parseFloat(drawing.style.maxWidth) || drawing.viewBox.baseVal?.width || 0 : 0;
  // A gantt chart is drawn at the width it was laid out for; anything else may shrink a little.
  const scale = drawing?.getAttribute('aria-roledescription') === 'gantt' ? 1 : MIN_SCALE;
  if (!drawing || !natural || natural * scale <= host.clientWidth) return;
  // Too wide to shrink into the column and stay legible: keep it readable and let the box scroll.
  drawing.style.maxWidth = 'none';
  drawing.style.width = `${Math.round(natural * scale)}px`;
  host.dataset.overflow = 'scroll';
  host.tabIndex = 0;
  host.setAttribute('role', 'region');
  host.setAttribute('aria-label', `${drawing.getAttribute('aria-roledescription') ?? 'Diagram'}, scroll to see all of it`);
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
