/**
 * The classic xplat CLI (`azure-cli` 0.10.20, `azure config mode asm`, D7, C5) running the migration
 * commands against the dev host. The CLI is large and deprecated, so it is installed apart from the
 * project (`npm ci --prefix scripts/classic-cli --ignore-scripts`, see docs/service-management.md); without
 * it these tests are skipped. `CLASSIC_CLI` may name another `bin/azure`.
 *
 * The CLI reads its subscription from `~/.azure/azureProfile.json`; each run gets its own HOME with a
 * profile whose subscription points `managementEndpointUrl` at the dev host and carries a throw-away
 * management certificate (sent only over TLS, so unused against the dev host's plain HTTP).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  aCloudService,
  anInventory,
  aStorageAccount,
  aVirtualNetwork,
} from '../../fixtures/classic-builders';
import {
  type ServiceManagementHost,
  startServiceManagementHost,
} from '../../support/service-management-host';
import { uniqueSubscriptionId } from '../../support/storage';

const cliPath = process.env.CLASSIC_CLI ?? resolve('scripts/classic-cli/node_modules/azure-cli/bin/azure');
const installed = existsSync(cliPath);

/** Each command starts a Node process that compiles the CLI's streamline sources: seconds, not millis. */
const cliTimeoutMs = 120_000;

interface CliRun {
  exitCode: number;
  output: string;
}

let sm: ServiceManagementHost;
let home: string;
const subscriptionId = uniqueSubscriptionId();

function azure(...args: string[]): Promise<CliRun> {
  return new Promise((settle) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      { env: { ...process.env, HOME: home }, timeout: cliTimeoutMs, encoding: 'utf8' },
      (error, stdout, stderr) => {
        settle({ exitCode: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

describe.skipIf(!installed)('classic xplat CLI (azure config mode asm)', () => {
  beforeAll(async () => {
    sm = await startServiceManagementHost();
    await sm.seed(
      anInventory({
        subscription: { id: subscriptionId, registeredForMigration: true },
        virtualNetworks: [aVirtualNetwork({ name: 'cli-vnet' })],
        cloudServices: [aCloudService({ name: 'clisvc' })],
        storageAccounts: [aStorageAccount({ name: 'clistore' })],
      }),
    );
    home = mkdtempSync(join(tmpdir(), 'classic-cli-'));
    const certificate = await generate([{ name: 'commonName', value: 'classic-cli-test' }], {
      keySize: 2048,
    });
    mkdirSync(join(home, '.azure'));
    writeFileSync(join(home, '.azure', 'telemetry.json'), JSON.stringify({ telemetry: false }));
    writeFileSync(join(home, '.azure', 'config.json'), JSON.stringify({ mode: 'asm' }));
    writeFileSync(
      join(home, '.azure', 'azureProfile.json'),
      JSON.stringify({
        environments: [],
        subscriptions: [
          {
            id: subscriptionId,
            name: 'devhost',
            isDefault: true,
            registeredProviders: [],
            environmentName: 'AzureCloud',
            managementEndpointUrl: sm.baseUrl,
            managementCertificate: { key: certificate.private, cert: certificate.cert },
          },
        ],
      }),
    );
  }, cliTimeoutMs);

  afterAll(async () => {
    await sm?.stop();
  });

  it(
    'When a VNet is validated, prepared and committed with `azure network vnet`, then each command succeeds and the VNet shows Prepared in between',
    async () => {
      expect(await azure('network', 'vnet', 'validate-migration', 'cli-vnet')).toMatchObject({ exitCode: 0 });
      expect(await azure('network', 'vnet', 'prepare-migration', 'cli-vnet')).toMatchObject({ exitCode: 0 });

      const listed = await azure('network', 'vnet', 'list', '--json');
      expect(listed.exitCode).toBe(0);
      const sites = JSON.parse(
        listed.output.slice(listed.output.indexOf('['), listed.output.lastIndexOf(']') + 1),
      ) as {
        name: string;
        migrationState?: string;
      }[];
      expect(sites.map((site) => [site.name, site.migrationState])).toEqual([['cli-vnet', 'Prepared']]);

      expect(await azure('network', 'vnet', 'commit-migration', 'cli-vnet')).toMatchObject({ exitCode: 0 });
    },
    5 * cliTimeoutMs,
  );

  it(
    'When a cloud service and a storage account are validated with the CLI, then the commands succeed',
    async () => {
      const deployment = await azure(
        'service',
        'deployment',
        'validate-migration',
        'clisvc',
        'clisvc',
        'new',
        '',
        '',
        '',
      );
      expect(deployment.exitCode).toBe(0);
      expect(deployment.output).toContain('validateDeploymentMessages');
      expect(await azure('storage', 'account', 'validate-migration', 'clistore')).toMatchObject({
        exitCode: 0,
      });
    },
    3 * cliTimeoutMs,
  );

  it(
    "When the VNet does not exist, then prepare-migration fails with Azure's text",
    async () => {
      const run = await azure('network', 'vnet', 'prepare-migration', 'no-such-vnet');
      expect(run.exitCode).not.toBe(0);
      expect(run.output).toContain("Virtual network 'no-such-vnet' not found.");
    },
    2 * cliTimeoutMs,
  );
});
