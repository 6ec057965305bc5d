/**
 * A worker process: loads the app through the @azure/functions-core shim, runs `appStart` hooks, serves the
 * HTTP routes and host endpoints, and runs every trigger loop. Several workers share the queues, sessions,
 * entities and timer leases through Azurite; the primary tells them when the whole host serves and when to stop.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { pathToFileURL } from 'node:url';

import { LocalServiceBusClient } from '../../shared/adapters/local-service-bus';
import { EntityTopology } from '../../shared/adapters/local-service-bus/entity-topology';
import { StorageClients } from '../../shared/adapters/local-service-bus/storage-clients';
import { localServiceBusTables } from '../../shared/adapters/local-service-bus/storage-names';
import { createOutputBindingWriter } from '../bindings/output-bindings';
import { DevHostOptions } from '../config/devhost-options';
import { readHostJson } from '../config/host-json';
import { installFunctionsCoreShim } from '../core-shim';
import { durableClientInput } from '../durable/durable-client-input';
import { DurableHttpApi } from '../durable/durable-http-api';
import { EntityBatchProcessor } from '../durable/entity-batch-processor';
import { entitySignalQueue, EntitySignalSender } from '../durable/entity-signals';
import { EntityStore, entityTable } from '../durable/entity-store';
import { EventGridWebhook } from '../eventgrid/eventgrid-webhook';
import { workerFidelity } from '../fidelity/worker-fidelity';
import { AdminEndpoints } from '../http/admin-endpoints';
import { HttpHost } from '../http/http-host';
import { RouteTable } from '../http/route-table';
import { describeError, Logger } from '../logging/logger';
import { primaryMessageSchema, WorkerMessage } from '../primary/ipc-messages';
import { DuplicateDetector } from '../servicebus/duplicate-detector';
import { EntityPropertiesConfig } from '../servicebus/entity-properties';
import {
  describeServiceBusTrigger,
  serviceBusMaxPollingIntervalMs,
  serviceBusTopology,
  ServiceBusTriggers,
} from '../servicebus/servicebus-triggers';
import { SessionLocks } from '../servicebus/session-lock';
import { SessionReceiver } from '../servicebus/session-receiver';
import { WorkerStats } from '../stats/worker-stats';
import { StorageQueueTriggers } from '../storage-queue/storage-queue-triggers';
import { timerTable } from '../timer/timer-lease';
import { TimerTriggers } from '../timer/timer-triggers';
import { resolveAppFiles } from './app-files';
import { bindingString, catalogFunctions, HostedFunction } from './function-catalog';
import { FunctionInvoker } from './function-invoker';
import { InflightTracker } from './inflight-tracker';

/** Entity signals are applied in batches of at most this many operations, like the engine's batching. */
const entityBatchSize = 50;

export async function runWorker(options: DevHostOptions, baseLogger: Logger): Promise<void> {
  const workerIndex = process.env.DEVHOST_WORKER_INDEX ?? '0';
  const logger = baseLogger.child({ worker: Number(workerIndex), pid: process.pid });
  const send = (message: WorkerMessage) => process.send?.(message);
  try {
    await startWorker(options, logger, workerIndex);
    send({ type: 'ready' });
  } catch (error) {
    logger.error('The worker failed to start.', { error: describeError(error) });
    send({ type: 'failed', error: describeError(error) });
    process.exit(1);
  }
}

async function startWorker(options: DevHostOptions, logger: Logger, workerIndex: string): Promise<void> {
  const storageConnection = requiredEnv('AzureWebJobsStorage');
  const baseUrl = requiredEnv('DEVHOST_BASE_URL');
  // Counting starts before the app loads, so its start-up storage calls count too.
  const stats = new WorkerStats(
    storageConnection,
    Number(workerIndex),
    process.send ? (message: WorkerMessage) => process.send?.(message) ?? false : undefined,
  );
  const host = readHostJson(options.hostJsonPath);
  const captured = installFunctionsCoreShim();
  const files = resolveAppFiles(options.cwd, options.appGlob);
  if (files.length === 0)
    throw new Error(`No app files match '${options.appGlob}' (from ${options.cwd}). Did you build?`);
  for (const file of files) await import(pathToFileURL(file).href);
  const functions = catalogFunctions(captured);
  warnAboutUnsupported(functions, logger);

  const storage = new StorageClients(storageConnection);
  const serviceBus = new LocalServiceBusClient(storage);
  const inflight = new InflightTracker();
  const clientInput = durableClientInput(baseUrl, host.durableHubName);
  const invoker = new FunctionInvoker(
    captured,
    logger,
    (type) => (type === 'durableClient' || type === 'orchestrationClient' ? clientInput : undefined),
    createOutputBindingWriter({ storage, serviceBus, messageEncoding: host.queues.messageEncoding, logger }),
    inflight,
  );
  const byKind = (kind: HostedFunction['kind']) => functions.filter((fn) => fn.kind === kind);

  const owner = `${hostname()}:${process.pid}:w${workerIndex}`;
  const entityConfig = EntityPropertiesConfig.read(options.serviceBusConfigPath);
  const serviceBusBindings = byKind('serviceBus').map(describeServiceBusTrigger);
  const duplicates = new DuplicateDetector(await storage.table(localServiceBusTables.duplicateDetection));
  const sessionLocks = new SessionLocks(await storage.table(localServiceBusTables.sessionLocks), owner);
  await new EntityTopology(storage).declare([
    ...serviceBusTopology(serviceBusBindings, entityConfig),
    { path: entitySignalQueue, kind: 'queue', requiresSession: true, subscriptions: [] },
  ]);
  const serviceBusTriggers = new ServiceBusTriggers(serviceBusBindings, {
    storage,
    invoker,
    config: entityConfig,
    host,
    duplicates,
    sessionLocks,
    logger,
    fidelity: options.fidelity,
  });

  const entityStore = new EntityStore(await storage.table(entityTable));
  const fidelity = await workerFidelity(options.fidelity, workerIndex, storage, entityStore);
  const entityLogger = logger.child({ component: 'entities' });
  const entitySignals = new EntitySignalSender(serviceBus, fidelity.scheduling, entityLogger);
  const entities = new EntityBatchProcessor(
    byKind('entity'),
    entityStore,
    entitySignals,
    invoker,
    logger,
    fidelity.visibility,
  );
  const entityReceiver = new SessionReceiver(
    {
      entityPath: entitySignalQueue,
      properties: entityConfig.for(entitySignalQueue),
      maxRenewalMs: host.serviceBus.maxAutoLockRenewalDurationMs,
      storage,
      duplicates,
      logger: entityLogger,
    },
    entities.process,
    sessionLocks,
    {
      maxConcurrentSessions: host.serviceBus.maxConcurrentSessions,
      batchSize: entityBatchSize,
      maxPollingIntervalMs: serviceBusMaxPollingIntervalMs,
    },
  );
  const storageQueueTriggers = new StorageQueueTriggers(
    byKind('queue'),
    storage,
    host.queues,
    invoker,
    logger,
  );
  const timers = new TimerTriggers(byKind('timer'), await storage.table(timerTable), owner, invoker, logger);

  const routes = new RouteTable<HostedFunction>(host.routePrefix);
  for (const fn of byKind('http')) {
    const methods = Array.isArray(fn.trigger.methods) ? (fn.trigger.methods as string[]) : ['GET', 'POST'];
    routes.add(bindingString(fn.trigger, 'route') ?? fn.name, methods, fn);
  }
  const eventGrid = new EventGridWebhook(byKind('eventGrid'), invoker);
  const durableApi = new DurableHttpApi(fidelity.reader, entitySignals, (name) => entities.hasEntity(name));
  const admin = new AdminEndpoints(functions, invoker, serviceBus, stats.host);
  let serving = false;
  const http = new HttpHost({
    routes,
    invoker,
    admin: admin.handle,
    eventGrid: (request) => eventGrid.handle(request),
    durable: (request, path) => durableApi.handle(request, path),
    isServing: () => serving,
    logger,
  });

  const appHookData: Record<string, unknown> = {};
  await invoker.runAppHooks('appStart', appHookData, options.cwd);
  const httpsPort = process.env.DEVHOST_RESOLVED_HTTPS_PORT;
  await http.listen(
    options.bindAddress,
    Number(process.env.DEVHOST_RESOLVED_PORT ?? options.port),
    httpsPort
      ? {
          port: Number(httpsPort),
          cert: readFileSync(requiredEnv('DEVHOST_TLS_CERT_PATH'), 'utf8'),
          key: readFileSync(requiredEnv('DEVHOST_TLS_KEY_PATH'), 'utf8'),
        }
      : undefined,
  );
  await serviceBusTriggers.start();
  await entityReceiver.start();
  await storageQueueTriggers.start();
  timers.start();
  logger.debug('Worker started.', {
    event: 'workerStarted',
    functions: functions.map((fn) => `${fn.name} (${fn.kind})`),
    routes: routes.describe(),
  });

  let stopping = false;
  const stop = async (graceMs: number, reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.debug(`Worker stopping (${reason}).`);
    serving = false;
    const closing = http.close();
    await Promise.all([
      serviceBusTriggers.stop(),
      entityReceiver.stop(),
      storageQueueTriggers.stop(),
      timers.stop(),
    ]);
    const drained = await inflight.drain(graceMs);
    if (!drained)
      logger.warn(`${inflight.count} invocation(s) still running after the grace period; exiting anyway.`);
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    await invoker
      .runAppHooks('appTerminate', appHookData, options.cwd)
      .catch((error: unknown) =>
        logger.error('An appTerminate hook failed.', { error: describeError(error) }),
      );
    process.exit(0);
  };
  process.on('message', (raw: unknown) => {
    const message = primaryMessageSchema.safeParse(raw);
    if (!message.success) return;
    if (stats.handle(message.data)) return;
    if (message.data.type === 'serving') serving = true;
    else if (message.data.type === 'shutdown') void stop(message.data.graceMs, 'asked by the primary');
  });
  // The primary coordinates shutdown: a terminal Ctrl-C reaches every process of the group, so ignore it here.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => void stop(options.shutdownGraceMs, 'SIGTERM'));
  process.on(
    'disconnect',
    () => void stop(Math.min(options.shutdownGraceMs, 2_000), 'the primary went away'),
  );
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; workers are started by the dev host's primary process.`);
  return value;
}

function warnAboutUnsupported(functions: HostedFunction[], logger: Logger): void {
  for (const fn of functions) {
    if (fn.kind === 'unsupported' || fn.kind === 'orchestration' || fn.kind === 'activity') {
      logger.warn(`Function '${fn.name}' (${fn.trigger.type}) is registered but not run by the dev host.`);
    }
    for (const [name, binding] of Object.entries(fn.registered.metadata.bindings)) {
      const type = binding.type.toLowerCase();
      if (
        binding.direction === 'in' &&
        name !== fn.triggerBindingName &&
        type !== 'durableclient' &&
        type !== 'orchestrationclient'
      ) {
        logger.warn(
          `Input binding '${name}' (${binding.type}) of '${fn.name}' is not supported by the dev host; it stays empty.`,
        );
      }
    }
  }
}
