/**
 * The `preview-2016` profile, statement by statement: each thing the project says the May 2016 public
 * preview did (or refused) has one test here, set against the final platform (`ga`) where the two differ.
 * The preview's own document is
 * https://github.com/zhenjiao-ms/test-azure-content/blob/5ef37d9660943ed706687179bb656daaa2bcabb0/articles/virtual-machines/virtual-machines-windows-migration-classic-resource-manager.md
 * (its "Unsupported features", "Unsupported configurations" and FAQ sections).
 *
 * How Validate and Prepare behave under the profile at the edges (JSON API, Service Management) is tested
 * with the per-subscription profile: test/shared/handlers/migration-profile.handler.test.ts and
 * test/shared/handlers/service-management/migration-profile.handler.test.ts.
 */
import { describe, expect, it } from 'vitest';

import type { Severity } from '../../../../shared/domain/validation/finding';
import { validateScope } from '../../../../shared/domain/validation/validate-scope';
import type { ValidationInput } from '../../../../shared/domain/validation/validation-context';
import {
  standaloneValidateRefusal,
  type ValidationProfile,
  validationProfileTraits,
} from '../../../../shared/domain/validation/validation-profile';
import {
  aNetworkSecurityGroup,
  anExtension,
  anInventory,
  aPaasRole,
  aReservedIp,
  aRoleInstance,
  aStorageAccount,
} from '../../../fixtures/classic-builders';
import { aValidationInput } from '../../../fixtures/validation-builders';
import {
  anotherServiceInVnet,
  aVm,
  aVnetVm,
  cloudServiceEstate,
  cloudServiceInput,
  vnetEstate,
  vnetInput,
} from './rule-cases/estate';

/** `[code, severity]` of every finding, as Prepare sees them (pre-flight included). */
function findings(input: ValidationInput, profile: ValidationProfile): [string, Severity][] {
  return validateScope(input, { profile, includePreflight: true }).findings.map((finding) => [
    finding.code,
    finding.severity,
  ]);
}

const blocks = (input: ValidationInput, profile: ValidationProfile) =>
  validateScope(input, { profile, includePreflight: true }).blocking;

const withExtension = (extension: ReturnType<typeof anExtension>) =>
  cloudServiceInput(
    cloudServiceEstate({
      roles: [aVm('vm1', { extensions: [extension] })],
      roleInstances: [
        aRoleInstance({
          roleName: 'vm1',
          extensionStatuses: [{ handlerName: `${extension.publisher}.${extension.name}`, status: 'Ready' }],
        }),
      ],
    }),
  );

const hosting = (hosts: Record<string, unknown>) => vnetInput(vnetEstate({}, { hosts }));

describe('preview-2016: the statements of the May 2016 preview', () => {
  it('When a stand-alone Validate is asked under the 2016 preview, then it is refused (Prepare validates first); the final platform has one', () => {
    expect(validationProfileTraits['preview-2016'].separateValidateOperation).toBe(false);
    expect(standaloneValidateRefusal('preview-2016')).toEqual({
      code: 'NoSeparateValidate',
      message: expect.stringContaining('Prepare validates first and, when validation fails, changes nothing'),
    });
    expect(standaloneValidateRefusal('ga')).toBeUndefined();
  });

  it('When a VM has boot diagnostics enabled on a Standard account, then the 2016 preview refuses it and the final platform migrates it', () => {
    const input = cloudServiceInput(
      cloudServiceEstate(
        {
          roles: [
            aVm('vm1', {
              debugSettings: {
                bootDiagnosticsEnabled: true,
                serialOutputBlobUri: 'https://diagstore.blob.core.windows.net/bootdiagnostics/vm1.log',
              },
            }),
          ],
        },
        { storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'diagstore' })] },
      ),
    );

    expect(findings(input, 'preview-2016')).toEqual([['VM_BOOT_DIAGNOSTICS_NOT_SUPPORTED', 'Error']]);
    expect(findings(input, 'ga')).toEqual([]);
  });

  it('When a storage account is migrated under the 2016 preview, then it is refused; the final platform migrates it', () => {
    const input = aValidationInput(anInventory(), 'storageAccount', 'teststorage');

    expect(findings(input, 'preview-2016')).toEqual([['STORAGE_ACCOUNT_MIGRATION_NOT_SUPPORTED', 'Error']]);
    expect(blocks(input, 'preview-2016')).toBe(true);
    expect(findings(input, 'ga')).toEqual([]);
  });

  it('When a VM is protected by Azure Site Recovery, then the 2016 preview refuses it while the final platform only warns', () => {
    const input = withExtension(
      anExtension({ publisher: 'Microsoft.Azure.RecoveryServices.SiteRecovery', name: 'LinuxAgent' }),
    );

    expect(findings(input, 'preview-2016')).toEqual([['VM_SITE_RECOVERY_NOT_SUPPORTED', 'Error']]);
    expect(findings(input, 'ga')).toEqual([['VM_SITE_RECOVERY_EXTENSION', 'Warning']]);
    expect(blocks(input, 'ga')).toBe(false);
  });

  it('When a VM has Azure Backup’s snapshot extension, then the 2016 preview refuses it (as the final platform does)', () => {
    const input = withExtension(
      anExtension({ publisher: 'Microsoft.Azure.RecoveryServices', name: 'VMSnapshot' }),
    );

    expect(findings(input, 'preview-2016')).toEqual([['VM_SNAPSHOT_EXTENSION', 'Error']]);
    expect(findings(input, 'ga')).toEqual([['VM_SNAPSHOT_EXTENSION', 'Error']]);
  });

  it('When an unassociated reserved IP or network security group is migrated, then the 2016 preview refuses both; the final platform migrates them', () => {
    const inventory = anInventory({
      reservedIps: [aReservedIp()],
      networkSecurityGroups: [aNetworkSecurityGroup()],
    });
    const reservedIp = aValidationInput(inventory, 'reservedIp', 'rip1');
    const nsg = aValidationInput(inventory, 'networkSecurityGroup', 'nsg1');

    expect(findings(reservedIp, 'preview-2016')).toEqual([['RESERVED_IP_UNATTACHED_NOT_SUPPORTED', 'Error']]);
    expect(findings(nsg, 'preview-2016')).toEqual([
      ['NETWORK_SECURITY_GROUP_UNATTACHED_NOT_SUPPORTED', 'Error'],
    ]);
    expect([findings(reservedIp, 'ga'), findings(nsg, 'ga')]).toEqual([[], []]);
  });

  it('When a VNet has a site-to-site, point-to-site or ExpressRoute gateway, then the 2016 preview refuses it', () => {
    const vpn = vnetInput(
      vnetEstate(
        {},
        { gateway: { connections: [{ localNetworkSiteName: 'onprem', connectionType: 'IPsec' }] } },
      ),
    );
    const expressRoute = vnetInput(vnetEstate({}, { expressRouteGateway: {} }));

    expect(findings(vpn, 'preview-2016')).toEqual([['VNET_GATEWAY_NOT_SUPPORTED', 'Error']]);
    expect(findings(expressRoute, 'preview-2016')).toEqual([['VNET_GATEWAY_NOT_SUPPORTED', 'Error']]);
    expect(findings(vpn, 'ga')).toEqual([]);
  });

  it('When an endpoint has an access control list, then the 2016 preview refuses the VM (as the final platform does)', () => {
    const input = cloudServiceInput(
      cloudServiceEstate({
        roles: [
          aVm('vm1', {
            network: {
              inputEndpoints: [
                {
                  name: 'rdp',
                  protocol: 'tcp',
                  port: 3389,
                  localPort: 3389,
                  acl: [{ order: 1, action: 'permit', remoteSubnet: '203.0.113.0/24' }],
                },
              ],
            },
          }),
        ],
      }),
    );

    expect(findings(input, 'preview-2016')).toEqual([['VM_ENDPOINT_ACL', 'Error']]);
  });

  it('When a VM has the Visual Studio Debugger, Web Deploy or Remote Debugging, then the 2016 preview refuses it while the final platform drops them with a warning', () => {
    for (const extension of [
      anExtension({ publisher: 'Microsoft.VisualStudio.WindowsAzure.RemoteDebug', name: 'VS2013Debugger' }),
      anExtension({
        publisher: 'Microsoft.VisualStudio.WindowsAzure.DevTest',
        name: 'WebDeployForVSDevTest',
      }),
      anExtension({
        publisher: 'Microsoft.VisualStudio.WindowsAzure.RemoteDebug',
        name: 'RemoteDebugVS2013',
      }),
    ]) {
      expect(findings(withExtension(extension), 'preview-2016'), extension.name).toEqual([
        ['VM_XML_EXTENSION', 'Error'],
      ]);
      expect(findings(withExtension(extension), 'ga'), extension.name).toEqual([
        ['VM_XML_EXTENSION', 'Warning'],
      ]);
    }
  });

  it('When a cloud service holds web or worker roles, or a VNet holds them beside VMs, then the 2016 preview refuses it', () => {
    const cloudService = cloudServiceInput(cloudServiceEstate({ roles: [aPaasRole({ name: 'web1' })] }));
    const estate = vnetEstate();
    estate.cloudServices.push(anotherServiceInVnet('paas1', [aPaasRole()]));

    expect(findings(cloudService, 'preview-2016')).toEqual([['DEPLOYMENT_PAAS', 'Error']]);
    expect(findings(vnetInput(estate), 'preview-2016')).toEqual([['VNET_PAAS_DEPLOYMENTS', 'Error']]);
  });

  it('When a VNet holds Azure AD Domain Services, then the 2016 preview refuses it and the final platform migrates it', () => {
    const input = hosting({ azureAdDomainServices: true });

    expect(findings(input, 'preview-2016')).toEqual([['VNET_AZURE_AD_DOMAIN_SERVICES', 'Error']]);
    expect(findings(input, 'ga')).toEqual([]);
  });

  it('When a VNet holds an App Service Environment, HDInsight or VMs managed by Dynamics Lifecycle Services, then the 2016 preview refuses it', () => {
    expect(
      [
        hosting({ appServiceEnvironment: true }),
        hosting({ hdInsight: true }),
        hosting({ dynamicsLcs: true }),
      ].map((input) => findings(input, 'preview-2016')),
    ).toEqual([
      [['VNET_APP_SERVICE_ENVIRONMENT', 'Error']],
      [['VNET_HDINSIGHT', 'Error']],
      [['VNET_DYNAMICS_LCS', 'Error']],
    ]);
  });

  it('When a cloud service has more than one availability set, or VMs both in and out of one, then the 2016 preview refuses it', () => {
    const twoSets = cloudServiceInput(
      cloudServiceEstate({
        roles: [aVm('vm1', { availabilitySetName: 'as1' }), aVm('vm2', { availabilitySetName: 'as2' })],
      }),
    );
    const mixed = cloudServiceInput(
      cloudServiceEstate({ roles: [aVm('vm1', { availabilitySetName: 'as1' }), aVm('vm2')] }),
    );

    expect(findings(twoSets, 'preview-2016')).toEqual([['DEPLOYMENT_MULTIPLE_AVAILABILITY_SETS', 'Error']]);
    expect(findings(mixed, 'preview-2016')).toEqual([['DEPLOYMENT_MIXED_AVAILABILITY_SET', 'Error']]);
  });

  it('When a VM references several subnets, or sits in a VNet without a subnet, then the 2016 preview refuses it', () => {
    const twoSubnets = vnetInput(
      vnetEstate({
        roles: [
          aVnetVm('vm1', {
            network: {
              subnetNames: ['Subnet-1'],
              networkInterfaces: [{ name: 'nic2', ipConfigurations: [{ subnetName: 'Subnet-2' }] }],
            },
          }),
        ],
      }),
    );
    const noSubnet = vnetInput(vnetEstate({ roles: [aVm('vm1')] }));

    expect(findings(twoSubnets, 'preview-2016')).toEqual([['VM_MULTIPLE_SUBNETS', 'Error']]);
    expect(findings(noSubnet, 'preview-2016')).toEqual([['VM_WITHOUT_SUBNET', 'Error']]);
  });

  it('When VMs have alert rules or the cloud service has an Autoscale policy, then the 2016 preview migrates them and says the settings are dropped', () => {
    const input = cloudServiceInput(
      cloudServiceEstate({
        autoscaleSettings: [{ name: 'scale-web' }],
        roles: [aVm('vm1', { alertRules: [{ name: 'cpu-high' }] })],
      }),
    );

    expect(findings(input, 'preview-2016')).toEqual([
      ['DEPLOYMENT_AUTOSCALE_DROPPED', 'Warning'],
      ['VM_ALERT_RULES_DROPPED', 'Warning'],
    ]);
    expect(blocks(input, 'preview-2016')).toBe(false);
  });

  it('When a VM is licensed through the Hybrid Use Benefit, then the 2016 preview flags it and the final platform keeps the licence silently', () => {
    const input = cloudServiceInput(
      cloudServiceEstate({ roles: [aVm('vm1', { licenseType: 'Windows_Server' })] }),
    );

    expect(findings(input, 'preview-2016')).toContainEqual(['VM_HYBRID_USE_BENEFIT', 'Warning']);
    expect(findings(input, 'ga').map(([code]) => code)).not.toContain('VM_HYBRID_USE_BENEFIT');
  });

  it('When a virtual network or one of its subnets has spaces in its name, then the 2016 preview refuses it; the final platform migrates it', () => {
    const spaced = vnetEstate(
      {
        virtualNetworkName: 'Prod VNet',
        roles: [aVnetVm('vm1', { network: { subnetNames: ['Front End'] } })],
      },
      { name: 'Prod VNet', subnets: [{ name: 'Front End', addressPrefix: '10.0.0.0/24' }] },
    );
    const input = aValidationInput(spaced, 'virtualNetwork', 'Prod VNet');

    expect(findings(input, 'preview-2016')).toContainEqual(['VNET_NAME_WITH_SPACES', 'Error']);
    expect(blocks(input, 'preview-2016')).toBe(true);
    expect(blocks(input, 'ga')).toBe(false);
  });
});
