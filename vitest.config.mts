import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/functions-core-shim.ts'],
    globalSetup: ['test/support/azurite-global-setup.ts'],
    // Dev-host tests start real processes (Azurite, workers); give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
