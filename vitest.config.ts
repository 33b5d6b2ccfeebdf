import { defineConfig } from 'vitest/config';

// Every suite runs on SQLite; on PostgreSQL too when WAPING_TEST_PG_URL is set (README.md, "Test it").
// The browser suite runs once, against SQLite, as the dashboard issue asks.
const dialects = ['sqlite', ...(process.env.WAPING_TEST_PG_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The SDK's tests and the example import @waping/sdk from its build (packages/sdk/dist).
    globalSetup: ['test/helpers/sdk-build.ts'],
    projects: [
      ...dialects.map((dialect) => ({
        extends: true as const,
        test: {
          name: dialect,
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          env: { WAPING_TEST_DIALECT: dialect },
        },
      })),
      {
        extends: true as const,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], env: { WAPING_TEST_DIALECT: 'sqlite' } },
      },
    ],
  },
});
