/**
 * Elements the model does not hold are kept verbatim on the nearest model object and written back in
 * their place, so an export loses nothing an import read.
 */
import { describe, expect, it } from 'vitest';

import { parseServiceManagementDocument } from '../../../../shared/adapters/service-management/parse-service-management-document';
import { serializeDeployment } from '../../../../shared/adapters/service-management/serialize/serialize-deployment';
import { serializeNetworkConfiguration } from '../../../../shared/adapters/service-management/serialize/serialize-network-configuration';
import type { Deployment, PersistentVmRole } from '../../../../shared/domain/classic/compute.schema';
import { readSample, sampleFiles, valueOf } from './fixtures';

function parseDeployment(xml: string): Deployment {
  return valueOf(parseServiceManagementDocument(xml, { cloudServiceName: 'svc' })).inventoryPart
    .deployments![0]!.deployment;
}

function vmOf(deployment: Deployment): PersistentVmRole {
  const role = deployment.roles[0];
  if (role?.roleType !== 'PersistentVMRole') throw new Error('expected a VM');
  return role;
}

/** The probe sample with unknown and unmodelled elements added at several depths. */
const enriched = readSample(sampleFiles.probeDeployment)
  .replace(
    '<UpgradeDomainCount>',
    '<UpgradeStatus><UpgradeType>Auto</UpgradeType></UpgradeStatus><UpgradeDomainCount>',
  )
  .replace(
    '<LoadBalancers/>',
    '<LoadBalancers/><FutureDeploymentSetting mode="on"><Inner>x &amp; y</Inner></FutureDeploymentSetting>',
  )
  .replace(
    '<IOType>Standard</IOType></OSVirtualHardDisk>',
    '<IOType>Standard</IOType><ResizedSizeInGB>64</ResizedSizeInGB></OSVirtualHardDisk>',
  )
  .replace(
    '<EnableDirectServerReturn>true</EnableDirectServerReturn>',
    '<EnableDirectServerReturn>true</EnableDirectServerReturn><VirtualIPName>second</VirtualIPName>',
  )
  .replace(
    '</ConfigurationSet></ConfigurationSets>',
    '</ConfigurationSet><ConfigurationSet i:type="LinuxProvisioningConfigurationSet"><ConfigurationSetType>LinuxProvisioningConfiguration</ConfigurationSetType><HostName>vm</HostName></ConfigurationSet></ConfigurationSets>',
  )
  .replace(
    '<ProvisionGuestAgent>true</ProvisionGuestAgent></Role>',
    '<ProvisionGuestAgent>true</ProvisionGuestAgent><LicenseType>Windows_Server</LicenseType><x:Extra xmlns:x="urn:other">1</x:Extra></Role>',
  )
  .replace(
    '<Name>ClitestVm8365ContractContract</Name>',
    '<Name>ClitestVm8365ContractContract</Name><IsReserved>false</IsReserved>',
  )
  .replace('<DataVirtualHardDisks/>', '<ResourceExtensionReferences/><DataVirtualHardDisks/>')
  .replace(
    '</GuestAgentStatus></RoleInstance>',
    '</GuestAgentStatus><MaintenanceStatus><IsCustomerInitiatedMaintenanceAllowed>false</IsCustomerInitiatedMaintenanceAllowed></MaintenanceStatus></RoleInstance>',
  );

describe('When a document has elements the model does not hold', () => {
  const deployment = parseDeployment(enriched);
  const written = serializeDeployment(deployment);

  it('then they are kept on the nearest model object, named by their relative path', () => {
    expect(deployment.unknownElements.map((u) => u.name)).toContain('FutureDeploymentSetting');
    expect(vmOf(deployment).unknownElements).toEqual(
      expect.arrayContaining([
        { name: 'OSVirtualHardDisk/ResizedSizeInGB', xml: '<ResizedSizeInGB>64</ResizedSizeInGB>' },
        {
          name: "ConfigurationSets/ConfigurationSet[ConfigurationSetType='NetworkConfiguration']/InputEndpoints/InputEndpoint[1]/VirtualIPName",
          xml: '<VirtualIPName>second</VirtualIPName>',
        },
        { name: 'x:Extra', xml: '<x:Extra xmlns:x="urn:other">1</x:Extra>' },
      ]),
    );
  });

  it('then every one of them is written back verbatim', () => {
    for (const fragment of [
      '<FutureDeploymentSetting mode="on"><Inner>x &amp; y</Inner></FutureDeploymentSetting>',
      '<ResizedSizeInGB>64</ResizedSizeInGB>',
      '<VirtualIPName>second</VirtualIPName>',
      '<ConfigurationSet i:type="LinuxProvisioningConfigurationSet"><ConfigurationSetType>LinuxProvisioningConfiguration</ConfigurationSetType><HostName>vm</HostName></ConfigurationSet>',
      '<x:Extra xmlns:x="urn:other">1</x:Extra>',
      '<IsReserved>false</IsReserved>',
      '<ResourceExtensionReferences/>',
    ]) {
      expect(written).toContain(fragment);
    }
  });

  it('then elements Azure knows go back to their slot, and elements nobody knows go last', () => {
    expect(written).toContain(
      '</RoleInstanceList><UpgradeStatus><UpgradeType>Auto</UpgradeType></UpgradeStatus><UpgradeDomainCount>',
    );
    expect(written).toContain(
      '<IOType>Standard</IOType><ResizedSizeInGB>64</ResizedSizeInGB></OSVirtualHardDisk>',
    );
    expect(written).toContain('</GuestAgentStatus><MaintenanceStatus>');
    expect(written).toMatch(/<LoadBalancers\/><FutureDeploymentSetting mode="on">.*<\/Deployment>$/);
    const withState = serializeDeployment(deployment, { roleMigrationStates: { ClitestVm8365: 'Prepared' } });
    expect(withState).toContain(
      '<LicenseType>Windows_Server</LicenseType><MigrationState>Prepared</MigrationState><x:Extra xmlns:x="urn:other">1</x:Extra></Role>',
    );
  });

  it('then a known element written out of place moves to Azure’s slot', () => {
    const misplaced = readSample(sampleFiles.probeDeployment).replace(
      '<PowerState>Started</PowerState>',
      '<MaintenanceStatus/><PowerState>Started</PowerState>',
    );
    expect(serializeDeployment(parseDeployment(misplaced))).toContain(
      '</GuestAgentStatus><MaintenanceStatus/></RoleInstance>',
    );
  });

  it('then the round trip is stable: the same model, then the same bytes', () => {
    expect(parseDeployment(written)).toEqual(deployment);
    expect(serializeDeployment(parseDeployment(written))).toBe(written);
    expect(written.length).toBe(enriched.length);
  });

  it('then a modelled value replaces the kept placeholder of the same element', () => {
    const role = vmOf(deployment);
    const withExtension: Deployment = {
      ...deployment,
      roles: [
        {
          ...role,
          extensions: [
            {
              referenceName: 'BGInfo',
              publisher: 'Microsoft.Compute',
              name: 'BGInfo',
              version: '1.*',
              state: 'Enable',
              parameters: [],
            },
          ],
        },
      ],
      virtualIps: deployment.virtualIps.map((vip) => ({ ...vip, isReserved: true })),
    };
    const xml = serializeDeployment(withExtension);
    expect(xml).not.toContain('<ResourceExtensionReferences/>');
    expect(xml).toContain(
      '<ResourceExtensionReferences><ResourceExtensionReference><ReferenceName>BGInfo</ReferenceName>',
    );
    expect(xml).toContain('<IsReserved>true</IsReserved>');
    expect(xml).not.toContain('<IsReserved>false</IsReserved>');
  });
});

describe('When a netcfg has elements the model does not hold', () => {
  const netcfg = readSample(sampleFiles.netcfg)
    .replace(
      '<VPNGatewayAddress>200.200.200.200</VPNGatewayAddress>',
      '<VPNGatewayAddress>200.200.200.200</VPNGatewayAddress>\r\n        <BgpSettings asn="65010" />',
    )
    .replace('</VirtualNetworkSites>', '</VirtualNetworkSites>\r\n    <FutureSection />');

  it('then elements inside a site survive and elements with no model object are reported', () => {
    const parsed = valueOf(parseServiceManagementDocument(netcfg));
    const { dnsServers = [], localNetworkSites = [], virtualNetworks = [] } = parsed.inventoryPart;
    expect(localNetworkSites[0]?.unknownElements).toEqual([
      { name: 'BgpSettings', xml: '<BgpSettings asn="65010" />' },
    ]);
    expect(serializeNetworkConfiguration({ dnsServers, localNetworkSites, virtualNetworks })).toContain(
      '<VPNGatewayAddress>200.200.200.200</VPNGatewayAddress>\r\n        <BgpSettings asn="65010" />',
    );
    expect(parsed.notes).toEqual([
      '/NetworkConfiguration/VirtualNetworkConfiguration/FutureSection is not part of the Classic model and was not imported.',
    ]);
  });
});
