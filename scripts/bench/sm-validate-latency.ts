/**
 * Latency of the Service Management Validate of a VNet (`POST /{sub}/services/networking/virtualnetwork/
 * {name}/migration?comp=validate`, answered synchronously with its validation messages): seeds a VNet of
 * `--vms` VMs in its own subscription, then fires `--requests` sequential Validates and prints p50/p99
 * (the first, cold one apart). `--deployment` also times the cloud service Validate
 * (`…/hostedservices/{service}/deployments/{deployment}/migration?comp=validate`) of one of its services.
 *
 *   npx tsc -p tsconfig.json
 *   node dist/scripts/bench/sm-validate-latency.js [--vms 100] [--requests 200] [--base http://localhost:7071]
 */
import { parseArgs } from 'node:util';

import {
  benchService,
  latencyRows,
  printRows,
  progress,
  seedSubscription,
  timed,
  vnetEstateXml,
} from './bench-support';

const usage = `Usage: node dist/scripts/bench/sm-validate-latency.js [options]

  --vms N           VMs in the VNet (100)
  --per-service N   VMs per cloud service (10)
  --requests N      sequential Validates timed (200)
  --deployment      also time the Validate of one of its cloud services (deployment path)
  --base URL        a running service; without it a dev host of its own is started
  --workers N       workers of that dev host (1)
  --help            this text`;

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '100' },
    'per-service': { type: 'string', default: '10' },
    requests: { type: 'string', default: '200' },
    deployment: { type: 'boolean', default: false },
    base: { type: 'string' },
    workers: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

async function validateSeries(url: string, requests: number): Promise<{ first: number; samples: number[] }> {
  const once = () =>
    timed(async () => {
      const response = await fetch(url, { method: 'POST', headers: { 'x-ms-version': '2016-09-01' } });
      const text = await response.text();
      if (response.status !== 200)
        throw new Error(`Validate answered ${response.status}: ${text.slice(0, 300)}`);
    });
  const first = await once();
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) samples.push(await once());
  return { first, samples };
}

async function main(): Promise<void> {
  const vms = Number(values.vms);
  const perService = Number(values['per-service']);
  const requests = Number(values.requests);
  const service = await benchService(values.base, Number(values.workers));
  try {
    const vnet = 'Bench-VNet';
    progress(`importing a VNet of ${vms} VMs`);
    const subscriptionId = await seedSubscription(service.baseUrl, vnetEstateXml(vnet, vms, perService));
    progress(`${requests} sequential Validates`);
    const network = await validateSeries(
      `${service.baseUrl}/${subscriptionId}/services/networking/virtualnetwork/${vnet}/migration?comp=validate`,
      requests,
    );
    const rows: [string, string][] = [
      ['VMs', String(vms)],
      ['VNet Validate: first (ms)', network.first.toFixed(1)],
      ...latencyRows('VNet Validate', network.samples),
    ];
    if (values.deployment) {
      const cloudService = `${vnet.toLowerCase()}-000`;
      const deployment = await validateSeries(
        `${service.baseUrl}/${subscriptionId}/services/hostedservices/${cloudService}/deployments/${cloudService}/migration?comp=validate`,
        requests,
      );
      rows.push(
        ['deployment Validate: first (ms)', deployment.first.toFixed(1)],
        ...latencyRows('deployment Validate', deployment.samples),
      );
    }
    printRows(rows);
  } finally {
    await service.stop();
  }
}

if (values.help) console.log(usage);
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
