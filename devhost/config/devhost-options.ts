/**
 * Dev host options from command-line flags and environment variables (flags win). Every process of the dev
 * host (primary and workers) parses the same argv and environment, so they agree without passing them around.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { FidelityOptions, parseFidelityOptions } from './fidelity-options';

export interface DevHostOptions {
  cwd: string;
  /** Glob of compiled app files (package.json `main` by default). */
  appGlob: string;
  hostJsonPath: string;
  serviceBusConfigPath: string;
  /** 0 picks a free port. */
  port: number;
  httpsPort: number | undefined;
  bindAddress: string;
  dataDir: string;
  inMemory: boolean;
  /** An Azurite (or storage account) someone else runs; then the dev host starts none. */
  externalStorageConnectionString: string | undefined;
  workers: number;
  tlsCertPath: string | undefined;
  tlsKeyPath: string | undefined;
  shutdownGraceMs: number;
  logLevel: string | undefined;
  /** `DEVHOST_FIDELITY` and its settings (fidelity-options.ts). */
  fidelity: FidelityOptions;
}

const portSchema = z.coerce.number().int().min(0).max(65535);

export function parseDevHostOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): DevHostOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      app: { type: 'string' },
      'host-json': { type: 'string' },
      'servicebus-config': { type: 'string' },
      workers: { type: 'string' },
      port: { type: 'string' },
    },
    allowPositionals: false,
    strict: true,
  });
  const hostJsonPath = resolve(cwd, values['host-json'] ?? env.DEVHOST_HOST_JSON ?? 'host.json');
  const tlsCertPath = env.DEVHOST_TLS_CERT;
  const tlsKeyPath = env.DEVHOST_TLS_KEY;
  if ((tlsCertPath === undefined) !== (tlsKeyPath === undefined)) {
    throw new Error('DEVHOST_TLS_CERT and DEVHOST_TLS_KEY must be set together.');
  }
  return {
    cwd,
    appGlob: values.app ?? env.DEVHOST_APP ?? packageMainGlob(cwd),
    hostJsonPath,
    serviceBusConfigPath: resolve(
      cwd,
      values['servicebus-config'] ??
        env.DEVHOST_SERVICEBUS_CONFIG ??
        resolve(dirname(hostJsonPath), 'servicebus.local.json'),
    ),
    port: portSchema.parse(values.port ?? env.PORT ?? 7071),
    httpsPort:
      env.HTTPS_PORT !== undefined && env.HTTPS_PORT !== '' ? portSchema.parse(env.HTTPS_PORT) : undefined,
    bindAddress: env.DEVHOST_BIND_ADDRESS ?? '127.0.0.1',
    dataDir: resolve(cwd, env.DATA_DIR ?? '.data'),
    inMemory: env.DEVHOST_IN_MEMORY === 'true',
    externalStorageConnectionString: env.AZURITE_CONNECTION_STRING || undefined,
    workers: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .parse(values.workers ?? env.DEVHOST_WORKERS ?? 1),
    tlsCertPath: tlsCertPath !== undefined ? resolve(cwd, tlsCertPath) : undefined,
    tlsKeyPath: tlsKeyPath !== undefined ? resolve(cwd, tlsKeyPath) : undefined,
    shutdownGraceMs: z.coerce
      .number()
      .int()
      .nonnegative()
      .parse(env.DEVHOST_SHUTDOWN_GRACE_MS ?? 10_000),
    logLevel: env.DEVHOST_LOG_LEVEL,
    fidelity: parseFidelityOptions(env),
  };
}

function packageMainGlob(cwd: string): string {
  const packageJson = resolve(cwd, 'package.json');
  if (existsSync(packageJson)) {
    const parsed = z
      .object({ main: z.string().optional() })
      .parse(JSON.parse(readFileSync(packageJson, 'utf8')));
    if (parsed.main) return parsed.main;
  }
  return 'dist/functions/*.js';
}
