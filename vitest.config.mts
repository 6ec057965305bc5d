import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/functions-core-shim.ts'],
    globalSetup: ['test/support/azurite-global-setup.ts'],
    // Dev-host tests start real processes (Azurite, workers); give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one fewer than the cores: a single file at a time on a 2-core machine. Most files
    // wait on processes (dev hosts, Azurite, lock expiries), so two at a time halves the run (about 330 s
    // against 720 s for the whole suite) without starving them.
    maxWorkers: 2,
  },
});
