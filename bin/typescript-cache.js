// Seam's sources are TypeScript, which Node strips of its types each time it loads one; its stripper is
// a WebAssembly module that takes a quarter of a second to load, on every `seam` command. This keeps
// what stripping gave for each of Seam's sources, by the digest of the source and Node's version, under
// node_modules/.cache/seam-typescript/ (beside the lint cache's folder, not in it: CI keeps that folder
// between runs, and stripped code has no business there), and hands that to Node as JavaScript: a start whose sources are
// all kept never loads the stripper. Stripping only blanks the types out, so every line and column (of
// a stack trace, say) is the source's. A cache that cannot be read or written is passed over: the source
// is stripped as Node would strip it. Only Seam's own files are served (never node_modules).
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url).href;
const DEPENDENCIES = new URL('../node_modules/', import.meta.url).href;

/** Serves Seam's TypeScript sources from the cache folder `dir` (made when first written). */
export function cacheTypeScript(dir = fileURLToPath(new URL('../node_modules/.cache/seam-typescript/', import.meta.url))) {
  registerHooks({
    load(url, context, next) {
      if (!url.startsWith(ROOT) || url.startsWith(DEPENDENCIES) || !url.endsWith('.ts')) return next(url, context);
      const source = readFileSync(fileURLToPath(url), 'utf8');
      const file = `${dir}/${createHash('sha256').update(`${process.version}\0${source}`).digest('base64url')}.js`;
      let code = kept(file);
      if (code === undefined) {
        code = strip(source);
        // Written whole or not at all: a reader never sees half a module.
        const temporary = `${file}.${randomUUID()}.tmp`;
        try {
          mkdirSync(dir, { recursive: true });
          writeFileSync(temporary, code);
          renameSync(temporary, file);
        } catch {
          // A read-only install or a full disk: the next start strips again, as Node does.
          try {
            rmSync(temporary, { force: true });
          } catch {
            // no folder to leave a temporary file in
          }
        }
      }
      return { format: 'module', source: code, shortCircuit: true };
    },
  });
}

/**
 * The kept code at `file`, if any. A source strips to an empty file only when it is empty, so an empty
 * file (a write a crash cut short) is no kept code: the source is stripped again and the file replaced.
 */
function kept(file) {
  try {
    const code = readFileSync(file, 'utf8');
    return code === '' ? undefined : code;
  } catch {
    return undefined;
  }
}

/** What Node's own loader would run of a TypeScript source, without its notice that the stripping API is experimental. */
function strip(source) {
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    if (!String(warning?.message ?? warning).includes('stripTypeScriptTypes')) emitWarning.call(process, warning, ...rest);
  };
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emitWarning;
  }
}
