import { describe, expect, it } from 'vitest';

import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import {
  blobEndpointOf,
  dataDiskSizeMatches,
} from '../../../../shared/domain/translation/virtual-machine.translate';
import {
  aCloudService,
  aDataDisk,
  aDeployment,
  anInventory,
  aVmRole,
} from '../../../fixtures/classic-builders';
import {
  certificateThumbprint,
  estate,
  translationInput,
  vnetEstate,
} from '../../../fixtures/translation-estates';
import { validateArmResource } from '../../../support/arm-schema-validator';
import { entry, prop, resource } from '../../../support/translation-lookups';

describe('virtual machine translation', () => {
  const result = translateScope(translationInput(vnetEstate()));
  const web1 = resource(result, 'Microsoft.Compute/virtualMachines', 'web1');
  const web2 = resource(result, 'Microsoft.Compute/virtualMachines', 'web2');

  it('When a VM migrates, then it keeps its name, gets the ARM size of its Classic size and an empty computer name', () => {
    expect(web1.apiVersion).toBe('2016-03-30');
    expect(web1.id).toMatch(
      /\/resourceGroups\/web-Migrated\/providers\/Microsoft\.Compute\/virtualMachines\/web1$/,
    );
    expect(prop(web1, 'hardwareProfile.vmSize')).toBe('Standard_A2');
    expect(prop(web1, 'osProfile.computerName')).toBe('');
    expect(prop(web2, 'osProfile')).toEqual({ computerName: '' });
  });

  it('When a VM migrates, then its disks stay unmanaged: the same VHD URIs, attached, with caching and OS type', () => {
    expect(prop(web2, 'storageProfile.osDisk')).toEqual({
      name: 'web2-os',
      osType: 'Linux',
      vhd: { uri: 'https://teststorage.blob.core.windows.net/vhds/web2-os.vhd' },
      caching: 'ReadWrite',
      createOption: 'Attach',
    });
    expect(prop(web1, 'storageProfile.dataDisks.0')).toEqual({
      lun: 0,
      name: 'web1-data0',
      vhd: { uri: 'https://teststorage.blob.core.windows.net/vhds/data-0.vhd' },
      caching: 'None',
      createOption: 'Attach',
      diskSizeGB: 128,
    });
  });

  it('When a data disk blob size does not match its logical size, then the disk migrates without a size', () => {
    expect(prop(web1, 'storageProfile.dataDisks.1')).not.toHaveProperty('diskSizeGB');
    expect(entry(result, 'DataDisk', 'web1-data1')).toMatchObject({
      outcome: 'migrated',
      note: expect.stringContaining('size omitted'),
    });
  });

  it.each([
    [undefined, true],
    [128 * 1024 ** 3, true],
    [128 * 1024 ** 3 + 512, true],
    [100 * 1024 ** 3, false],
  ])(
    'When the blob of a 128 GB data disk has %s bytes, then the size matches: %s',
    (blobSizeBytes, matches) => {
      expect(
        dataDiskSizeMatches(
          aDataDisk({ logicalDiskSizeInGB: 128, ...(blobSizeBytes === undefined ? {} : { blobSizeBytes }) }),
        ),
      ).toBe(matches);
    },
  );

  it('When the cloud service has certificates, then a key vault holds them and the VM references it in osProfile.secrets and its HTTPS WinRM listener', () => {
    const vault = resource(result, 'Microsoft.KeyVault/vaults', 'KV-web');
    expect(vault.properties).toMatchObject({
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      enabledForDeployment: true,
    });
    const url = `https://kv-web.vault.azure.net/secrets/sha1-${certificateThumbprint}`;
    expect(prop(web1, 'osProfile.secrets')).toEqual([
      { sourceVault: { id: vault.id }, vaultCertificates: [{ certificateUrl: url, certificateStore: 'My' }] },
    ]);
    expect(prop(web1, 'osProfile.windowsConfiguration')).toEqual({
      provisionVMAgent: true,
      winRM: { listeners: [{ protocol: 'Https', certificateUrl: url }, { protocol: 'Http' }] },
    });
    expect(entry(result, 'ServiceCertificate', certificateThumbprint)).toMatchObject({
      outcome: 'migrated',
      armIds: [vault.id],
    });
  });

  it('When boot diagnostics are on, then storageUri is the blob endpoint of the screenshot account', () => {
    expect(prop(web1, 'diagnosticsProfile')).toEqual({
      bootDiagnostics: { enabled: true, storageUri: 'https://diagstore.blob.core.windows.net/' },
    });
    expect(blobEndpointOf('https://x.blob.core.windows.net/c/b.vhd')).toBe(
      'https://x.blob.core.windows.net/',
    );
    expect(blobEndpointOf('not a uri')).toBeUndefined();
  });

  it('When VMs share a Classic availability set, then one availability set resource holds them and each VM points at it', () => {
    const set = resource(result, 'Microsoft.Compute/availabilitySets', 'web-as');
    expect(set.properties).toEqual({
      platformFaultDomainCount: 2,
      platformUpdateDomainCount: 5,
      virtualMachines: [{ id: web1.id }, { id: web2.id }],
    });
    expect(prop(web1, 'availabilitySet')).toEqual({ id: set.id });
  });

  it('When a VM has secondary NICs, then its network profile lists the primary NIC first and flags it', () => {
    expect(prop(web1, 'networkProfile.networkInterfaces')).toEqual([
      { id: expect.stringMatching(/web1-PrimaryNic$/), properties: { primary: true } },
      { id: expect.stringMatching(/web1-nic2$/), properties: { primary: false } },
    ]);
  });

  it('When a deployment has alerts and autoscale settings, then they are dropped with the reason', () => {
    const role = aVmRole({ alertRules: [{ name: 'cpu-high' }] });
    const deployment = aDeployment({ roles: [role], autoscaleSettings: [{ name: 'scale' }] });
    const inventory = anInventory({ cloudServices: [aCloudService({ deployments: [deployment] })] });
    const translated = translateScope(translationInput(estate(inventory, 'cloudService', 'svc1')));
    expect(entry(translated, 'AlertRule', 'cpu-high')).toMatchObject({
      outcome: 'dropped',
      reason: expect.stringContaining('dropped'),
    });
    expect(entry(translated, 'AutoscaleSetting', 'scale')).toMatchObject({ outcome: 'dropped' });
  });

  it('When a deployment has a web role, then the role is refused as PaaS', () => {
    const deployment = aDeployment({
      roles: [aVmRole(), { name: 'frontend', roleType: 'WebRole', unknownElements: [] }],
    });
    const inventory = anInventory({ cloudServices: [aCloudService({ deployments: [deployment] })] });
    const translated = translateScope(translationInput(estate(inventory, 'cloudService', 'svc1')));
    expect(entry(translated, 'WebWorkerRole', 'frontend')).toMatchObject({
      outcome: 'refused',
      reason:
        'Migration is not supported for Deployment svc1 in HostedService svc1 because it is a PaaS deployment (Web/Worker).',
    });
  });
});

describe('Hybrid Use Benefit', () => {
  function translatedVm(licenseType?: 'Windows_Server' | 'Windows_Client') {
    const role = aVmRole({ name: 'hub1', ...(licenseType ? { licenseType } : {}) });
    const inventory = anInventory({
      cloudServices: [
        aCloudService({ name: 'hub', deployments: [aDeployment({ name: 'hub', roles: [role] })] }),
      ],
    });
    const result = translateScope(translationInput(estate(inventory, 'cloudService', 'hub')));
    return resource(result, 'Microsoft.Compute/virtualMachines', 'hub1');
  }

  it.each(['Windows_Server', 'Windows_Client'] as const)(
    'When a Classic VM has LicenseType %s, then the ARM VM keeps it as licenseType and still validates against the 2016-03-30 schema',
    (licenseType) => {
      const vm = translatedVm(licenseType);

      expect(prop(vm, 'licenseType')).toBe(licenseType);
      expect(validateArmResource(vm).errors).toEqual([]);
    },
  );

  it('When a Classic VM has no LicenseType, then the ARM VM has no licenseType', () => {
    expect(translatedVm().properties).not.toHaveProperty('licenseType');
  });
});
