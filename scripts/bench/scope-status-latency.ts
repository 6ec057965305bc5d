/**
 * Latency of the scope status (`GET /api/migrations/virtualNetworks/{name}`: state, validation, plan, the
 * Classic and ARM sides) of a large VNet: seeds a VNet of `--vms` VMs in its own subscription, reads its
 * status once (cold: the analysis runs), then `--requests` more times sequentially and prints p50/p99:
 * with fetch (as the CLI and the portal read it: gzip taken and inflated), and to the last byte as sent
 * (the same request, the body left compressed: what the service itself takes).
 * With `--write`, a Classic write (an inventory import of one more cloud service) comes after the series and
 * the next read is timed too: the status must reflect it, so that read runs the analysis again.
 *
 *   npx tsc -p tsconfig.json
 *   node dist/scripts/bench/scope-status-latency.js [--vms 2048] [--requests 100] [--base http://localhost:7071]
 */
import { get } from 'node:http';
import { parseArgs } from 'node:util';

import {
  benchService,
  importDocuments,
  latencyRows,
  printRows,
  progress,
  seedSubscription,
  timed,
  vnetEstateXml,
} from './bench-support';

const usage = `Usage: node dist/scripts/bench/scope-status-latency.js [options]

  --vms N           VMs in the VNet (2048)
  --per-service N   VMs per cloud service (32)
  --requests N      sequential status reads timed after the first (100)
  --write           then import one more cloud service into the VNet and time the next read
  --base URL        a running service; without it a dev host of its own is started
  --workers N       workers of that dev host (1)
  --help            this text`;

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '2048' },
    'per-service': { type: 'string', default: '32' },
    requests: { type: 'string', default: '100' },
    write: { type: 'boolean', default: false },
    base: { type: 'string' },
    workers: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const vms = Number(values.vms);
  const perService = Number(values['per-service']);
  const requests = Number(values.requests);
  const service = await benchService(values.base, Number(values.workers));
  try {
    const vnet = 'Bench-VNet';
    progress(`importing a VNet of ${vms} VMs`);
    const subscriptionId = await seedSubscription(service.baseUrl, vnetEstateXml(vnet, vms, perService));
    const url = `${service.baseUrl}/api/migrations/virtualNetworks/${vnet}?subscriptionId=${subscriptionId}`;
    let bytes = 0;
    let wireBytes = 0;
    const read = () =>
      timed(async () => {
        const response = await fetch(url);
        const body = await response.arrayBuffer();
        if (response.status !== 200)
          throw new Error(
            `status answered ${response.status}: ${Buffer.from(body).toString().slice(0, 300)}`,
          );
        bytes = body.byteLength;
        wireBytes = Number(response.headers.get('content-length') ?? body.byteLength);
      });
    progress('first read');
    const first = await read();
    progress(`${requests} sequential reads`);
    const samples: number[] = [];
    for (let i = 0; i < requests; i++) samples.push(await read());
    const asSent: number[] = [];
    for (let i = 0; i < requests; i++) asSent.push(await lastByte(url));
    const rows: [string, string][] = [
      ['VMs', String(vms)],
      ['status body (KiB)', (bytes / 1024).toFixed(0)],
      ['status body on the wire (KiB)', (wireBytes / 1024).toFixed(0)],
      ['status: first read (ms)', first.toFixed(1)],
      ...latencyRows('status after the first', samples),
      ...latencyRows('status to the last byte as sent', asSent),
    ];
    if (values.write) {
      const extra = vnetEstateXml(vnet, perService, perService)
        .slice(1)
        .map((xml) => xml.replaceAll(`${vnet.toLowerCase()}-000`, `${vnet.toLowerCase()}-extra`));
      await importDocuments(service.baseUrl, subscriptionId, extra);
      rows.push(['status: first read after an import (ms)', (await read()).toFixed(1)]);
      rows.push(['status: the read after that (ms)', (await read()).toFixed(1)]);
    }
    printRows(rows);
  } finally {
    await service.stop();
  }
}

/** A GET taking gzip, timed to the last byte of the body as sent (not inflated). */
function lastByte(url: string): Promise<number> {
  return timed(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
          response.on('data', () => undefined);
          response.on('end', () =>
            response.statusCode === 200
              ? resolve()
              : reject(new Error(`status answered ${response.statusCode}`)),
          );
          response.on('error', reject);
        });
        request.on('error', reject);
      }),
  );
}

if (values.help) console.log(usage);
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
