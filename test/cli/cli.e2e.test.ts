/**
 * `classic-migrate` end to end: the compiled CLI (`node dist/cli/main.js`) as a child process against a
 * real dev host, one per file, each test in a fresh subscription holding the e2e estate. What a person or a
 * script sees: output, files written, and exit codes (0 done, 1 failed or refused, 2 bad usage or input,
 * 3 service unavailable).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { hdInsightClusters } from '../fixtures/estate-fact-documents';
import { useDevHost } from '../support/e2e-host';
import type { MigrationApi } from '../support/migration-api';

const e2e = useDevHost();
const samples = join('test', 'fixtures', 'classic');
const cliPath = resolve('dist', 'cli', 'main.js');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with these arguments, its output piped (not a terminal), no MIGRATION_* from this shell. */
function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('MIGRATION_')),
  );
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The CLI pointed at the dev host and the test's subscription. */
const cliFor =
  (api: MigrationApi) =>
  (...args: string[]) =>
    run(['--endpoint', e2e.host.baseUrl, '--subscription', api.subscriptionId, ...args]);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'classic-migrate-'));
}

/** An hour-long window tomorrow: the batch stays Scheduled while the test drives it. */
function tomorrow(): string {
  return new Date(Date.now() + 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

describe('classic-migrate', () => {
  it('When XML files and a folder are imported, then each file reports its counts, and a malformed one is refused with its element path (exit 2)', async () => {
    const api = await e2e.freshEstate();
    const cli = cliFor(api);
    const estate = tempDir();
    mkdirSync(join(estate, 'services'));
    copyFileSync(join(samples, 'netcfg-vnets-gateway-localsites.xml'), join(estate, 'netcfg.xml'));
    copyFileSync(
      join(samples, 'hostedservice-embed-detail-2vms.xml'),
      join(estate, 'services', 'dcoddkinztest01.xml'),
    );
    writeFileSync(join(estate, 'services', 'notes.txt'), 'not an XML document: skipped');

    const imported = await cli('import', estate);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout.trim().split('\n')).toEqual([
      `${join(estate, 'netcfg.xml')}: NetworkConfiguration: virtualNetworks 23, localNetworkSites 2, dnsServers 2`,
      `${join(estate, 'services', 'dcoddkinztest01.xml')}: HostedService: cloudServices 1, deployments 1, virtualMachines 2`,
    ]);
    expect((await api.status('virtualNetwork', 'VnetForGateway')).state).toBe('None');

    const bad = join(tempDir(), 'bad.xml');
    writeFileSync(
      bad,
      '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><RoleList><Role></RoleList></Deployment>',
    );
    const refused = await cli('--json', 'import', bad, join(estate, 'netcfg.xml'), '--cloud-service', 'x');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /bad\.xml: error: MalformedXml: .*\(at \/Deployment\/RoleList\/Role, line 1:\d+\)/,
    );
    const outcomes = JSON.parse(refused.stdout) as {
      file: string;
      status: number;
      body: Record<string, unknown>;
    }[];
    expect(outcomes).toMatchObject([
      { file: bad, status: 400, body: { error: { code: 'MalformedXml' } } },
      { status: 200, body: { kind: 'NetworkConfiguration', counts: { virtualNetworks: 23 } } },
    ]);
  });

  it('When a folder holds an estate-facts JSON document, then it is imported too, named after its file', async () => {
    const api = await e2e.freshEstate();
    const cli = cliFor(api);
    const facts = tempDir();
    writeFileSync(
      join(facts, 'hdinsight-clusters.json'),
      JSON.stringify(hdInsightClusters(api.subscriptionId, 'Prod-VNet')),
    );

    const imported = await cli('import', facts);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      `${join(facts, 'hdinsight-clusters.json')}: Microsoft.HDInsight/clusters`,
    );
    const status = await api.status('virtualNetwork', 'Prod-VNet');
    expect(status.facts).toEqual([
      expect.objectContaining({
        kind: 'hdInsightCluster',
        source: { document: 'hdinsight-clusters.json', documentKind: 'Microsoft.HDInsight/clusters' },
      }),
    ]);
  });

  it('When a VNet is validated, planned, prepared and committed through the CLI, then each step exits 0 and the piped progress is plain lines', async () => {
    const api = await e2e.freshEstate();
    const cli = cliFor(api);

    const validated = await cli(
      '--json',
      'validate',
      'virtualNetworks',
      'Prod-VNet',
      '--preflight',
      '--wait',
    );
    expect(validated.code).toBe(0);
    const record = JSON.parse(validated.stdout) as {
      status: string;
      operation: string;
      findings: { severity: string }[];
    };
    expect(record).toMatchObject({ status: 'Succeeded', operation: 'validate' });
    expect(record.findings.filter((finding) => finding.severity === 'Error')).toEqual([]);

    const plan = await cli('plan', 'vnet', 'Prod-VNet');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Resources to create (');
    expect(plan.stdout).toMatch(/web1\s+Microsoft\.Compute\/virtualMachines\s+contoso-web-Migrated/);
    expect(plan.stdout).toContain('Downtime: no.');
    expect(plan.stdout).toMatch(/RBAC: \d+ Classic resource IDs? mapped/);
    expect(plan.stdout).toMatch(/Estimate \(Azure's platform\): validate ~\d+ s, prepare ~[\d.]+ min/);

    const prepared = await cli('prepare', 'vnet', 'Prod-VNet', '--wait', '--interval', '0.2');
    expect(prepared.code).toBe(0);
    // Piped: plain lines, no carriage returns or escape codes of a terminal bar.
    expect(prepared.stdout).not.toContain('\r');
    expect(prepared.stdout).not.toContain('\u001b[');
    const lines = prepared.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^prepare virtualNetworks\/Prod-VNet: (Queued|InProgress|\d+\/\d+ \(\d+%\) .+, ETA .+)$/,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^prepare virtualNetworks\/Prod-VNet: Succeeded, state Prepared \(operation [0-9a-f-]{36}\)$/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}ARM resources: \d+$/));

    const status = await cli('--json', 'status', 'virtualNetworks', 'Prod-VNet');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'Prepared', locked: true });
    const readable = await cli('status', 'vnet', 'Prod-VNet');
    expect(readable.stdout).toMatch(/^State: +Prepared, locked since /m);
    expect(readable.stdout).toMatch(/^ {2}prepare +Succeeded /m);

    const watched = await cli('watch', 'vnet', 'Prod-VNet', '--interval', '0.2');
    expect(watched).toMatchObject({ code: 0 });
    expect(watched.stdout).toMatch(/virtualNetworks\/Prod-VNet: no operation runs/);

    const output = join(tempDir(), 'web.template.json');
    const exported = await cli(
      'export',
      'template',
      'vnet',
      'Prod-VNet',
      '--resource-group',
      'contoso-web-Migrated',
      '-o',
      output,
    );
    expect(exported).toMatchObject({ code: 0, stdout: '' });
    expect(exported.stderr).toContain(`Wrote ${output}`);
    const template = JSON.parse(readFileSync(output, 'utf8')) as { $schema: string; resources: unknown[] };
    expect(template.$schema).toMatch(/deploymentTemplate\.json#$/);
    expect(template.resources.length).toBeGreaterThan(0);

    const committed = await cli('commit', 'vnet', 'Prod-VNet', '--wait', '--interval', '0.2');
    expect(committed.code).toBe(0);
    expect(committed.stdout).toMatch(/^commit virtualNetworks\/Prod-VNet: Succeeded, state Committed/m);
    expect((await api.status('virtualNetwork', 'Prod-VNet')).state).toBe('Committed');
  });

  it('When validation finds errors, then validate --wait exits 1 with each error and its recommendation', async () => {
    const cli = cliFor(await e2e.freshEstate());
    const result = await cli('validate', 'vnet', 'Legacy-VNet', '--wait', '--interval', '0.2');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^validate virtualNetworks\/Legacy-VNet: Failed/m);
    expect(result.stdout).toMatch(/^ {2}Error \S+ \(.+\): .+$/m);
    expect(result.stdout).toMatch(/^ {4}recommendation: .+$/m);
  });

  it('When the Classic configuration of a cloud service is exported, then the XML goes to stdout', async () => {
    const cli = cliFor(await e2e.freshEstate());
    const result = await cli('export', 'classic', 'cs', 'contoso-ftp');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<HostedService xmlns="http:\/\/schemas.microsoft.com\/windowsazure"/);
  });

  it('When the kind is unknown or the scope does not exist, then exit 2; when the state refuses the operation, exit 1', async () => {
    const cli = cliFor(await e2e.freshEstate());
    expect(await cli('status', 'virtualMachines', 'web1')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("'virtualMachines' is not a scope kind"),
    });
    expect(await cli('prepare', 'vnet', 'No-Such-VNet')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: ResourceNotFound: /),
    });
    expect(await cli('commit', 'cs', 'contoso-ftp')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: NotPrepared: /),
    });
  });

  it('When the service cannot be reached or refuses the credentials, then exit 3', async () => {
    const closed = createTcpServer();
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise((done) => closed.close(done));
    const unreachable = await run([
      '--endpoint',
      `http://127.0.0.1:${closedPort}`,
      'status',
      'vnet',
      'Prod-VNet',
    ]);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toMatch(
      /^error: ECONNREFUSED: cannot reach the service at http:\/\/127\.0\.0\.1:\d+/,
    );

    let authorization: string | undefined;
    const guarded = createHttpServer((request, response) => {
      authorization = request.headers.authorization;
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'Unauthorized', message: 'The token is not valid.' } }));
    });
    await new Promise<void>((listening) => guarded.listen(0, '127.0.0.1', listening));
    try {
      const port = (guarded.address() as { port: number }).port;
      const refused = await run(['status', 'vnet', 'Prod-VNet'], {
        MIGRATION_ENDPOINT: `http://127.0.0.1:${port}`,
        MIGRATION_TOKEN: 'expired-token',
      });
      expect(refused).toMatchObject({ code: 3, stderr: 'error: Unauthorized: The token is not valid.\n' });
      expect(authorization).toBe('Bearer expired-token');
    } finally {
      await new Promise((done) => guarded.close(done));
    }
  });

  it('When a batch is created, listed, paused, resumed and cancelled through the CLI, then each command shows its status', async () => {
    const api = await e2e.freshEstate();
    const cli = cliFor(api);
    const created = await cli(
      '--json',
      'batch',
      'create',
      '--name',
      'wave 1',
      '--scopes',
      'vnet:Prod-VNet,cs:contoso-ftp',
      '--phases',
      'validate,prepare',
      '--start',
      tomorrow(),
      '--duration',
      '60',
      '--recur-every',
      'Day',
      '--max-concurrent',
      '2',
      '--on-failure',
      'continue',
    );
    expect(created.code).toBe(0);
    const batch = JSON.parse(created.stdout) as { batchId: string; status: string; maxConcurrent: number };
    expect(batch).toMatchObject({ status: 'Scheduled', maxConcurrent: 2 });

    const status = await cli('batch', 'status', batch.batchId);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`Batch ${batch.batchId} 'wave 1': Scheduled`);
    expect(status.stdout).toMatch(/KIND +NAME +STATUS +STATE +PHASE\/OPERATION +NOTE/);
    expect(status.stdout).toMatch(/virtualNetworks +Prod-VNet +Pending +None/);
    expect(status.stdout).toMatch(/cloudServices +contoso-ftp +Pending +None/);

    const list = await cli('batch', 'list');
    expect(list.stdout).toMatch(new RegExp(`^${batch.batchId} +wave 1 +Scheduled +validate,prepare`, 'm'));

    expect((await cli('batch', 'pause', batch.batchId)).stdout).toBe(
      `Batch ${batch.batchId} 'wave 1': Paused\n`,
    );
    expect((await cli('batch', 'resume', batch.batchId)).stdout).toBe(
      `Batch ${batch.batchId} 'wave 1': Scheduled\n`,
    );
    expect((await cli('batch', 'cancel', batch.batchId)).stdout).toBe(
      `Batch ${batch.batchId} 'wave 1': Cancelled\n`,
    );
    // A cancelled batch cannot resume: the service refuses (409), exit 1.
    expect(await cli('batch', 'resume', batch.batchId)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: BatchStateConflict: /),
    });
    expect(await cli('batch', 'status', 'no-such-batch')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: BatchNotFound: /),
    });

    // The same plan as a file: the body of POST /api/batches as it is.
    const planFile = join(tempDir(), 'plan.json');
    writeFileSync(
      planFile,
      JSON.stringify({
        name: 'nightly check',
        selector: { kind: 'virtualNetworks' },
        phases: ['validate'],
        window: {
          start: '2030-01-01T01:00',
          durationMinutes: 60,
          timeZone: 'Europe/Paris',
          recurEvery: 'Day',
        },
      }),
    );
    const fromFile = await cli('batch', 'create', '--file', planFile);
    expect(fromFile.stdout).toMatch(/^Batch [0-9a-f-]+ 'nightly check': Scheduled/);
    expect(fromFile.code).toBe(0);
    writeFileSync(
      planFile,
      JSON.stringify({ name: 'no phases', scopes: [{ kind: 'vnet', name: 'Prod-VNet' }] }),
    );
    expect(await cli('batch', 'create', '--file', planFile)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: InvalidInput: The batch plan is not valid: /),
    });
  });
});
