// Prints the top self-time frames of a V8 CPU profile (`node --cpu-prof`): the frames bench/PROFILE.md
// records. Usage: node bench/profile-top.ts <file.cpuprofile> [count]   (default 25)
// Also prints self time grouped by package (node_modules/<name>, or the repository folder).
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
const [file, count = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/profile-top.ts <file.cpuprofile> [count]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = profile.endTime - profile.startTime;
const where = (url: string) => url.replace(/^file:\/\/.*?\/node_modules\//, '').replace(/^file:\/\/.*?\/(src|rules|bin)\//, '$1/');
const frames = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || '(anonymous)'} ${url ? `${where(url)}:${lineNumber + 1}` : ''}`.trim();
  frames.set(key, (frames.get(key) ?? 0) + us);
  const pkg = !url ? functionName : url.includes('/node_modules/') ? url.replace(/^.*\/node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1') : url.startsWith('node:') ? 'node:*' : where(url).split('/').slice(0, 2).join('/');
  packages.set(pkg, (packages.get(pkg) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
console.log(`total ${(total / 1e6).toFixed(1)} s sampled\n\nself time by frame:`);
for (const [k, us] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) console.log(`${ms(us)} ${pct(us)}  ${k}`);
console.log('\nself time by package:');
for (const [k, us] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms(us)} ${pct(us)}  ${k}`);
