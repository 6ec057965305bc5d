/**
 * Starts the dev host (`node dist/devhost/main.js`) as a child process for a test: in-memory Azurite unless a
 * data directory is given, free ports, and resolved only once `GET <healthPath>` answers 200 (i.e. every
 * trigger serves). `npm test` builds first, so dist/ exists.
 *
 *   const host = await startDevHost({ app: 'dist/test/fixtures/devhost-app/*.js', hostJson: '...' });
 *   await fetch(`${host.baseUrl}/api/health`);
 *   await host.stop();
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { z } from 'zod';

import { waitFor } from './wait-for';

export interface StartDevHostOptions {
  /** App glob (default: package.json `main`, i.e. the product's functions). */
  app?: string;
  /** host.json path (default: the project's host.json). */
  hostJson?: string;
  workers?: number;
  /** Persist Azurite under `<dataDir>/azurite`; without it Azurite runs in memory. */
  dataDir?: string;
  env?: Record<string, string>;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Also serve HTTPS (self-signed certificate under the data directory). */
  https?: boolean;
  /** The health route to wait for (default `/api/health`). */
  healthPath?: string;
  startTimeoutMs?: number;
}

export interface DevHost {
  baseUrl: string;
  httpsUrl: string | undefined;
  /** Trust it with NODE_EXTRA_CA_CERTS (or `ca:`) to call `httpsUrl`. */
  caCertPath: string | undefined;
  storageConnectionString: string;
  dataDir: string;
  pid: number;
  azuritePid: number | undefined;
  /** Every stdout/stderr line so far. */
  logs(): string[];
  /** SIGTERM (a clean shutdown); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL the primary and its workers at once (Azurite notices and stops itself). */
  kill(): Promise<void>;
}

const listeningSchema = z.object({
  event: z.literal('listening'),
  url: z.string(),
  httpsUrl: z.string().optional(),
  certificatePath: z.string().optional(),
  storageConnectionString: z.string(),
  azuritePid: z.number().optional(),
});

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

export async function startDevHost(options: StartDevHostOptions = {}): Promise<DevHost> {
  const root = process.cwd();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'devhost-test-'));
  const args = [resolve(root, 'dist/devhost/main.js')];
  if (options.app) args.push('--app', options.app);
  if (options.hostJson) args.push('--host-json', options.hostJson);
  if (options.workers) args.push('--workers', String(options.workers));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port ?? 0),
    DATA_DIR: dataDir,
    DEVHOST_IN_MEMORY: options.dataDir ? 'false' : 'true',
    // The dev host is where rehearsal faults are on (as `npm start` sets it in .devhost.env).
    FAULTS_ENABLED: 'true',
    ...(options.https ? { HTTPS_PORT: '0' } : {}),
    ...options.env,
  };
  delete env.AZURITE_CONNECTION_STRING;
  // Own process group, so kill() can take down the primary and its workers together.
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  let listening: z.infer<typeof listeningSchema> | undefined;
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (!listening && line.includes('"listening"')) {
          const parsed = listeningSchema.safeParse(safeJson(line));
          if (parsed.success) listening = parsed.data;
        }
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code) => {
      running.delete(child);
      resolveExit(code);
    });
  });

  const healthPath = options.healthPath ?? '/api/health';
  try {
    const ready = await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`the dev host exited with code ${child.exitCode}`);
        if (!listening) return undefined;
        const response = await fetch(`${listening.url}${healthPath}`);
        await response.arrayBuffer();
        return response.status === 200 ? listening : undefined;
      },
      {
        timeoutMs: options.startTimeoutMs ?? 45_000,
        intervalMs: 100,
        what: `the dev host to answer ${healthPath}`,
      },
    );
    return {
      baseUrl: ready.url,
      httpsUrl: ready.httpsUrl,
      caCertPath: ready.certificatePath,
      storageConnectionString: ready.storageConnectionString,
      dataDir,
      pid: child.pid ?? -1,
      azuritePid: ready.azuritePid,
      logs: () => [...lines],
      stop: async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        return exited;
      },
      kill: async () => {
        killGroup(child, 'SIGKILL');
        await exited;
      },
    };
  } catch (error) {
    killGroup(child, 'SIGKILL');
    throw new Error(`${(error as Error).message}\n--- dev host output ---\n${lines.slice(-40).join('\n')}`);
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
