/**
 * Starts Azurite from node_modules on free ports, in memory, for tests that talk to storage directly.
 * Not devhost/primary/azurite-process.ts: that one forks a compiled launcher from dist/, and this global
 * setup runs from the TypeScript sources before anything is known to be built.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const devstoreKey =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteInstance {
  connectionString: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`Azurite exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`Azurite did not open port ${port}`);
}

/**
 * Starts Azurite on three free ports, again on fresh ones if it exits while starting: a port found free may
 * be taken by another process (or handed out twice) before Azurite binds it, and Azurite then exits at once.
 */
export async function startAzurite(): Promise<AzuriteInstance> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startAzuriteOnce();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function threeDistinctFreePorts(): Promise<[number, number, number]> {
  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await freePort());
  const [blob = 0, queue = 0, table = 0] = [...ports];
  return [blob, queue, table];
}

async function startAzuriteOnce(): Promise<AzuriteInstance> {
  const [blobPort, queuePort, tablePort] = await threeDistinctFreePorts();
  const child = spawn(
    process.execPath,
    [
      require.resolve('azurite/dist/src/azurite.js'),
      '--inMemoryPersistence',
      '--silent',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--blobHost',
      '127.0.0.1',
      '--queueHost',
      '127.0.0.1',
      '--tableHost',
      '127.0.0.1',
      '--blobPort',
      String(blobPort),
      '--queuePort',
      String(queuePort),
      '--tablePort',
      String(tablePort),
    ],
    { stdio: 'ignore' },
  );
  try {
    await Promise.all([waitForPort(queuePort, child), waitForPort(tablePort, child)]);
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  }
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${devstoreKey};` +
    `BlobEndpoint=http://127.0.0.1:${blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queuePort}/devstoreaccount1;` +
    `TableEndpoint=http://127.0.0.1:${tablePort}/devstoreaccount1;`;
  return {
    connectionString,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
