import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { tableNames } from '../../shared/contracts/names';
import { property, stringLiterals } from '../support/bicep';
import { evaluate } from '../support/bicep-eval';
import { bicepFiles, loadInfra, moduleOfMain, onlyResource, projectRoot } from '../support/infra';
import { exportedTableConstants } from '../support/source-contracts';

/** Every table the code opens: names.ts plus the adapters' own `…Table` constants. */
function tablesTheCodeUses(): string[] {
  const adapters = exportedTableConstants(join(projectRoot, 'shared', 'adapters', 'tables'));
  return [...new Set([...Object.values(tableNames), ...adapters])];
}

describe('infra security and storage', () => {
  it.each(bicepFiles())('When %s is read, then it never lists keys or embeds a key or SAS', (file) => {
    const bicep = loadInfra(file);
    const listCalls = bicep.root
      .descendantsOfType('call_expression')
      .filter((call) => /(^|\.)list[A-Z]\w*$/.test(call.childForFieldName('function')?.text ?? ''));
    expect(listCalls.map((call) => call.text)).toEqual([]);
    for (const literal of stringLiterals(bicep.root)) {
      expect(literal).not.toMatch(/AccountKey=|SharedAccessKey|SharedAccessSignature|sig=/i);
    }
  });

  it('When the storage account is created, then shared keys and public blobs are off and TLS 1.2 is the minimum', () => {
    const storage = moduleOfMain('storage');
    expect(
      evaluate(
        property(onlyResource(storage, 'Microsoft.Storage/storageAccounts').body, 'properties')!,
        storage,
      ),
    ).toMatchObject({
      allowSharedKeyAccess: false,
      allowBlobPublicAccess: false,
      minimumTlsVersion: 'TLS1_2',
      supportsHttpsTrafficOnly: true,
    });
  });

  it('When the code opens its tables, then each is pre-created', () => {
    const created = moduleOfMain('storage').lookup('tableNames');
    expect(tablesTheCodeUses()).toContain('ScopeIndex');
    expect([...(created as string[])].sort()).toEqual(tablesTheCodeUses().sort());
  });

  it('When Flex deploys the package, then its blob container is created', () => {
    const storage = moduleOfMain('storage');
    const app = moduleOfMain('functionApp');
    expect(storage.lookup('containerNames')).toContainEqual(app.lookup('deploymentContainerName'));
  });

  it('When telemetry is sent, then Application Insights accepts Entra ID only and lives in a workspace', () => {
    const monitoring = moduleOfMain('monitoring');
    const insights = onlyResource(monitoring, 'Microsoft.Insights/components');
    expect(evaluate(property(insights.body, 'properties.DisableLocalAuth')!, monitoring)).toBe(true);
    expect(property(insights.body, 'properties.WorkspaceResourceId')?.text).toBe('workspace.id');
    const workspace = onlyResource(monitoring, 'Microsoft.OperationalInsights/workspaces');
    expect(evaluate(property(workspace.body, 'properties.features.disableLocalAuth')!, monitoring)).toBe(
      true,
    );
  });

  it('When secrets are stored, then Key Vault uses RBAC and stores a secret only when a value is given', () => {
    const keyVault = moduleOfMain('keyVault');
    const vault = onlyResource(keyVault, 'Microsoft.KeyVault/vaults');
    expect(evaluate(property(vault.body, 'properties.enableRbacAuthorization')!, keyVault)).toBe(true);
    const secrets = keyVault.file.resourcesOfType('Microsoft.KeyVault/vaults/secrets');
    expect(secrets).toHaveLength(3);
    for (const secret of secrets) expect(secret.condition?.text).toMatch(/^\(!empty\(\w+\)\)$/);
  });
});
