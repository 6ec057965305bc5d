/**
 * Our serialisers write Azure's element order from their own tables, not by echoing kept XML: a model
 * stripped of every kept element still serialises to a subsequence of the recorded document.
 */
import { describe, expect, it } from 'vitest';

import { serializeDeployment } from '../../../../shared/adapters/service-management/serialize/serialize-deployment';
import { serializeHostedService } from '../../../../shared/adapters/service-management/serialize/serialize-hosted-service';
import { serializeRole } from '../../../../shared/adapters/service-management/serialize/serialize-role';
import { serializeStorageService } from '../../../../shared/adapters/service-management/serialize/serialize-storage-service';
import { serializeVirtualNetworkSites } from '../../../../shared/adapters/service-management/serialize/serialize-virtual-network-sites';
import { aStorageAccount, aVirtualNetwork, aVmRole } from '../../../fixtures/classic-builders';
import { elementPaths, isSubsequence, parseSample, readSample, sampleFiles } from './fixtures';
import { aRichCloudService } from './rich-builders';

/** A deep copy with every `unknownElements` list emptied: only what the model holds is left. */
function withoutKeptXml<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === 'unknownElements' ? [] : v)) as T;
}

describe('When a recorded Deployment is serialised from the model alone', () => {
  it.each([
    sampleFiles.reservedIpDeployment,
    sampleFiles.extensionDeployment,
    sampleFiles.multiNicDeployment,
    sampleFiles.probeDeployment,
  ])('then the element sequence of %s follows the recorded one', (file) => {
    const deployment = withoutKeptXml(parseSample(file).inventoryPart.deployments![0]!.deployment);
    const ours = elementPaths(serializeDeployment(deployment));
    const azure = elementPaths(readSample(file));
    expect(isSubsequence(ours, azure)).toBe(true);
    // Everything modelled is written: only elements the model does not hold are missing.
    const missing = azure.filter((path) => !ours.includes(path)).map((path) => path.split('/').pop());
    expect(new Set(missing)).toEqual(
      new Set(
        [
          'Configuration',
          'InstanceUpgradeDomain',
          'InstanceFaultDomain',
          'InstanceStateDetails',
          'InstanceEndpoints',
          'InstanceEndpoint',
          'PublicPort',
          'LocalPort',
          'Name',
          'Vip',
          'Protocol',
          'RemoteAccessCertificateThumbprint',
          'ProtocolVersion',
          'Timestamp',
          'GuestAgentVersion',
          'FormattedMessage',
          'Language',
          'Message',
          'ExtensionSettingStatus',
          'Operation',
          'Status',
          'MacAddress',
          'IPForwarding',
          'SubnetName',
          'UpgradeDomainCount',
          'OsVersion',
          'SdkVersion',
          'Locked',
          'RollbackAllowed',
          'ExtendedProperties',
          'PersistentVMDowntime',
          'StartTime',
          'EndTime',
          'VirtualNetworkId',
        ].filter((name) => missing.includes(name)),
      ),
    );
  });

  it('then the HostedService envelope follows the recorded sequence too', () => {
    const service = withoutKeptXml(parseSample(sampleFiles.hostedService).inventoryPart.cloudServices![0]!);
    const ours = elementPaths(serializeHostedService(service));
    expect(isSubsequence(ours, elementPaths(readSample(sampleFiles.hostedService)))).toBe(true);
    expect(ours.slice(0, 4)).toEqual([
      '/HostedService',
      '/HostedService/ServiceName',
      '/HostedService/HostedServiceProperties',
      '/HostedService/HostedServiceProperties/Description',
    ]);
  });
});

describe('When migration states are given', () => {
  it('then every Role of a Deployment ends with its MigrationState', () => {
    const deployment = aRichCloudService().deployments[0]!;
    const xml = serializeDeployment(deployment, {
      roleMigrationStates: { web1: 'Prepared', WEB2: 'Preparing' },
    });
    expect(xml).toContain('</DebugSettings><MigrationState>Prepared</MigrationState></Role>');
    expect(xml).toContain(
      '<ProvisionGuestAgent>true</ProvisionGuestAgent><MigrationState>Preparing</MigrationState></Role>',
    );
  });

  it('then Get Role is a PersistentVMRole body ending with MigrationState', () => {
    const xml = serializeRole(aVmRole({ name: 'vm1' }), { migrationState: 'Prepared' });
    expect(xml).toBe(
      '<PersistentVMRole xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">' +
        '<RoleName>vm1</RoleName><RoleType>PersistentVMRole</RoleType><ConfigurationSets>' +
        '<ConfigurationSet i:type="NetworkConfigurationSet"><ConfigurationSetType>NetworkConfiguration</ConfigurationSetType>' +
        '<SubnetNames/></ConfigurationSet></ConfigurationSets><DataVirtualHardDisks/><OSVirtualHardDisk>' +
        '<HostCaching>ReadWrite</HostCaching><DiskName>vm1-os</DiskName>' +
        '<MediaLink>https://teststorage.blob.core.windows.net/vhds/vm1-os.vhd</MediaLink><OS>Windows</OS>' +
        '</OSVirtualHardDisk><RoleSize>Small</RoleSize><ProvisionGuestAgent>true</ProvisionGuestAgent>' +
        '<MigrationState>Prepared</MigrationState></PersistentVMRole>',
    );
  });

  it('then a VirtualNetworkSite carries MigrationState after Location', () => {
    const xml = serializeVirtualNetworkSites(
      [aVirtualNetwork({ name: 'Group rg vnet1', id: 'id-1', state: 'Created' })],
      {
        migrationStates: { 'group rg vnet1': 'Committing' },
      },
    );
    expect(xml).toBe(
      '<VirtualNetworkSites xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">' +
        '<VirtualNetworkSite><Name>Group rg vnet1</Name><Id>id-1</Id><State>Created</State>' +
        '<AddressSpace><AddressPrefixes><AddressPrefix>10.0.0.0/16</AddressPrefix></AddressPrefixes></AddressSpace>' +
        '<Subnets><Subnet><Name>Subnet-1</Name><AddressPrefix>10.0.0.0/24</AddressPrefix></Subnet></Subnets>' +
        '<Location>West US</Location><MigrationState>Committing</MigrationState></VirtualNetworkSite></VirtualNetworkSites>',
    );
  });

  it('then a StorageService carries MigrationState last', () => {
    const xml = serializeStorageService(aStorageAccount({ label: 'teststorage' }), {
      migrationStates: { teststorage: 'Prepared' },
    });
    expect(xml).toBe(
      '<StorageService xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">' +
        '<ServiceName>teststorage</ServiceName><StorageServiceProperties><Description i:nil="true"/>' +
        '<Location>West US</Location><Label>dGVzdHN0b3JhZ2U=</Label><Status>Created</Status>' +
        '<AccountType>Standard_GRS</AccountType></StorageServiceProperties>' +
        '<MigrationState>Prepared</MigrationState></StorageService>',
    );
  });
});
