#!/usr/bin/env node
// Seam's findings in any editor that speaks the Language Server Protocol: the remark language server
// (unified-language-server configured as remark's), run on the project's own Node so that the
// TypeScript preset in .remarkrc.mjs loads. Start it with `--stdio`; see content/docs/editor-setup.mdx.
if (!process.features.typescript) {
  console.error(`seam-language-server: Node ${process.versions.node} cannot load Seam's TypeScript preset (no type stripping); run it with the project's Node (npx seam-language-server) or Node 22.18 or newer.`);
  process.exit(2);
}
const { remark } = await import('remark');
const { createUnifiedLanguageServer } = await import('unified-language-server');

createUnifiedLanguageServer({
  configurationSection: 'remark',
  defaultProcessor: remark,
  ignoreName: '.remarkignore',
  packageField: 'remarkConfig',
  pluginPrefix: 'remark',
  processorName: 'remark',
  processorSpecifier: 'remark',
  rcName: '.remarkrc',
});
