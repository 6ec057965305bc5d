/**
 * What the latency and throughput scripts under scripts/bench/ share: a service to measure (a dev host of
 * their own, or a running one with `--base`), estates imported through the service's own API (Service
 * Management XML, as a customer imports), and percentiles. The scripts print figures and assert nothing:
 * speed belongs here, not in tests.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import {
  serializeHostedService,
  serializeNetworkConfiguration,
} from '../../shared/adapters/service-management';
import { type CloudService, cloudServiceSchema } from '../../shared/domain/classic/compute.schema';
import {
  type VirtualNetworkSite,
  virtualNetworkSiteSchema,
} from '../../shared/domain/classic/network.schema';
import { startDevHost } from '../../test/support/devhost';

export interface BenchService {
  baseUrl: string;
  /** Stops the dev host this script started (nothing for `--base`). */
  stop(): Promise<void>;
}

/** `base` when given; otherwise a dev host of the script's own (in-memory Azurite, `workers` workers). */
export async function benchService(base: string | undefined, workers: number): Promise<BenchService> {
  if (base) return { baseUrl: base.replace(/\/$/, ''), stop: () => Promise.resolve() };
  progress(`starting a dev host (${workers} worker${workers === 1 ? '' : 's'})`);
  const host = await startDevHost({
    workers,
    startTimeoutMs: 120_000,
    // Per-invocation log lines would be measured too: warnings and errors only.
    env: { DEVHOST_LOG_LEVEL: 'warning' },
  });
  progress(`dev host on ${host.baseUrl}`);
  return {
    baseUrl: host.baseUrl,
    stop: async () => {
      await host.stop();
    },
  };
}

export function progress(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

/** Imports each document into the subscription through the service's import API, in order. */
export async function importDocuments(
  baseUrl: string,
  subscriptionId: string,
  documents: string[],
): Promise<void> {
  for (const xml of documents) {
    const response = await fetch(`${baseUrl}/api/inventory/import?subscriptionId=${subscriptionId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: xml,
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`import answered ${response.status}: ${text.slice(0, 300)}`);
  }
}

/** A subscription of the script's own, registered for migration, holding the imported documents. */
export async function seedSubscription(baseUrl: string, documents: string[]): Promise<string> {
  const subscriptionId = randomUUID();
  await importDocuments(baseUrl, subscriptionId, documents);
  const registered = await fetch(
    `${baseUrl}/subscriptions/${subscriptionId}/providers/Microsoft.ClassicInfrastructureMigrate/register?api-version=2016-09-01`,
    { method: 'POST' },
  );
  await registered.arrayBuffer();
  if (registered.status !== 200) throw new Error(`register answered ${registered.status}`);
  return subscriptionId;
}

/**
 * One VNet (`name`, subnet `apps`) holding `vms` VMs in cloud services of `perService` VMs each, every VM
 * with an OS disk, a data disk and a load-balanced endpoint: the network configuration document, then one
 * hosted service document per cloud service.
 */
export function vnetEstateXml(name: string, vms: number, perService: number): string[] {
  const vnet = virtualNetworkSiteSchema.parse({
    name,
    location: 'West Europe',
    addressSpace: ['10.0.0.0/16'],
    subnets: [{ name: 'apps', addressPrefix: '10.0.0.0/18' }],
  });
  const services: CloudService[] = [];
  for (let first = 0; first < vms; first += perService) {
    const service = `${name.toLowerCase()}-${String(first / perService).padStart(3, '0')}`;
    const names = Array.from({ length: Math.min(perService, vms - first) }, (_, i) => `${service}-vm${i}`);
    const vhd = (disk: string) => `https://benchvhds.blob.core.windows.net/vhds/${disk}.vhd`;
    services.push(
      cloudServiceSchema.parse({
        name: service,
        location: 'West Europe',
        deployments: [
          {
            name: service,
            virtualNetworkName: name,
            virtualIps: [{ name: `${service}-vip`, address: '40.0.0.1' }],
            roles: names.map((role) => ({
              name: role,
              roleType: 'PersistentVMRole',
              roleSize: 'Small',
              availabilitySetName: `${service}-as`,
              osDisk: { diskName: `${role}-os`, mediaLink: vhd(`${role}-os`), os: 'Linux' },
              dataDisks: [
                {
                  diskName: `${role}-data`,
                  mediaLink: vhd(`${role}-data`),
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
            roleInstances: names.map((role, i) => ({
              roleName: role,
              instanceName: role,
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
  return [networkConfigurationXml([vnet]), ...services.map((service) => serializeHostedService(service))];
}

/** `count` empty VNets (`<prefix>-0000`, …), each its own scope, in one network configuration document. */
export function manyVnetsXml(prefix: string, count: number): { xml: string; names: string[] } {
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
  const vnets = names.map((name, i) =>
    virtualNetworkSiteSchema.parse({
      name,
      location: 'West Europe',
      addressSpace: [`10.${Math.floor(i / 256)}.${i % 256}.0/24`],
      subnets: [{ name: 'default', addressPrefix: `10.${Math.floor(i / 256)}.${i % 256}.0/26` }],
    }),
  );
  return { xml: networkConfigurationXml(vnets), names };
}

function networkConfigurationXml(virtualNetworks: VirtualNetworkSite[]): string {
  return serializeNetworkConfiguration({ dnsServers: [], localNetworkSites: [], virtualNetworks });
}

/** The time `call` takes, in milliseconds. */
export async function timed(call: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

/** The `p`-th percentile (0–100) of `samples`, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** `label  value` lines, aligned. */
export function printRows(rows: readonly (readonly [string, string])[]): void {
  for (const [label, value] of rows) console.log(`${label.padEnd(44)} ${value}`);
}

/** `p50 / p99 / max` of the samples, in ms. */
export function latencyRows(label: string, samples: readonly number[]): [string, string][] {
  return [
    [`${label}: requests`, String(samples.length)],
    [`${label}: p50 (ms)`, percentile(samples, 50).toFixed(1)],
    [`${label}: p99 (ms)`, percentile(samples, 99).toFixed(1)],
    [`${label}: max (ms)`, Math.max(...samples).toFixed(1)],
  ];
}
