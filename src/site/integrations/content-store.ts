// Astro bundles the content store (every collection entry: its data and rendered HTML) into the pages it
// prerenders as one module, `export default JSON.parse("…")`, whose text is the whole store as a string
// literal. A build then holds that store three times for as long as it renders pages: the module's
// source (V8 keeps it), the literal (an internalised string the module's code refers to) and the parsed
// entries; and Rolldown parses and bundles the literal first (about a minute and a few hundred MiB at
// 1,000 projects). This integration makes the module read the same JSON from a file when it is loaded,
// so only the parsed entries stay. The file is the store's JSON exactly as Astro inlined it, written
// when the module is bundled to a private folder of this build (not Astro's cache file, which another
// build of the same repository could rewrite meanwhile), and removed when the build ends; the folder
// is named after the build's process, so one left by a build that was killed (no exit handler runs on
// a signal) is removed by the next build. Where no temporary folder can be written, the store stays
// inlined as before.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { removeStale } from './stale-folders.ts';

/** The start of the store's folder's name in the temporary folder; the build's process id follows. */
export const STORE_FOLDER_PREFIX = 'seam-content-store-';

/** Astro's resolved id of the content store module (`astro:data-layer-content`). */
const STORE_MODULE = '\0astro:data-layer-content';
/** How Astro writes the module when the store is one file (`experimental.collectionStorage` unset). */
const INLINED = 'export default JSON.parse(';

/** The module's code reading the store from a file, or undefined when the code is not Astro's inlined store. */
function storeFromFile(code: string, write: (json: string) => string): string | undefined {
  if (!code.startsWith(INLINED) || !code.endsWith(')')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(code.slice(INLINED.length, -1));
  } catch {
    return undefined;
  }
  if (typeof json !== 'string') return undefined;
  const file = write(json);
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

export function contentStoreFromFile(): AstroIntegration {
  let folder: string | undefined;
  let written = 0;
  const removeFolder = () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  };
  const write = (json: string) => {
    if (!folder) {
      folder = mkdtempSync(join(tmpdir(), `${STORE_FOLDER_PREFIX}${process.pid}-`));
      process.once('exit', removeFolder);
    }
    const file = join(folder, `store-${written++}.json`);
    writeFileSync(file, json);
    return file;
  };
  return {
    name: 'seam:content-store-from-file',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        try {
          removeStale(tmpdir(), STORE_FOLDER_PREFIX);
        } catch {
          // Another user's folder, or none readable: nothing of this build's to remove.
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'seam:content-store-from-file',
                enforce: 'post',
                transform(code, id) {
                  if (id !== STORE_MODULE) return undefined;
                  let replaced: string | undefined;
                  try {
                    replaced = storeFromFile(code, write);
                  } catch {
                    // No writable temporary folder: the store stays inlined, as Astro wrote it.
                    return undefined;
                  }
                  return replaced === undefined ? undefined : { code: replaced, map: null };
                },
              },
            ],
          },
        });
      },
      'astro:build:done': removeFolder,
    },
  };
}
