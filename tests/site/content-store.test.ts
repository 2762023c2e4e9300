// The content store the prerendered pages read (src/site/integrations/content-store.ts): bundled by
// Rolldown as `npm run build` bundles it, the pages' bundle no longer carries the store as a string
// literal, yet loads exactly the data Astro would have inlined; and the format it replaces is still the
// one the installed Astro writes (were Astro to change it, the integration would silently do nothing).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { contentStoreFromFile, STORE_FOLDER_PREFIX } from '../../src/site/integrations/content-store.ts';

// Rolldown, the bundler `astro build` runs (through Vite): installed with Astro, not a dependency of Seam's own.
const BUNDLER = 'rolldown';
type Plugin = { name: string; resolveId?: (id: string) => string | undefined; load?: (id: string) => string | undefined };
type Rolldown = (options: object) => Promise<{ generate(o: object): Promise<{ output: [{ code: string }] }>; close(): Promise<void> }>;

const STORE = 'astro:data-layer-content';
const RESOLVED = `\0${STORE}`;
const TMP = tmpdir();
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The Vite plugins the integration adds to a build (or to `command`). */
function pluginsOf(integration: AstroIntegration, command: 'build' | 'dev' = 'build'): Plugin[] {
  const plugins: Plugin[] = [];
  const setup = integration.hooks['astro:config:setup'] as unknown as (options: object) => void;
  setup({ command, updateConfig: (c: { vite?: { plugins?: Plugin[] } }) => plugins.push(...(c.vite?.plugins ?? [])) });
  return plugins;
}

/** Bundles a page that imports the store, as Astro writes the store's module, and runs it: its code and what it read. */
async function bundlePage(json: string, plugins: Plugin[]): Promise<{ code: string; store: unknown }> {
  const astroStore: Plugin = {
    name: 'astro-store',
    resolveId: (id) => (id === STORE ? RESOLVED : id === 'page' ? id : undefined),
    // The installed Astro's own code for a one-file store (checked against its source below).
    load: (id) => (id === RESOLVED ? `export default JSON.parse(${JSON.stringify(json)})` : id === 'page' ? `import store from '${STORE}';\nexport default store;` : undefined),
  };
  const { rolldown } = (await import(BUNDLER)) as { rolldown: Rolldown };
  const bundle = await rolldown({ input: 'page', external: [/^node:/], plugins: [astroStore, ...plugins] });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  const code = output[0].code;
  const folder = mkdtempSync(join(TMP, 'seam-store-test-'));
  folders.push(folder);
  const file = join(folder, 'page.mjs');
  writeFileSync(file, code);
  const store = ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
  return { code, store };
}

// A store as Astro serialises it (devalue), with text a literal would escape.
const json = JSON.stringify([['Map', 1], ['status', { id: 'p-1/status/2026-01-31', rendered: { html: '<p>“Quoted” \\ and\nlines</p>' } }]]);

describe('the content store of a site build', () => {
  it('is read from a file when the pages load, not carried in their bundle, and is the same data', async () => {
    const integration = contentStoreFromFile();
    const inlined = await bundlePage(json, []);
    const fromFile = await bundlePage(json, pluginsOf(integration));
    expect(inlined.code).toContain('p-1/status/2026-01-31');
    expect(fromFile.code).not.toContain('p-1/status/2026-01-31');
    expect(fromFile.store).toEqual(JSON.parse(json));
    expect(fromFile.store).toEqual(inlined.store);
    // The file goes when the build is done.
    const [file] = [...fromFile.code.matchAll(/readFileSync\("([^"]+)"/g)].map((m) => m[1]!);
    expect(file && existsSync(file)).toBe(true);
    (integration.hooks['astro:build:done'] as unknown as () => void)();
    expect(existsSync(file!)).toBe(false);
  });

  it('stays inlined when no temporary folder can be written', async () => {
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = join(TMP, 'seam-store-test-missing', 'nowhere');
    try {
      const { code, store } = await bundlePage(json, pluginsOf(contentStoreFromFile()));
      expect(code).toContain('p-1/status/2026-01-31');
      expect(store).toEqual(JSON.parse(json));
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
  });

  it('names its folder after the build, so the next build removes one a killed build left', async () => {
    const parent = mkdtempSync(join(TMP, 'seam-store-test-parent-'));
    folders.push(parent);
    // A process that has ended, as a build killed by a signal has (no exit handler ran to clean up).
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    mkdirSync(join(parent, `${STORE_FOLDER_PREFIX}${gone}-abc123`));
    mkdirSync(join(parent, `${STORE_FOLDER_PREFIX}${process.pid}-def456`)); // a build still running
    mkdirSync(join(parent, 'seam-something-else-1-x'));
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = parent;
    try {
      const { code } = await bundlePage(json, pluginsOf(contentStoreFromFile()));
      const [file] = [...code.matchAll(/readFileSync\("([^"]+)"/g)].map((m) => m[1]!);
      expect(file!.startsWith(join(parent, `${STORE_FOLDER_PREFIX}${process.pid}-`))).toBe(true);
      expect(readdirSync(parent).filter((name) => !file!.includes(name)).sort()).toEqual([`${STORE_FOLDER_PREFIX}${process.pid}-def456`, 'seam-something-else-1-x']);
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
  });

  it('is left to Astro outside a build (`astro dev` reloads it as content changes)', () => {
    expect(pluginsOf(contentStoreFromFile(), 'dev')).toEqual([]);
  });

  it('replaces the module the installed Astro writes for a one-file store', () => {
    const astroPlugin = readFileSync(new URL('../../node_modules/astro/dist/content/vite-plugin-content-virtual-mod.js', import.meta.url), 'utf8');
    expect(astroPlugin).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
  });
});
