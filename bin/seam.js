#!/usr/bin/env node
// The `seam` command. Seam is written in TypeScript that Node ≥ 22.12 runs directly (type stripping),
// so this launcher only checks the Node version and hands over.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`seam: Node ${process.versions.node} is too old; Seam needs Node 22.12 or newer.`);
  console.error('Run it through npm (npm run seam -- …, or npx seam …) so the project\'s own Node is used.');
  process.exit(2);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
