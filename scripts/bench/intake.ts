/**
 * Throughput and latency of command intake on the JSON API, measured with autocannon: seeds `--scopes`
 * VNets in a subscription of its own, then fires `POST /api/migrations/virtualNetworks/{name}/validate`
 * for `--duration` seconds over `--connections` connections, round-robin over the scopes, each request
 * with an `Idempotency-Key` of its own, so every one is a real admission (recorded Queued, put on the
 * validate queue, audited). Prints requests/s, p50/p99 and the status codes seen.
 *
 * The admitted Validates run meanwhile on the same workers (as in production), so this measures intake
 * under its own load. Against `--base`, the backlog it queued keeps that service busy for a while after.
 *
 *   npx tsc -p tsconfig.json
 *   node dist/scripts/bench/intake.js [--scopes 500] [--connections 16] [--duration 20] [--base http://localhost:7071]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';

import { benchService, manyVnetsXml, printRows, progress, seedSubscription } from './bench-support';

const usage = `Usage: node dist/scripts/bench/intake.js [options]

  --scopes N        VNets seeded, each a scope the requests go round (500)
  --connections N   concurrent connections (16)
  --duration S      seconds of load (20)
  --rate N          offered requests/s over all connections (unset: as fast as answers come)
  --warmup S        seconds of load before the measured run (3)
  --base URL        a running service; without it a dev host of its own is started
  --workers N       workers of that dev host (1)
  --help            this text`;

const { values } = parseArgs({
  options: {
    scopes: { type: 'string', default: '500' },
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '20' },
    rate: { type: 'string' },
    warmup: { type: 'string', default: '3' },
    base: { type: 'string' },
    workers: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});

function load(
  baseUrl: string,
  subscriptionId: string,
  names: string[],
  seconds: number,
): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: baseUrl,
    connections: Number(values.connections),
    duration: seconds,
    ...(values.rate === undefined ? {} : { overallRate: Number(values.rate) }),
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const name = names[next++ % names.length] ?? '';
          return {
            ...request,
            path: `/api/migrations/virtualNetworks/${name}/validate?subscriptionId=${subscriptionId}`,
            headers: {
              ...request.headers,
              'content-type': 'application/json',
              'idempotency-key': randomUUID(),
            },
            body: '{}',
          };
        },
      },
    ],
  });
}

async function main(): Promise<void> {
  const scopes = Number(values.scopes);
  const service = await benchService(values.base, Number(values.workers));
  try {
    progress(`importing ${scopes} VNets`);
    const { xml, names } = manyVnetsXml('Intake-VNet', scopes);
    const subscriptionId = await seedSubscription(service.baseUrl, [xml]);
    const warmup = Number(values.warmup);
    if (warmup > 0) {
      progress(`warm-up: ${warmup} s`);
      await load(service.baseUrl, subscriptionId, names, warmup);
    }
    progress(`load: ${values.duration} s over ${values.connections} connections`);
    const result = await load(service.baseUrl, subscriptionId, names, Number(values.duration));
    const codes = Object.entries(result.statusCodeStats ?? {})
      .map(([code, stats]) => `${code}: ${stats.count ?? 0}`)
      .join(', ');
    printRows([
      ['scopes', String(scopes)],
      ['connections', String(result.connections)],
      ['offered rate (requests/s)', values.rate ?? 'unlimited'],
      ['duration (s)', String(result.duration)],
      ['requests answered', String(result.requests.total)],
      ['requests/s (mean)', result.requests.average.toFixed(0)],
      ['latency p50 (ms)', String(result.latency.p50)],
      ['latency p99 (ms)', String(result.latency.p99)],
      ['latency max (ms)', String(result.latency.max)],
      ['status codes', codes || '(none)'],
      ['connection errors / timeouts', `${result.errors} / ${result.timeouts}`],
    ]);
    if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
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
