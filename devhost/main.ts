/**
 * Entry point of the dev host (`npm start` runs `node dist/devhost/main.js`). The cluster primary owns
 * Azurite and the workers; each worker runs the app's functions. See devhost/README.md.
 */
import cluster from 'node:cluster';

import { parseDevHostOptions } from './config/devhost-options';
import { readHostJson } from './config/host-json';
import { describeError, Logger, toLogLevel } from './logging/logger';
import { runPrimary } from './primary/primary';
import { runWorker } from './worker/worker';

async function main(): Promise<void> {
  const options = parseDevHostOptions(process.argv.slice(2), process.env, process.cwd());
  const level = toLogLevel(options.logLevel ?? readHostJson(options.hostJsonPath).logLevel);
  const logger = new Logger({}, level);
  if (cluster.isPrimary) await runPrimary(options, logger.child({ role: 'primary' }));
  else await runWorker(options, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`Dev host failed: ${describeError(error)}\n`);
  process.exit(1);
});
