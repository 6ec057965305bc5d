/**
 * Benchmark: one large VNet migration.
 *
 * Through the real pipeline of a running service (the dev host or a deployment): import the estate as
 * Service Management XML, register the subscription, then time Validate (with pre-flight), Prepare and Commit
 * end to end (HTTP → Service Bus → phase function → entity → Tables). With `--probe`, a GET of the health
 * endpoint and a read of the scope's entity (through the dev host's Durable HTTP API, as the entity client
 * reads it) are timed every 100 ms while each operation runs: the longest wait says whether the worker kept
 * serving HTTP and entity calls during the analysis.
 *
 * With `--in-process`, no service: the analysis of the same estate is run here, at once and in slices, while
 * a 5 ms timer measures how long the event loop was held.
 *
 * Prints the figures; asserts nothing (speed belongs here, not in tests).
 *
 *   npm start                                  # in one terminal
 *   node dist/scripts/benchmark-migration.js --vms 400 --per-service 40 [--base http://localhost:7071] [--probe]
 *   node dist/scripts/benchmark-migration.js --vms 10000 --per-service 50 --in-process
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { serializeHostedService, serializeNetworkConfiguration } from '../shared/adapters/service-management';
import { type CloudService, cloudServiceSchema } from '../shared/domain/classic/compute.schema';
import { classicInventorySchema } from '../shared/domain/classic/inventory.schema';
import { type VirtualNetworkSite, virtualNetworkSiteSchema } from '../shared/domain/classic/network.schema';
import { scopeKey, type ScopeRef } from '../shared/domain/scope/scope';
import { analyseScope, analyseScopeInSlices } from '../shared/use-cases/analyse-scope';
import type { AnalysisInput } from '../shared/use-cases/scope-analysis';

const usage = `Usage: node dist/scripts/benchmark-migration.js [options]

  --vms N           VMs in the VNet (200)
  --per-service N   VMs per cloud service (20)
  --base URL        the running service (http://localhost:7071, or $B)
  --probe           time a health GET and an entity read every 100 ms while each operation runs
  --timeout S       give up on an operation that has not ended after S seconds (900)
  --in-process      no service: time the analysis here, at once and in slices, and the event-loop blocking
  --help            this text`;

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '200' },
    'per-service': { type: 'string', default: '20' },
    base: { type: 'string', default: process.env.B ?? 'http://localhost:7071' },
    probe: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '900' },
    'in-process': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const vmCount = Number(values.vms);
const perService = Number(values['per-service']);
const base = values.base;
const subscriptionId = randomUUID();
const vnetName = 'Bench-VNet';
const scope: ScopeRef = { subscriptionId, kind: 'virtualNetwork', name: vnetName };

/** The VNet and its cloud services. */
function estate(): { vnet: VirtualNetworkSite; cloudServices: CloudService[] } {
  const vnet = virtualNetworkSiteSchema.parse({
    name: vnetName,
    location: 'West Europe',
    addressSpace: ['10.0.0.0/16'],
    subnets: [{ name: 'apps', addressPrefix: '10.0.0.0/18' }],
  });
  const cloudServices: CloudService[] = [];
  for (let first = 0; first < vmCount; first += perService) {
    const service = `bench-${String(first / perService).padStart(3, '0')}`;
    const names = Array.from(
      { length: Math.min(perService, vmCount - first) },
      (_, i) => `${service}-vm${i}`,
    );
    const vhd = (name: string) => `https://benchvhds.blob.core.windows.net/vhds/${name}.vhd`;
    cloudServices.push(
      cloudServiceSchema.parse({
        name: service,
        location: 'West Europe',
        deployments: [
          {
            name: service,
            virtualNetworkName: vnetName,
            virtualIps: [{ name: `${service}ContractContract`, address: '40.0.0.1' }],
            roles: names.map((name) => ({
              name,
              roleType: 'PersistentVMRole',
              roleSize: 'Small',
              availabilitySetName: `${service}-as`,
              osDisk: { diskName: `${name}-os`, mediaLink: vhd(`${name}-os`), os: 'Linux' },
              dataDisks: [
                {
                  diskName: `${name}-data`,
                  mediaLink: vhd(`${name}-data`),
                  lun: 0,
                  logicalDiskSizeInGB: 128,
                },
              ],
              network: {
                subnetNames: ['apps'],
                inputEndpoints: [
                  {
                    name: 'http',
                    protocol: 'tcp',
                    port: 80,
                    localPort: 80,
                    loadBalancedEndpointSetName: 'web',
                    probe: { protocol: 'tcp', port: 80 },
                  },
                ],
              },
            })),
            roleInstances: names.map((name, i) => ({
              roleName: name,
              instanceName: name,
              instanceStatus: 'ReadyRole',
              powerState: 'Started',
              guestAgentStatus: 'Ready',
              ipAddress: `10.0.${Math.floor((first + i) / 250)}.${4 + ((first + i) % 250)}`,
            })),
          },
        ],
      }),
    );
  }
  return { vnet, cloudServices };
}

function estateXml(): string[] {
  const { vnet, cloudServices } = estate();
  return [
    serializeNetworkConfiguration({ dnsServers: [], localNetworkSites: [], virtualNetworks: [vnet] }),
    ...cloudServices.map((service) => serializeHostedService(service)),
  ];
}

async function call(
  method: string,
  path: string,
  body?: string,
  type = 'application/json',
): Promise<unknown> {
  const response = await fetch(
    `${base}${path}${path.includes('?') ? '&' : '?'}subscriptionId=${subscriptionId}`,
    {
      method,
      headers: { 'content-type': type },
      ...(body === undefined ? {} : { body }),
    },
  );
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** The longest wait of a health GET and of an entity read, sampled every 100 ms until stopped. */
interface Probe {
  stop(): Promise<{ samples: number; healthMaxMs: number; entityMaxMs: number; failures: string[] }>;
}

function startProbe(): Probe {
  let running = true;
  const result = { samples: 0, healthMaxMs: 0, entityMaxMs: 0, failures: [] as string[] };
  const entityUrl = `${base}/runtime/webhooks/durabletask/entities/migrationScope/${scopeKey(scope)}`;
  const timed = async (url: string): Promise<number> => {
    const started = performance.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      if (response.status >= 500) result.failures.push(`${url}: ${response.status}`);
    } catch (error) {
      result.failures.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return performance.now() - started;
  };
  const loop = (async () => {
    while (running) {
      const [health, entity] = await Promise.all([timed(`${base}/api/health`), timed(entityUrl)]);
      result.samples++;
      result.healthMaxMs = Math.max(result.healthMaxMs, health);
      result.entityMaxMs = Math.max(result.entityMaxMs, entity);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return result;
    },
  };
}

async function runOperation(
  action: string,
  options: unknown = {},
): Promise<{ seconds: number; record: Record<string, unknown>; probe?: Awaited<ReturnType<Probe['stop']>> }> {
  const probe = values.probe ? startProbe() : undefined;
  const started = Date.now();
  const { operationId } = (await call(
    'POST',
    `/api/migrations/virtualNetworks/${vnetName}/${action}`,
    JSON.stringify(options),
  )) as {
    operationId: string;
  };
  let failedPolls = 0;
  for (;;) {
    let record: Record<string, unknown>;
    try {
      record = (await call('GET', `/api/operations/${operationId}`)) as Record<string, unknown>;
    } catch (error) {
      // A worker that holds its event loop resets connections; keep polling, and say so.
      failedPolls++;
      if (failedPolls === 1) console.error(`${action}: a status poll failed: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    if ((Date.now() - started) / 1000 > Number(values.timeout)) {
      const probed = await probe?.stop();
      throw new Error(
        `${action} ${operationId} still ${String(record.status)} after ${values.timeout} s${probed ? ` (probes: ${JSON.stringify({ ...probed, failures: probed.failures.slice(0, 3) })})` : ''}`,
      );
    }
    if (record.status === 'Succeeded' || record.status === 'Failed') {
      const probed = await probe?.stop();
      if (record.status === 'Failed') throw new Error(`${action} failed: ${JSON.stringify(record.error)}`);
      if (failedPolls > 0) console.error(`${action}: ${failedPolls} status poll(s) failed`);
      return { seconds: (Date.now() - started) / 1000, record, ...(probed ? { probe: probed } : {}) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function throughTheService(): Promise<void> {
  const importStarted = Date.now();
  for (const xml of estateXml()) await call('POST', '/api/inventory/import', xml, 'application/xml');
  await fetch(
    `${base}/subscriptions/${subscriptionId}/providers/Microsoft.ClassicInfrastructureMigrate/register?api-version=2016-09-01`,
    {
      method: 'POST',
    },
  );
  const importSeconds = (Date.now() - importStarted) / 1000;
  const validate = await runOperation('validate', { includePreflight: true });
  const prepare = await runOperation('prepare');
  const commit = await runOperation('commit');
  const resources = Number(prepare.record.armResourceCount ?? 0);
  const rows: [string, string][] = [
    ['VMs', String(vmCount)],
    ['cloud services', String(Math.ceil(vmCount / perService))],
    ['ARM resources written', String(resources)],
    ['import (s)', importSeconds.toFixed(1)],
    ['validate with pre-flight (s)', validate.seconds.toFixed(1)],
    ['prepare (s)', prepare.seconds.toFixed(1)],
    ['commit (s)', commit.seconds.toFixed(1)],
    ['prepare: VMs/s', (vmCount / prepare.seconds).toFixed(1)],
    ['prepare: ARM resources/s', (resources / prepare.seconds).toFixed(1)],
  ];
  for (const [name, run] of [
    ['validate', validate],
    ['prepare', prepare],
    ['commit', commit],
  ] as const) {
    if (!run.probe) continue;
    rows.push([`${name}: probes`, String(run.probe.samples)]);
    rows.push([`${name}: longest health GET (ms)`, run.probe.healthMaxMs.toFixed(0)]);
    rows.push([`${name}: longest entity read (ms)`, run.probe.entityMaxMs.toFixed(0)]);
    if (run.probe.failures.length > 0)
      rows.push([`${name}: failed probes`, `${run.probe.failures.length} (${run.probe.failures[0]})`]);
  }
  for (const [label, value] of rows) console.log(`${label.padEnd(40)} ${value}`);
}

/** Runs `analysis` while a 5 ms timer records the longest time the event loop did not answer. */
async function timedAnalysis(analysis: () => unknown): Promise<{ seconds: number; longestBlockMs: number }> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  const started = performance.now();
  await analysis();
  const seconds = (performance.now() - started) / 1000;
  longest = Math.max(longest, performance.now() - last - 5);
  clearInterval(timer);
  return { seconds, longestBlockMs: Math.max(0, longest) };
}

async function inProcess(): Promise<void> {
  const { vnet, cloudServices } = estate();
  const input: AnalysisInput = {
    inventory: classicInventorySchema.parse({
      subscription: { id: subscriptionId, registeredForMigration: true },
      cloudServices,
      virtualNetworks: [vnet],
    }),
    scope,
    options: {},
    includePreflight: true,
    existingArm: { resourceGroups: [], resources: [] },
  };
  // A first run warms the JIT, so the two measured runs compare like with like.
  analyseScope(input);
  const atOnce = await timedAnalysis(() => analyseScope(input));
  const sliced = await timedAnalysis(() => analyseScopeInSlices(input));
  const rows: [string, string][] = [
    ['VMs', String(vmCount)],
    ['cloud services', String(cloudServices.length)],
    ['analysis at once (s)', atOnce.seconds.toFixed(2)],
    ['  longest event-loop block (ms)', atOnce.longestBlockMs.toFixed(0)],
    ['analysis in slices (s)', sliced.seconds.toFixed(2)],
    ['  longest event-loop block (ms)', sliced.longestBlockMs.toFixed(0)],
  ];
  for (const [label, value] of rows) console.log(`${label.padEnd(40)} ${value}`);
}

if (values.help) console.log(usage);
else
  (values['in-process'] ? inProcess() : throughTheService()).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
