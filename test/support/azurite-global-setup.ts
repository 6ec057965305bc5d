/**
 * Vitest global setup: one in-memory Azurite for the tests that use storage directly (store adapters).
 * Tests that start a dev host get their own Azurite from the dev host. Tests isolate themselves by
 * using their own subscription ids, scope keys and table names.
 */

import { startAzurite } from './azurite-process';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

/** The part of vitest's TestProject a global setup uses (vitest/node is ESM-only; this project is CJS). */
interface ProvidingProject {
  provide(key: 'azuriteConnectionString', value: string): void;
}

export default async function setup(project: ProvidingProject): Promise<() => Promise<void>> {
  const azurite = await startAzurite();
  project.provide('azuriteConnectionString', azurite.connectionString);
  return () => azurite.stop();
}
