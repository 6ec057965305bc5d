/**
 * Soak run: mixed migration traffic for a while against a dev host of its own in the Azure-like mode, then
 * invariant checks on what is left in storage. Not part of `npm test` (it takes minutes and asserts
 * nothing on speed); run it from the repository root:
 *
 *   npm run soak -- --minutes 10 --json soak.json      # or: node dist/scripts/soak.js … after a build
 *
 * It starts the dev host (2 workers, in-memory Azurite, DEVHOST_FIDELITY=azure with the run's seed), seeds
 * estates of test/fixtures/e2e-estate.ts (a VNet with two cloud services, a VNet that fails validation,
 * a cloud service outside any VNet, one subscription each), sends the traffic of soak/soak-traffic.ts,
 * and prints a Markdown report (errors, JSON API latency, operations by outcome, invariants; see
 * soak/soak-invariants.ts). Exit code 1 when any error or invariant violation was found.
 */
import { writeFileSync } from 'node:fs';

import { randomStream } from '../devhost/fidelity/seeded-random';
import { startDevHost } from '../test/support/devhost';
import { checkInvariants } from './soak/soak-invariants';
import { SoakMetrics } from './soak/soak-metrics';
import { parseSoakOptions } from './soak/soak-options';
import { buildReport, markdownReport } from './soak/soak-report';
import { SoakTraffic } from './soak/soak-traffic';

/** Dev host log events worth a count in the report (warnings and errors only are logged). */
const hostEvents = [
  'sessionLockLost',
  'messageLockLost',
  'abandoned',
  'deadLettered',
  'entityOperationFailed',
  'workerExited',
];

async function main(): Promise<void> {
  const options = parseSoakOptions(process.argv.slice(2));
  const progress = (text: string) => process.stderr.write(`[soak] ${text}\n`);
  progress(`starting a dev host (seed ${options.seed})`);
  const host = await startDevHost({
    workers: options.workers,
    startTimeoutMs: 120_000,
    env: {
      DEVHOST_FIDELITY: 'azure',
      DEVHOST_FIDELITY_SEED: String(options.seed),
      DEVHOST_FIDELITY_SIGNAL_DELAY_MS: String(options.signalDelayMs),
      DEVHOST_FIDELITY_STALE_READ_MS: String(options.staleReadMs),
      DEVHOST_FIDELITY_DUPLICATE_PROBABILITY: String(options.duplicateProbability),
      // Rehearsal faults are what the traffic injects.
      FAULTS_ENABLED: 'true',
      // Invocation logs of a 10-minute run would fill memory: the report needs warnings and errors only.
      DEVHOST_LOG_LEVEL: 'warning',
    },
  });
  let passed = false;
  try {
    const metrics = new SoakMetrics();
    const deadlineMs = options.deadlineSeconds * 1000;
    const traffic = new SoakTraffic({
      baseUrl: host.baseUrl,
      storageConnectionString: host.storageConnectionString,
      metrics,
      random: randomStream(options.seed, 'soak-traffic'),
      deadlineMs,
    });
    await traffic.seed(options.estates);
    const startedAt = new Date();
    progress(`traffic for ${options.minutes} min on ${host.baseUrl}`);
    const ticker = setInterval(
      () => progress(`${traffic.operations.size} operations, ${metrics.errors.length} errors`),
      30_000,
    );
    try {
      await traffic.run(options.lanes, startedAt.getTime() + options.minutes * 60_000);
    } finally {
      clearInterval(ticker);
    }
    progress('traffic over and drained; checking invariants');
    const invariants = await checkInvariants(
      host.storageConnectionString,
      traffic.scopes,
      traffic.subscriptions,
      [...traffic.operations.values()],
      deadlineMs,
    );
    const logs = host.logs();
    const report = buildReport({
      options,
      startedAt,
      endedAt: new Date(),
      estates: traffic.subscriptions.length,
      scopes: traffic.scopes.length,
      operations: traffic.operations.size,
      metrics,
      hostEvents: {
        ...Object.fromEntries(
          hostEvents.map((event) => [
            event,
            logs.filter((line) => line.includes(`"event":"${event}"`)).length,
          ]),
        ),
        'error-level lines': logs.filter((line) => line.includes('"level":"error"')).length,
      },
      hostErrors: logs
        .filter((line) => line.includes('"level":"error"'))
        .slice(0, 20)
        .map((line) => line.slice(0, 600)),
      invariants,
    });
    process.stdout.write(`${markdownReport(report)}\n`);
    if (options.jsonPath) writeFileSync(options.jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    passed = report.passed;
  } finally {
    await host.stop();
  }
  process.exitCode = passed ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Soak run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
});
