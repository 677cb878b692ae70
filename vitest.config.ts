import { defineConfig } from 'vitest/config';

// Unit and integration tests live next to the code they test. End-to-end tests (tests/e2e,
// tests/electron) run under Playwright, not here.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/sync/**/*.test.ts'],
    environment: 'node',
  },
});
