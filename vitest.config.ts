import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `unit` (everything outside tests/e2e/: no site build, no browser; well under a minute)
// and `e2e` (tests/e2e/: the tests that run the real site build — one shared build in a global setup,
// plus the builds a test is about — and drive chromium). `npm test` runs both; `npx vitest run
// --project unit` runs no build and no browser.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/e2e/**'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/global-setup.ts'] },
      },
    ],
  },
});
