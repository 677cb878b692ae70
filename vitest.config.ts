import { defineConfig } from 'vitest/config';

// Unit and integration tests live next to the code they test. End-to-end tests (tests/e2e,
// tests/electron) run under Playwright, not here.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/sync/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Integration tests run against real databases; on a busy two-core machine (CI, or several
    // suites at once) a test can take several times its usual second. Slow is not wrong here.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
