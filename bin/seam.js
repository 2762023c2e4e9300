#!/usr/bin/env node
// The `seam` command. Seam is written in TypeScript that Node runs directly, without a flag, from 22.18
// (type stripping; 23.6 on the 23 line), and its link checker's HTTP client (undici 8) needs 22.19, so
// this launcher checks both and hands over.
const [major, minor] = process.versions.node.split('.').map(Number);
if (!process.features.typescript || (major === 22 && minor < 19)) {
  console.error(`seam: Node ${process.versions.node} cannot run Seam; Seam needs Node 22.19 or newer (23.6 or newer on the 23 line).`);
  console.error('Run it through npm (npm run seam -- …, or npx seam …) so the project\'s own Node is used.');
  process.exit(2);
}
// What V8 compiled of each module (Seam's and its dependencies') is kept between runs too, in Node's
// own compile cache beside the stripped sources: a start then deserialises bytecode instead of parsing
// and compiling every module again. Node checks each entry against the module's source and passes over
// one it cannot use; NODE_COMPILE_CACHE and NODE_DISABLE_COMPILE_CACHE work as they do for any program.
const { enableCompileCache } = await import('node:module');
const { fileURLToPath } = await import('node:url');
enableCompileCache?.(fileURLToPath(new URL('../node_modules/.cache/seam-v8/', import.meta.url)));
// What stripping Seam's sources of their types gave is kept between runs (bin/typescript-cache.js).
(await import('./typescript-cache.js')).cacheTypeScript();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
