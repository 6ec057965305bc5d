import { describe, expect, it } from 'vitest';

import { checkStages } from '../../../../shared/domain/validation/finding';
import { ruleCatalogue } from '../../../../shared/domain/validation/rule-catalogue';
import { refusalText } from '../../../../shared/domain/validation/subscription-registration';
import { applicableRules, validateScope } from '../../../../shared/domain/validation/validate-scope';
import { validationProfileTraits } from '../../../../shared/domain/validation/validation-profile';
import {
  aCloudService,
  aDeployment,
  aNetworkSecurityGroup,
  anExtension,
  anInventory,
  aReservedIp,
  aRoleInstance,
  aRouteTable,
  testSubscriptionId,
} from '../../../fixtures/classic-builders';
import {
  anArmResource,
  aPlannedPublicIp,
  aPlannedVm,
  aValidationInput,
} from '../../../fixtures/validation-builders';
import { aVm, cloudServiceEstate, cloudServiceInput, vnetEstate, vnetInput } from './rule-cases/estate';

const codes = (outcome: ReturnType<typeof validateScope>) => outcome.findings.map((finding) => finding.code);

describe('validateScope', () => {
  describe('stages', () => {
    const bothGateways = () =>
      vnetInput(
        vnetEstate(
          {},
          {
            gateway: { connections: [{ localNetworkSiteName: 'onprem', connectionType: 'IPsec' }] },
            expressRouteGateway: {},
          },
        ),
      );

    it('When Validate runs without pre-flight, then the ARM-side checks report nothing', () => {
      const outcome = validateScope(bothGateways());

      expect(codes(outcome)).toEqual([]);
      expect(outcome.blocking).toBe(false);
    });

    it('When pre-flight is included (as Prepare does), then the ARM-side checks report and block', () => {
      const outcome = validateScope(bothGateways(), { includePreflight: true });

      expect(codes(outcome)).toEqual(['VNET_EXPRESSROUTE_AND_VPN_GATEWAYS']);
      expect(outcome.findings[0]?.stage).toBe('preflight');
      expect(outcome.blocking).toBe(true);
    });

    it('When the applicable rules are listed without pre-flight, then none of them is a pre-flight rule', () => {
      for (const kind of ['virtualNetwork', 'cloudService', 'storageAccount', 'reservedIp'] as const) {
        const stages = new Set(applicableRules(kind).map((rule) => rule.stage));
        expect(stages).toEqual(new Set(['classic']));
        expect(new Set(applicableRules(kind, { includePreflight: true }).map((rule) => rule.stage))).toEqual(
          new Set(checkStages),
        );
      }
    });
  });

  describe('profiles', () => {
    const peeredAaddsVnet = () =>
      vnetInput(vnetEstate({}, { peerings: ['vnet2'], hosts: { azureAdDomainServices: true } }));

    it('When the final platform validates, then ga rules run and preview-only rules do not', () => {
      expect(codes(validateScope(peeredAaddsVnet()))).toEqual(['VNET_PEERING']);
    });

    it('When the 2016 preview validates, then preview-only rules run and ga-only rules do not', () => {
      expect(codes(validateScope(peeredAaddsVnet(), { profile: 'preview-2016' }))).toEqual([
        'VNET_AZURE_AD_DOMAIN_SERVICES',
      ]);
    });

    it('When an unattached reserved IP, NSG and route table are validated, then only the 2016 preview refuses the first two', () => {
      const inventory = anInventory({
        reservedIps: [aReservedIp()],
        networkSecurityGroups: [aNetworkSecurityGroup()],
        routeTables: [aRouteTable()],
      });
      const inputs = [
        aValidationInput(inventory, 'reservedIp', 'rip1'),
        aValidationInput(inventory, 'networkSecurityGroup', 'nsg1'),
        aValidationInput(inventory, 'routeTable', 'rt1'),
      ];

      expect(inputs.map((input) => codes(validateScope(input)))).toEqual([[], [], []]);
      expect(inputs.map((input) => codes(validateScope(input, { profile: 'preview-2016' })))).toEqual([
        ['RESERVED_IP_UNATTACHED_NOT_SUPPORTED'],
        ['NETWORK_SECURITY_GROUP_UNATTACHED_NOT_SUPPORTED'],
        [],
      ]);
    });

    it('When the profile traits are read, then only the 2016 preview lacks a separate Validate operation', () => {
      expect(validationProfileTraits.ga.separateValidateOperation).toBe(true);
      expect(validationProfileTraits['preview-2016'].separateValidateOperation).toBe(false);
    });
  });

  describe('registration', () => {
    it('When the subscription is not registered, then the call is refused before any rule runs', () => {
      const inventory = anInventory({
        subscription: { id: testSubscriptionId, registeredForMigration: false },
      });
      const outcome = validateScope(aValidationInput(inventory, 'cloudService', 'missing'), {
        includePreflight: true,
      });

      expect(outcome.findings).toEqual([]);
      expect(outcome.blocking).toBe(true);
      expect(outcome.refusal).toMatchObject({
        code: 'SUBSCRIPTION_NOT_REGISTERED',
        errorCode: 'BadRequest',
        httpStatus: 400,
      });
      expect(refusalText(outcome.refusal!)).toBe(
        'BadRequest : Subscription is not registered for migration.',
      );
    });

    it('When the subscription is registered, then there is no refusal', () => {
      expect(validateScope(cloudServiceInput(cloudServiceEstate())).refusal).toBeUndefined();
    });
  });

  describe('clean estates', () => {
    it("When the builders' default cloud service is validated with pre-flight and planned resources within quota, then nothing is reported", () => {
      const inventory = cloudServiceEstate(
        {},
        {
          subscription: {
            id: testSubscriptionId,
            registeredForMigration: true,
            quotas: [
              { location: 'West US', resource: 'cores', limit: 10, currentUsage: 0 },
              { location: 'West US', resource: 'publicIpAddresses', limit: 10, currentUsage: 0 },
            ],
          },
        },
      );
      const outcome = validateScope(
        cloudServiceInput(inventory, {
          destination: { type: 'New' },
          plannedResources: [
            aPlannedVm('vm1', 'Standard_A1'),
            aPlannedPublicIp('svc1'),
            anArmResource({ type: 'Microsoft.Network/networkInterfaces', name: 'vm1-nic' }),
          ],
        }),
        { includePreflight: true },
      );

      expect(outcome).toEqual({ findings: [], blocking: false });
    });

    it('When a clean VNet estate is validated under both profiles, then nothing is reported', () => {
      for (const profile of ['ga', 'preview-2016'] as const)
        expect(validateScope(vnetInput(vnetEstate()), { profile, includePreflight: true })).toEqual({
          findings: [],
          blocking: false,
        });
    });

    it('When a storage account no Classic VM uses is validated, then nothing is reported', () => {
      expect(
        codes(
          validateScope(aValidationInput(anInventory(), 'storageAccount', 'teststorage'), {
            includePreflight: true,
          }),
        ),
      ).toEqual([]);
    });
  });

  describe('findings', () => {
    const mixedEstate = () =>
      cloudServiceEstate({
        autoscaleSettings: [{ name: 'scale' }],
        roles: [
          aVm('vm2', {
            alertRules: [{ name: 'cpu' }],
            extensions: [anExtension({ name: 'BGInfo', version: '1.*' })],
          }),
          aVm('vm1', { availabilitySetName: 'as1' }),
        ],
        roleInstances: [
          aRoleInstance({ roleName: 'vm2' }),
          aRoleInstance({ roleName: 'vm1', instanceStatus: 'RoleStateUnknown' }),
        ],
      });

    it('When findings of every severity are reported, then Errors come first, then Warnings, each ordered by resource, VM and code', () => {
      const outcome = validateScope(cloudServiceInput(mixedEstate()));

      expect(outcome.findings.map((f) => [f.severity, f.virtualMachineName ?? '', f.code])).toEqual([
        ['Error', '', 'DEPLOYMENT_MIXED_AVAILABILITY_SET'],
        ['Error', 'vm1', 'VM_STATE_NOT_MIGRATABLE'],
        ['Warning', '', 'DEPLOYMENT_AUTOSCALE_DROPPED'],
        ['Warning', 'vm2', 'VM_ALERT_RULES_DROPPED'],
        ['Warning', 'vm2', 'VM_XML_EXTENSION'],
      ]);
    });

    it('When the same estate lists its VMs in the other order, then the findings are identical', () => {
      const estate = mixedEstate();
      const reversed = structuredClone(estate);
      const deployment = reversed.cloudServices[0]!.deployments[0]!;
      deployment.roles.reverse();
      deployment.roleInstances.reverse();

      expect(validateScope(cloudServiceInput(reversed))).toEqual(validateScope(cloudServiceInput(estate)));
    });

    it('When only warnings are reported, then the outcome does not block', () => {
      const outcome = validateScope(
        cloudServiceInput(cloudServiceEstate({ autoscaleSettings: [{ name: 'scale' }] })),
      );

      expect(codes(outcome)).toEqual(['DEPLOYMENT_AUTOSCALE_DROPPED']);
      expect(outcome.blocking).toBe(false);
    });

    it('When a VNet holds several cloud services, then each deployment is judged and named on its own', () => {
      const inventory = vnetEstate({ regionalScope: false });
      inventory.cloudServices.push(
        aCloudService({
          name: 'svc2',
          deployments: [
            aDeployment({ name: 'dep2', virtualNetworkName: 'vnet1', regionalScope: false, roles: [] }),
          ],
        }),
      );

      expect(validateScope(vnetInput(inventory)).findings.map((f) => f.resourceName)).toEqual([
        'dep1',
        'dep2',
      ]);
    });

    it('When a rule is handed a custom rule list, then only those rules run', () => {
      const only = ruleCatalogue.filter((rule) => rule.code === 'DEPLOYMENT_AUTOSCALE_DROPPED');
      const outcome = validateScope(cloudServiceInput(mixedEstate()), { rules: only });

      expect(codes(outcome)).toEqual(['DEPLOYMENT_AUTOSCALE_DROPPED']);
    });
  });

  it('When a finding is serialised and parsed back, then it is unchanged (findings are plain data)', () => {
    const outcome = validateScope(cloudServiceInput(cloudServiceEstate({ regionalScope: false })));

    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });
});
