import { defineProject } from 'vitest/config';

// Browser tests: the root test script builds the dashboard first; globalSetup boots the real API
// (own embedded PostgreSQL and demo bank in a temp dir) and tears it down.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./src/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
