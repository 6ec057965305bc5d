/**
 * Smoke test of the benchmark: a small estate (one VNet and one standalone cloud service) through a dev host
 * of its own, end to end. It checks that the run completes and writes the JSON figures; never their values
 * (speed belongs to the benchmark, not to tests). `npm test` builds first, so dist/ exists.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

function runBenchmark(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [resolve('dist/scripts/benchmark-migration.js'), ...args], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A run that hangs is stopped (it stops its dev host) so the failure shows its output.
    const timer = setTimeout(() => child.kill('SIGTERM'), 240_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

describe('benchmark-migration', () => {
  it('When run on 100 VMs with one worker, then it migrates every scope and writes the JSON figures', async () => {
    const jsonPath = join(mkdtempSync(join(tmpdir(), 'bench-smoke-')), 'bench.json');
    const run = await runBenchmark([
      ...['--vms', '100', '--workers', '1', '--ceiling-seconds', '1', '--timeout', '180', '--json', jsonPath],
    ]);
    expect(run.code, `${run.stderr.slice(-3000)}\n${run.stdout.slice(-3000)}`).toBe(0);
    expect(run.stdout).toContain('| VMs per second');

    const results = JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown>;
    expect(results).toMatchObject({
      benchmark: 'classic-migration-estate',
      vms: 105,
      scopes: 2,
      failures: [],
      target: { kind: 'own-dev-host', workers: 1 },
      machine: { cpus: expect.any(Number), node: process.version },
    });
    for (const field of [
      'vmsPerSecond',
      'ceilingRatio',
      'queueCeilingRatio',
      'peakMemoryMb',
      'endToEndSeconds',
    ])
      expect(results[field], field).toEqual(expect.any(Number));
    expect(results.ceiling).toMatchObject({
      tableEntityWritesPerSecond: expect.any(Number),
      queueSendsPerSecond: expect.any(Number),
    });
    const phases = results.phases as { phase: string; succeeded: number; counts?: unknown }[];
    expect(phases.map((phase) => phase.phase)).toEqual(['import', 'validate', 'prepare', 'commit']);
    for (const phase of phases.slice(1)) expect(phase.succeeded, phase.phase).toBe(2);
    expect(results.counts).toMatchObject({
      tableEntityWrites: expect.any(Number),
      storage: { table: { reads: expect.any(Number) }, queue: { sends: expect.any(Number) } },
    });
  }, 300_000);
});
