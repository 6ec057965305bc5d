/**
 * Vitest global setup: one in-memory Azurite for the tests that use storage directly (store adapters), and
 * a TLS certificate the test processes trust.
 * Tests that start a dev host get their own Azurite from the dev host. Tests isolate themselves by
 * using their own subscription ids, scope keys and table names.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureTlsCertificate } from '../../devhost/tls/tls-certificate';
import { startAzurite } from './azurite-process';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
    /** A self-signed certificate (its own CA) for dev hosts that serve HTTPS in tests; trusted by the workers. */
    tlsCertPath: string;
    tlsKeyPath: string;
  }
}

/** The part of vitest's TestProject a global setup uses (vitest/node is ESM-only; this project is CJS). */
interface ProvidingProject {
  provide(key: 'azuriteConnectionString' | 'tlsCertPath' | 'tlsKeyPath', value: string): void;
}

export default async function setup(project: ProvidingProject): Promise<() => Promise<void>> {
  const azurite = await startAzurite();
  project.provide('azuriteConnectionString', azurite.connectionString);
  // Node reads NODE_EXTRA_CA_CERTS when a process starts; the test workers are forked after this setup, so
  // setting it here makes them trust the dev hosts' HTTPS certificate (the real @azure/arm-* clients
  // refuse bearer tokens over plain http).
  const tls = await ensureTlsCertificate(mkdtempSync(join(tmpdir(), 'test-tls-')), {});
  process.env.NODE_EXTRA_CA_CERTS = tls.certPath;
  project.provide('tlsCertPath', tls.certPath);
  project.provide('tlsKeyPath', tls.keyPath);
  return () => azurite.stop();
}
