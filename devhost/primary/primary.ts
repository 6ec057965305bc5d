/**
 * The primary process: owns Azurite and the TLS certificate, starts the workers with the environment the
 * functions see, prints where it listens once every worker serves, and shuts everything down in order on
 * Ctrl-C / SIGTERM (workers first, within a grace period; Azurite last), exiting 0.
 */
import { createServer } from 'node:net';

import {
  localServiceBusConnectionVariable,
  localServiceBusSelector,
} from '../../shared/adapters/local-service-bus';
import { DevHostOptions } from '../config/devhost-options';
import { describeFidelity, FidelityOptions } from '../config/fidelity-options';
import { newSeed } from '../fidelity/seeded-random';
import { describeError, Logger } from '../logging/logger';
import type { ProcessStats } from '../stats/host-stats';
import { processMemory } from '../stats/process-memory';
import { ensureTlsCertificate, TlsFiles } from '../tls/tls-certificate';
import { azuriteConnectionString, AzuriteProcess } from './azurite-process';
import { WorkerPool } from './worker-pool';

export async function runPrimary(options: DevHostOptions, logger: Logger): Promise<void> {
  const started = Date.now();
  let azurite: AzuriteProcess | undefined;
  let pool: WorkerPool | undefined;
  let shuttingDown = false;

  const shutdown = async (reason: string, exitCode: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(`Dev host shutting down (${reason}).`, { event: 'shutdown' });
    try {
      await pool?.stop(options.shutdownGraceMs);
      await azurite?.stop();
    } catch (error) {
      logger.error('Shutdown did not complete cleanly.', { error: describeError(error) });
      exitCode = exitCode || 1;
    }
    logger.info('Dev host stopped.', { event: 'stopped' });
    process.exit(exitCode);
  };
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (++interrupts > 1) {
      logger.warn(`Second ${signal}: exiting at once.`);
      process.exit(1);
    }
    void shutdown(signal, 0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const port = options.port === 0 ? await freePort(options.bindAddress) : options.port;
    const httpsPort =
      options.httpsPort === undefined
        ? undefined
        : options.httpsPort === 0
          ? await freePort(options.bindAddress)
          : options.httpsPort;
    let storage = options.externalStorageConnectionString;
    if (!storage) {
      azurite = AzuriteProcess.start({ dataDir: options.dataDir, inMemory: options.inMemory }, logger);
      storage = azuriteConnectionString(await azurite.endpoints);
    }
    let tls: TlsFiles | undefined;
    if (httpsPort !== undefined) {
      tls = await ensureTlsCertificate(options.dataDir, {
        certPath: options.tlsCertPath,
        keyPath: options.tlsKeyPath,
      });
    }
    const fidelity = withSeed(options.fidelity);
    const host = options.bindAddress === '0.0.0.0' ? '127.0.0.1' : options.bindAddress;
    const baseUrl = `http://${host}:${port}`;
    const httpsUrl = httpsPort !== undefined ? `https://${host}:${httpsPort}` : undefined;
    const env: NodeJS.ProcessEnv = {
      AzureWebJobsStorage: storage,
      [localServiceBusSelector.variable]: localServiceBusSelector.value,
      [localServiceBusConnectionVariable]: storage,
      DEVHOST_BASE_URL: baseUrl,
      DEVHOST_HTTPS_URL: httpsUrl ?? '',
      DEVHOST_TLS_CERT_PATH: tls?.certPath ?? '',
      DEVHOST_TLS_KEY_PATH: tls?.keyPath ?? '',
      DEVHOST_RESOLVED_PORT: String(port),
      DEVHOST_RESOLVED_HTTPS_PORT: httpsPort !== undefined ? String(httpsPort) : '',
      // Core Tools sets it; durable-functions rewrites client URLs to localhost:7071 without it.
      WEBSITE_HOSTNAME: `${host}:${port}`,
      FUNCTIONS_WORKER_RUNTIME: 'node',
      // Every worker draws from the same seed (its own streams of it), the one logged below.
      ...(fidelity.mode === 'azure' ? { DEVHOST_FIDELITY_SEED: String(fidelity.seed) } : {}),
    };
    const azuritePid = azurite?.pid;
    pool = new WorkerPool(options.workers, env, logger, () => primaryStats(azuritePid));
    await pool.start();
    const startupMs = Date.now() - started;
    logger.announce(`Dev host ${describeFidelity(fidelity)}`, { event: 'fidelity', ...fidelity });
    if (fidelity.mode === 'azure') process.stdout.write(`Dev host ${describeFidelity(fidelity)}\n`);
    process.stdout.write(`Dev host listening on ${baseUrl}${httpsUrl ? ` and ${httpsUrl}` : ''}\n`);
    logger.announce(`Dev host listening on ${baseUrl}`, {
      event: 'listening',
      url: baseUrl,
      httpsUrl,
      certificatePath: tls?.certPath,
      // Only the well-known Azurite account; never echo an external connection string.
      storageConnectionString: azurite ? storage : undefined,
      azuritePid: azurite?.pid,
      workers: options.workers,
      fidelity: fidelity.mode,
      ...(fidelity.mode === 'azure' ? { seed: fidelity.seed } : {}),
      startupMs,
    });
  } catch (error) {
    logger.error('The dev host failed to start.', { error: describeError(error) });
    await shutdown('start-up failure', 1);
  }
}

/** The primary's own figures for the host's stats: its memory, and Azurite's when it started Azurite. */
function primaryStats(azuritePid: number | undefined): ProcessStats[] {
  const own = processMemory() ?? { rssBytes: process.memoryUsage.rss() };
  const stats: ProcessStats[] = [{ role: 'primary', pid: process.pid, ...own }];
  const azurite = azuritePid === undefined ? undefined : processMemory(azuritePid);
  if (azuritePid !== undefined && azurite) stats.push({ role: 'azurite', pid: azuritePid, ...azurite });
  return stats;
}

/** The fidelity options with the seed fixed: the given one, or a fresh one (logged, so the run can be repeated). */
function withSeed(fidelity: FidelityOptions): FidelityOptions {
  if (fidelity.mode === 'local' || fidelity.seed !== undefined) return fidelity;
  return { ...fidelity, seed: newSeed() };
}

/** A port nobody listens on right now (the workers bind it a moment later). */
function freePort(bindAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, bindAddress, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
