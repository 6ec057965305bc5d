/** The benchmark's command line (see `--help`). */
import { parseArgs } from 'node:util';

import { checkShape, type EstateShape, shapeForVms } from './synthetic-estate';

export const benchUsage = `Usage: npm run bench -- [options]     (or: node dist/scripts/benchmark-migration.js [options])

Loads a synthetic Classic estate (Service Management XML, through the import API) and runs Validate, Prepare
and Commit for every scope through the dev host, all scopes in flight at once; measures the raw ceiling of
the same Azurite; prints a Markdown report.

  --vms N                      about N VMs: N/100 VNets of 10 cloud services x 10 VMs (10000), plus one
                               standalone cloud service of 5 VMs per five VNets
  --workers K                  dev host worker processes (1); ignored with --base
  --json FILE                  also write the results as JSON
  --curve N1,N2,...            run each size in turn (a fresh dev host each) and report the time per VM
  --base URL                   use this running service instead of starting a dev host (fresh
                               subscriptions; counts and memory need its GET /admin/host/stats)
  --storage CONN               its storage, for the raw ceiling with --base ($AZURITE_CONNECTION_STRING)
  --seed S                     the estate's seed (1)
  --per-service N              VMs per cloud service in a VNet (10, at most 50)
  --services-per-vnet N        cloud services per VNet (10)
  --vnets-per-subscription N   VNets per subscription (10; a Classic subscription holds 200 cloud services)
  --import-concurrency N       documents imported at once (4)
  --submit-concurrency N       operations started at once (8)
  --poll-interval MS           pause after a polling round in which nothing ended (250); each round reads
                               the 8 oldest running operations
  --ceiling-seconds S          how long each raw-ceiling measurement runs (5)
  --ceiling-concurrency N      requests in flight while measuring the ceiling (8)
  --timeout S                  give up on a phase that has not ended after S seconds (3600)
  --log-level LEVEL            the dev host's log level (warning: invocation logs would cost time)
  --disk                       persist Azurite under a temporary folder (default: in memory)
  --probe                      time a health GET and an entity read every 100 ms; longest per phase
  --in-process                 no service: time the analysis of the first VNet and standalone cloud
                               service here, at once and in slices, with the event-loop blocking
  --help                       this text`;

export interface BenchOptions {
  sizes: number[];
  curve: boolean;
  workers: number;
  jsonPath: string | undefined;
  base: string | undefined;
  storage: string | undefined;
  seed: number;
  shapeOverrides: Partial<Omit<EstateShape, 'virtualNetworks'>>;
  importConcurrency: number;
  submitConcurrency: number;
  pollIntervalMs: number;
  ceilingSeconds: number;
  ceilingConcurrency: number;
  timeoutSeconds: number;
  logLevel: string;
  disk: boolean;
  probe: boolean;
  inProcess: boolean;
  help: boolean;
}

function positiveInteger(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be an integer ≥ ${min} (got '${text}').`);
  return value;
}

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      vms: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'string' },
      curve: { type: 'string' },
      base: { type: 'string' },
      storage: { type: 'string' },
      seed: { type: 'string' },
      'per-service': { type: 'string' },
      'services-per-vnet': { type: 'string' },
      'vnets-per-subscription': { type: 'string' },
      'import-concurrency': { type: 'string' },
      'submit-concurrency': { type: 'string' },
      'poll-interval': { type: 'string' },
      'ceiling-seconds': { type: 'string' },
      'ceiling-concurrency': { type: 'string' },
      timeout: { type: 'string' },
      'log-level': { type: 'string' },
      disk: { type: 'boolean', default: false },
      probe: { type: 'boolean', default: false },
      'in-process': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const curve = values.curve !== undefined;
  const sizes = curve
    ? (values.curve ?? '').split(',').map((size) => positiveInteger('curve', size.trim(), 0))
    : [positiveInteger('vms', values.vms, 10_000)];
  const shapeOverrides: BenchOptions['shapeOverrides'] = {};
  if (values['per-service'] !== undefined)
    shapeOverrides.vmsPerCloudService = positiveInteger('per-service', values['per-service'], 10);
  if (values['services-per-vnet'] !== undefined)
    shapeOverrides.cloudServicesPerVirtualNetwork = positiveInteger(
      'services-per-vnet',
      values['services-per-vnet'],
      10,
    );
  if (values['vnets-per-subscription'] !== undefined)
    shapeOverrides.virtualNetworksPerSubscription = positiveInteger(
      'vnets-per-subscription',
      values['vnets-per-subscription'],
      10,
    );
  // Fail on a shape Classic would not allow before starting anything.
  for (const size of sizes) checkShape(shapeForVms(size, shapeOverrides));
  return {
    sizes,
    curve,
    workers: positiveInteger('workers', values.workers, 1),
    jsonPath: values.json,
    base: values.base?.replace(/\/+$/, ''),
    storage: values.storage ?? env.AZURITE_CONNECTION_STRING,
    seed: positiveInteger('seed', values.seed, 1, 0),
    shapeOverrides,
    importConcurrency: positiveInteger('import-concurrency', values['import-concurrency'], 4),
    submitConcurrency: positiveInteger('submit-concurrency', values['submit-concurrency'], 8),
    pollIntervalMs: positiveInteger('poll-interval', values['poll-interval'], 250, 50),
    ceilingSeconds: positiveInteger('ceiling-seconds', values['ceiling-seconds'], 5),
    ceilingConcurrency: positiveInteger('ceiling-concurrency', values['ceiling-concurrency'], 8),
    timeoutSeconds: positiveInteger('timeout', values.timeout, 3600),
    logLevel: values['log-level'] ?? 'warning',
    disk: values.disk,
    probe: values.probe,
    inProcess: values['in-process'],
    help: values.help,
  };
}
