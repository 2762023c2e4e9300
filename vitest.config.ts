import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `unit` (everything outside tests/e2e/: in-process and small child processes of
// `seam`; no site build, no browser, no editor tooling; about a minute on 2 cores) and `e2e`
// (tests/e2e/: the tests that run the real site build — one shared build in a global setup, plus the
// builds a test is about — drive chromium, or run the editor integration: remark-cli and the language
// server as their own processes). `npm test` runs both; `npx vitest run --project unit` runs no build
// and no browser.
//
// The unit tier runs on two workers (vitest's default is one fewer than the cores, one on a 2-core
// machine) and without per-file isolation: each worker loads Mermaid, jsdom and the engine once instead
// of once per test file, which was about 40% of the tier's CPU time. So a unit test must leave no global state
// behind (globals, Mermaid's config, process.env, the working directory): restore what it changes in an
// afterAll. The e2e tier keeps vitest's defaults.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
          isolate: false,
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/global-setup.ts'] },
      },
    ],
  },
});
