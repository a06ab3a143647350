import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests run in parallel; integration tests talk to the
// FerretDB, Redis and SMTP that `make test` starts, and get more time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages}/*/src/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{apps,packages}/*/src/**/*.integration.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['./scripts/test/require-services.ts'],
        },
      },
    ],
  },
});
