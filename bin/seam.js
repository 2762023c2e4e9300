#!/usr/bin/env node
// The `seam` command. Seam is written in TypeScript that Node runs directly, without a flag, from 22.18
// (type stripping; 23.6 on the 23 line), so this launcher only checks that this Node strips types and
// hands over.
if (!process.features.typescript) {
  console.error(`seam: Node ${process.versions.node} cannot run Seam's TypeScript (no type stripping); Seam needs Node 22.18 or newer.`);
  console.error('Run it through npm (npm run seam -- …, or npx seam …) so the project\'s own Node is used.');
  process.exit(2);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
