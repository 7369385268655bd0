import { defineConfig } from 'vitest/config';

// One runner for the repo: each workspace package with a vitest.config.ts is a project.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'test/*'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
