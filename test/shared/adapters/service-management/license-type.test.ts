/**
 * `LicenseType` (Hybrid Use Benefit) on a Classic VM role: read into the model, written back in Azure's
 * slot, and refused when it is not one of the values Service Management documents.
 */
import { describe, expect, it } from 'vitest';

import { parseServiceManagementDocument } from '../../../../shared/adapters/service-management/parse-service-management-document';
import { serializeDeployment } from '../../../../shared/adapters/service-management/serialize/serialize-deployment';
import type { Deployment, PersistentVmRole } from '../../../../shared/domain/classic/compute.schema';
import { errorOf, readSample, sampleFiles, valueOf } from './fixtures';

const withLicense = (value: string) =>
  readSample(sampleFiles.probeDeployment).replace(
    '<ProvisionGuestAgent>true</ProvisionGuestAgent></Role>',
    `<ProvisionGuestAgent>true</ProvisionGuestAgent><LicenseType>${value}</LicenseType></Role>`,
  );

function parseDeployment(xml: string): Deployment {
  return valueOf(parseServiceManagementDocument(xml, { cloudServiceName: 'svc' })).inventoryPart
    .deployments![0]!.deployment;
}

function vmOf(deployment: Deployment): PersistentVmRole {
  const role = deployment.roles[0];
  if (role?.roleType !== 'PersistentVMRole') throw new Error('expected a VM');
  return role;
}

describe('LicenseType on a Classic VM role', () => {
  it.each(['Windows_Server', 'Windows_Client'] as const)(
    'When a role has LicenseType %s, then the model holds it and it is no longer kept as an unknown element',
    (value) => {
      const vm = vmOf(parseDeployment(withLicense(value)));

      expect(vm.licenseType).toBe(value);
      expect(vm.unknownElements.map((u) => u.name)).not.toContain('LicenseType');
    },
  );

  it('When a role has no LicenseType, then the model has none (pay-as-you-go)', () => {
    expect(vmOf(parseDeployment(readSample(sampleFiles.probeDeployment))).licenseType).toBeUndefined();
  });

  it('When the deployment is written back, then LicenseType is in its slot after DebugSettings and before MigrationState', () => {
    const deployment = parseDeployment(withLicense('Windows_Server'));

    expect(serializeDeployment(deployment)).toContain(
      '<ProvisionGuestAgent>true</ProvisionGuestAgent><LicenseType>Windows_Server</LicenseType></Role>',
    );
    expect(serializeDeployment(deployment, { roleMigrationStates: { ClitestVm8365: 'Prepared' } })).toContain(
      '<LicenseType>Windows_Server</LicenseType><MigrationState>Prepared</MigrationState></Role>',
    );
    expect(parseDeployment(serializeDeployment(deployment))).toEqual(deployment);
  });

  it('When LicenseType holds a value Service Management does not document, then the document is refused naming the element', () => {
    const error = errorOf(
      parseServiceManagementDocument(withLicense('RHEL_BYOS'), { cloudServiceName: 'svc' }),
    );

    expect(error.message).toContain('RHEL_BYOS');
    expect(JSON.stringify(error)).toContain('LicenseType');
  });
});
