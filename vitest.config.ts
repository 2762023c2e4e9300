import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `unit` (everything but the browser tests) and `e2e` (tests/e2e/, which build the site
// once in a global setup and drive chromium). `npm test` runs both; `npx vitest run --project unit`
// skips the browser and the shared build.
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
