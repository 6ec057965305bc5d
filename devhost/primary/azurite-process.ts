/**
 * Starts Azurite (blob, queue, table) for the dev host on free ports, in memory or persisted under
 * `DATA_DIR/azurite`, and stops it after the workers. Ports are chosen by Azurite itself (`--*Port 0`) and
 * read back from its start-up lines, so two dev hosts never clash.
 */
import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '../logging/logger';
import { stopAzuriteMessage } from './ipc-messages';

/** Azurite's well-known development account. */
export const devStoreAccount = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
} as const;

const startTimeoutMs = 30_000;
const stopTimeoutMs = 10_000;

export interface AzuriteEndpoints {
  blobPort: number;
  queuePort: number;
  tablePort: number;
}

export function azuriteConnectionString(endpoints: AzuriteEndpoints): string {
  const base = 'http://127.0.0.1';
  return (
    `DefaultEndpointsProtocol=http;AccountName=${devStoreAccount.name};AccountKey=${devStoreAccount.key};` +
    `BlobEndpoint=${base}:${endpoints.blobPort}/${devStoreAccount.name};` +
    `QueueEndpoint=${base}:${endpoints.queuePort}/${devStoreAccount.name};` +
    `TableEndpoint=${base}:${endpoints.tablePort}/${devStoreAccount.name};`
  );
}

export class AzuriteProcess {
  readonly #child: ChildProcess;
  readonly endpoints: Promise<AzuriteEndpoints>;
  #exited: Promise<void>;

  private constructor(child: ChildProcess, logger: Logger) {
    this.#child = child;
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.endpoints = new Promise((resolve, reject) => {
      const ports: Partial<Record<'Blob' | 'Queue' | 'Table', number>> = {};
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`Azurite did not start within ${startTimeoutMs} ms: ${output}`)),
        startTimeoutMs,
      );
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (chunk: string) => {
        output += chunk;
        for (const match of chunk.matchAll(
          /Azurite (Blob|Queue|Table) service is successfully listening at \S+:(\d+)/g,
        )) {
          ports[match[1] as 'Blob' | 'Queue' | 'Table'] = Number(match[2]);
        }
        if (ports.Blob && ports.Queue && ports.Table) {
          clearTimeout(timer);
          resolve({ blobPort: ports.Blob, queuePort: ports.Queue, tablePort: ports.Table });
        }
      });
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        output += chunk;
        logger.warn('Azurite: ' + chunk.trim(), { event: 'azurite' });
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited during start-up (code ${String(code)}): ${output}`));
      });
    });
  }

  static start(options: { dataDir: string; inMemory: boolean }, logger: Logger): AzuriteProcess {
    const flags = [
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
      '--blobPort',
      '0',
      '--queuePort',
      '0',
      '--tablePort',
      '0',
    ];
    if (options.inMemory) {
      flags.push('--inMemoryPersistence');
    } else {
      const location = join(options.dataDir, 'azurite');
      mkdirSync(location, { recursive: true });
      flags.push('--location', location);
    }
    const child = fork(join(__dirname, 'azurite-launcher.js'), flags, {
      // Own process group: a terminal Ctrl-C must reach the dev host only; it stops Azurite last.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Not the dev host's own node flags: a relative `--env-file` would not resolve from Azurite's cwd.
      execArgv: [],
      cwd: options.inMemory ? tmpdir() : join(options.dataDir, 'azurite'),
    });
    return new AzuriteProcess(child, logger);
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    if (this.#child.connected) this.#child.send(stopAzuriteMessage);
    else this.#child.kill('SIGTERM');
    const stopped = await Promise.race([
      this.#exited.then(() => true),
      delay(stopTimeoutMs).then(() => false),
    ]);
    if (!stopped) {
      this.#child.kill('SIGKILL');
      await this.#exited;
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
