/**
 * Benchmark: one large VNet migration through the real pipeline of a running service (the dev host or a
 * deployment): import the estate as Service Management XML, register the subscription, then time
 * Validate (with pre-flight), Prepare and Commit end to end (HTTP → Service Bus → phase function → entity →
 * Tables). Prints the figures; asserts nothing (speed belongs here, not in tests).
 *
 *   npm start                                  # in one terminal
 *   node dist/scripts/benchmark-migration.js --vms 400 --per-service 40 [--base http://localhost:7071]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

import { serializeHostedService, serializeNetworkConfiguration } from '../shared/adapters/service-management';
import { cloudServiceSchema } from '../shared/domain/classic/compute.schema';
import { virtualNetworkSiteSchema } from '../shared/domain/classic/network.schema';

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '200' },
    'per-service': { type: 'string', default: '20' },
    base: { type: 'string', default: process.env.B ?? 'http://localhost:7071' },
  },
});
const vmCount = Number(values.vms);
const perService = Number(values['per-service']);
const base = values.base;
const subscriptionId = randomUUID();
const vnetName = 'Bench-VNet';

function estateXml(): string[] {
  const vnet = virtualNetworkSiteSchema.parse({
    name: vnetName,
    location: 'West Europe',
    addressSpace: ['10.0.0.0/16'],
    subnets: [{ name: 'apps', addressPrefix: '10.0.0.0/18' }],
  });
  const documents = [
    serializeNetworkConfiguration({ dnsServers: [], localNetworkSites: [], virtualNetworks: [vnet] }),
  ];
  for (let first = 0; first < vmCount; first += perService) {
    const service = `bench-${String(first / perService).padStart(3, '0')}`;
    const names = Array.from(
      { length: Math.min(perService, vmCount - first) },
      (_, i) => `${service}-vm${i}`,
    );
    const vhd = (name: string) => `https://benchvhds.blob.core.windows.net/vhds/${name}.vhd`;
    documents.push(
      serializeHostedService(
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
      ),
    );
  }
  return documents;
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

async function runOperation(
  action: string,
  options: unknown = {},
): Promise<{ seconds: number; record: Record<string, unknown> }> {
  const started = Date.now();
  const { operationId } = (await call(
    'POST',
    `/api/migrations/virtualNetworks/${vnetName}/${action}`,
    JSON.stringify(options),
  )) as {
    operationId: string;
  };
  for (;;) {
    const record = (await call('GET', `/api/operations/${operationId}`)) as Record<string, unknown>;
    if (record.status === 'Succeeded' || record.status === 'Failed') {
      if (record.status === 'Failed') throw new Error(`${action} failed: ${JSON.stringify(record.error)}`);
      return { seconds: (Date.now() - started) / 1000, record };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
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
  for (const [label, value] of rows) console.log(`${label.padEnd(30)} ${value}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
