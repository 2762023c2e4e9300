// Builds the example site once for every e2e test file, serves it on 127.0.0.1 and hands its address
// to the tests (`sharedSite()` in harness.ts). Runs only when e2e tests are selected (the `e2e`
// project in vitest.config.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, serveStatic } from './harness.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  // Every record (the `confidential` audience), so tests can find what audience builds must leave out.
  // The build also counts its graph-wide steps into this file (tests/e2e/build-linearity.test.ts).
  const stats = mkdtempSync(join(tmpdir(), 'seam-e2e-stats-'));
  const buildStats = join(stats, 'build-stats.json');
  const built = await buildSite({ audience: 'confidential', env: { SEAM_BUILD_STATS: buildStats } });
  if (!built.ok) {
    built.remove();
    rmSync(stats, { recursive: true, force: true });
    throw new Error(`The e2e site did not build (exit ${built.status}):\n${built.output.slice(-4000)}`);
  }
  const server = await serveStatic(built.outDir);
  project.provide('seamSite', { url: server.url, outDir: built.outDir, buildStats });
  console.log(`e2e: built the example site in ${((Date.now() - started) / 1000).toFixed(1)} s, serving ${server.url}`);
  return async () => {
    await server.close();
    if (process.env.SEAM_E2E_KEEP) console.log(`e2e: kept ${built.outDir}`);
    else built.remove();
    rmSync(stats, { recursive: true, force: true });
  };
}
