/**
 * Usage errors end with exit 2 before any request: the CLI runs in-process against a closed port, so a
 * request that slipped through would end with 3 (unreachable) instead.
 */
import { createServer } from 'node:net';

import { beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../cli/program';

let closedEndpoint = '';

beforeAll(async () => {
  // A port that was free a moment ago: nothing listens there.
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  await new Promise((closed) => server.close(closed));
  closedEndpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 9}`;
});

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--endpoint', closedEndpoint, ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('command-line usage', () => {
  it('When the command is unknown, then exit 2 says so', async () => {
    expect(await cli('migrate', 'vnet', 'Prod-VNet')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown command 'migrate'"),
    });
  });

  it('When an argument is missing, then exit 2 names it', async () => {
    expect(await cli('status', 'virtualNetworks')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("missing required argument 'name'"),
    });
  });

  it('When the scope kind is unknown, then exit 2 lists the kinds, and nothing is sent', async () => {
    const result = await cli('prepare', 'virtualMachines', 'web1', '--wait');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: 'virtualMachines' is not a scope kind\. Use virtualNetworks/);
  });

  it('When --destination existing lacks a name, or names come without it, then exit 2', async () => {
    expect(
      await cli('prepare', 'cs', 'contoso-ftp', '--destination', 'existing', '--vnet', 'hub'),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--destination existing needs --resource-group, --subnet'),
    });
    expect(await cli('validate', 'cs', 'contoso-ftp', '--subnet', 'apps')).toMatchObject({ code: 2 });
  });

  it('When an option value is not one of its choices or not a number, then exit 2 names the option', async () => {
    expect(await cli('validate', 'vnet', 'Prod-VNet', '--profile', 'beta')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("option '--profile <profile>' argument 'beta' is invalid"),
    });
    expect(await cli('watch', 'vnet', 'Prod-VNet', '--interval', 'soon')).toMatchObject({ code: 2 });
    expect(
      await cli(
        'batch',
        'create',
        '--name',
        'n',
        '--scopes',
        'vnet:A',
        '--phases',
        'validate',
        '--start',
        'now',
        '--duration',
        'an hour',
      ),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining("option '--duration <minutes>'") });
  });

  it('When batch create has neither a file nor the flags it needs, or both, then exit 2', async () => {
    expect(await cli('batch', 'create', '--name', 'n')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'batch create needs --file plan.json, or --scopes, --phases, --start, --duration',
      ),
    });
    expect(await cli('batch', 'create', '--file', 'plan.json', '--name', 'n')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--file holds the whole plan; drop --name'),
    });
  });

  it('When an import path does not exist, then exit 2 names it', async () => {
    expect(await cli('import', '/no/such/estate.xml')).toMatchObject({
      code: 2,
      stderr: '/no/such/estate.xml: error: no such file or folder\n',
    });
  });

  it('When --endpoint is not an http(s) URL, then exit 2', async () => {
    expect(await cli('--endpoint', 'localhost:7071', 'status', 'vnet', 'Prod-VNet')).toMatchObject({
      code: 2,
    });
  });

  it('When help or the version is asked for, then exit 0', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: classic-migrate');
    expect(help.stdout).toContain('Exit codes: 0 done');
    expect((await cli('batch', 'create', '--help')).stdout).toContain('--recur-every <recurrence>');
    expect(await cli('-V')).toMatchObject({ code: 0, stdout: 'dev\n' });
  });
});
