// Code on the site is coloured from its text alone: Expressive Code, with the options ec.config.mjs gives
// it (the file Expressive Code itself loads, for Starlight's `<Code>` on the rule pages and for
// Markdown), colours a code block the same however slowly the machine tokenizes it, and shows a line of
// MAX_HIGHLIGHTED_LINE characters or more uncoloured, so no line can make the build run without bound.
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRenderer } from '@astrojs/starlight/expressive-code';
import ecConfig from '../../ec.config.mjs';
import { MAX_HIGHLIGHTED_LINE } from '../../src/site/integrations/code-highlighting.ts';

afterEach(() => vi.restoreAllMocks());

/** Renders one code block as the site's Expressive Code does (or, with `{}`, as Expressive Code does by default). */
async function render(code: string, language: string, options = ecConfig as Parameters<typeof createRenderer>[0]): Promise<string> {
  const { ec } = await createRenderer(options);
  const { renderedGroupAst } = await ec.render({ code, language });
  return unified().use(rehypeStringify).stringify({ type: 'root', children: [renderedGroupAst] });
}

/** Each line's coloured pieces (the text of each `<span style>`) in rendered HTML. */
const pieces = (html: string) => [...html.matchAll(/<div class="ec-line">(.*?)<\/div><\/div>/g)].map(([, line]) => [...line!.matchAll(/<span style="[^"]*">([^<]*)<\/span>/g)].map((m) => m[1]));

/** Runs `work` on a clock on which every reading is a second after the last: a machine so loaded that each step of tokenizing takes a second. */
async function onASlowMachine<T>(work: () => Promise<T>): Promise<T> {
  let now = Date.now();
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
  try {
    return await work();
  } finally {
    vi.restoreAllMocks();
  }
}

const example = '---\ntitle: Alpha charter\nsponsor: cara\n---\n\n## Scope\n\nThe **data migration** of [the CRM](../systems/crm.mdx), `phase: build`.\n';

describe('code highlighting', () => {
  it('colours a code block the same on a loaded machine as on a quiet one', async () => {
    const quiet = await render(example, 'mdx');
    expect(pieces(quiet)[1]!.length).toBeGreaterThan(1);
    expect(await onASlowMachine(() => render(example, 'mdx'))).toBe(quiet);
  });

  it('would not without the site’s options: Shiki’s default time limit stops tokenizing a slow line', async () => {
    const quiet = await render(example, 'mdx', {});
    expect(await onASlowMachine(() => render(example, 'mdx', {}))).not.toBe(quiet);
  });

  it('shows a line of MAX_HIGHLIGHTED_LINE characters or more uncoloured, and colours the lines around it', async () => {
    const long = `description: ${'a "quoted" value, '.repeat(60)}`.slice(0, MAX_HIGHLIGHTED_LINE);
    const short = long.slice(0, MAX_HIGHLIGHTED_LINE - 1);
    const lines = pieces(await render(`title: Alpha\n${long}\n${short}\n`, 'yaml'));
    expect(lines[0]!.length).toBeGreaterThan(1);
    expect(lines[1]).toEqual([long]);
    expect(lines[2]!.length).toBeGreaterThan(1);
    // Expressive Code on its own colours the long line too.
    expect(pieces(await render(long, 'yaml', {}))[0]!.length).toBeGreaterThan(1);
  });
});
