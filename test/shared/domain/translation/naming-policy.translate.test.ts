import { describe, expect, it } from 'vitest';

import { namedObjectKindInfo, namedObjectKinds } from '../../../../shared/domain/naming/naming-policy';
import { translateScope } from '../../../../shared/domain/translation/translate-scope';
import { testSubscriptionId } from '../../../fixtures/classic-builders';
import {
  cloudServiceEstate,
  networkSecurityGroupEstate,
  reservedIpEstate,
  routeTableEstate,
  storageAccountEstate,
  translationInput,
  vnetEstate,
} from '../../../fixtures/translation-estates';
import { prop, resource } from '../../../support/translation-lookups';

/** Every kind's default template with a `z` in front: renames every generated object. */
const prefixedTemplates = Object.fromEntries(
  namedObjectKinds.map((kind) => [kind, `z${namedObjectKindInfo[kind].defaultTemplate}`]),
);

describe('naming policy in translation', () => {
  it.each([
    ['a VNet', vnetEstate],
    ['a cloud service', cloudServiceEstate],
    ['a storage account', storageAccountEstate],
    ['a reserved IP', reservedIpEstate],
    ['an NSG', networkSecurityGroupEstate],
    ['a route table', routeTableEstate],
  ])(
    'When every kind has a template, then every resource, subnet and resource group of %s is renamed',
    (_label, make) => {
      const result = translateScope(translationInput(make(), { naming: { templates: prefixedTemplates } }));
      expect(result.namingErrors).toEqual([]);
      for (const group of result.resourceGroups) expect(group.name).toMatch(/^z/);
      for (const r of result.resources) {
        expect(r.name, r.id).toMatch(/^z/);
        expect(r.id).toMatch(/\/resourceGroups\/z/);
        for (const subnet of (prop(r, 'subnets') as { name: string }[] | undefined) ?? [])
          expect(subnet.name).toMatch(/^z/);
      }
    },
  );

  it('When a template is set for a kind, then references to the renamed resource follow', () => {
    const result = translateScope(
      translationInput(cloudServiceEstate(), {
        naming: {
          templates: {
            loadBalancer: '{cloudService}-lb',
            primaryNetworkInterface: '{vm}-nic-{cloudService}',
          },
        },
      }),
    );
    const lb = resource(result, 'Microsoft.Network/loadBalancers', 'shop-lb');
    const nic = resource(result, 'Microsoft.Network/networkInterfaces', 'shop1-nic-shop');
    expect(prop(nic, 'ipConfigurations.0.properties.loadBalancerBackendAddressPools.0.id')).toBe(
      `${lb.id}/backendAddressPools/shop-https-pool`,
    );
    expect(
      prop(
        resource(result, 'Microsoft.Compute/virtualMachines', 'shop1'),
        'networkProfile.networkInterfaces.0.id',
      ),
    ).toBe(nic.id);
  });

  it('When overrides name single objects by Classic id or object key, then those objects, their group and their references are renamed', () => {
    const cs = `/subscriptions/${testSubscriptionId}/resourceGroups/shop/providers/Microsoft.ClassicCompute/domainNames/shop`;
    const vm = `/subscriptions/${testSubscriptionId}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines/shop2`;
    const result = translateScope(
      translationInput(cloudServiceEstate(), {
        naming: {
          overrides: {
            [vm]: 'checkout-02',
            [`${cs}#cloudServiceResourceGroup`]: 'rg-shop-prod',
            [`${vm}#primaryNetworkInterface`]: 'checkout-02-nic',
          },
        },
      }),
    );
    expect(result.namingErrors).toEqual([]);
    expect(result.resourceGroups.map((g) => g.name)).toEqual(['rg-shop-prod']);
    const renamed = resource(result, 'Microsoft.Compute/virtualMachines', 'checkout-02');
    expect(renamed.id).toBe(
      `/subscriptions/${testSubscriptionId}/resourceGroups/rg-shop-prod/providers/Microsoft.Compute/virtualMachines/checkout-02`,
    );
    expect(prop(renamed, 'networkProfile.networkInterfaces.0.id')).toMatch(
      /networkInterfaces\/checkout-02-nic$/,
    );
    expect(result.accounting.find((e) => e.classicId === vm)?.armIds).toEqual([renamed.id]);
  });

  it('When a template produces names ARM rejects, then NAME_INVALID errors name the object, the proposed name and the rule', () => {
    const result = translateScope(
      translationInput(storageAccountEstate(), {
        naming: { templates: { storageAccount: 'Store_{storageAccount}' } },
      }),
    );
    expect(result.namingErrors).toEqual([
      {
        code: 'NAME_INVALID',
        message: "'Store_logs2016' contains 'S', which Microsoft.Storage/storageAccounts names do not allow",
        object: `/subscriptions/${testSubscriptionId}/resourceGroups/Default-Storage-WestUS/providers/Microsoft.ClassicStorage/storageAccounts/logs2016#storageAccount`,
        proposedName: 'Store_logs2016',
        rule: 'Microsoft.Storage/storageAccounts: 3-24 characters: lower-case letters and digits only; globally unique',
      },
    ]);
  });

  it('When a template gives two objects the same name in one resource group, then NAME_DUPLICATE is returned', () => {
    const result = translateScope(
      translationInput(cloudServiceEstate(), {
        naming: { templates: { primaryNetworkInterface: '{cloudService}-nic' } },
      }),
    );
    expect(result.namingErrors).toEqual([
      expect.objectContaining({
        code: 'NAME_DUPLICATE',
        proposedName: 'shop-nic',
        object: expect.stringMatching(/virtualMachines\/shop2#primaryNetworkInterface$/),
        rule: 'Microsoft.Network/networkInterfaces: names are unique (case-insensitive) per resource group and type',
      }),
    ]);
  });

  it('When overrides differ only in case, then they still collide', () => {
    const base = `/subscriptions/${testSubscriptionId}/resourceGroups/shop/providers/Microsoft.ClassicCompute/virtualMachines`;
    const result = translateScope(
      translationInput(cloudServiceEstate(), {
        naming: { overrides: { [`${base}/shop1`]: 'App', [`${base}/shop2`]: 'app' } },
      }),
    );
    expect(result.namingErrors.map((e) => e.code)).toEqual(['NAME_DUPLICATE']);
  });

  it('When a generated resource would replace an existing ARM resource, then NAME_TAKEN is returned', () => {
    const e = reservedIpEstate();
    const id = `/subscriptions/${testSubscriptionId}/resourceGroups/spare-ip-Migrated/providers/Microsoft.Network/publicIPAddresses/spare-ip`;
    const result = translateScope(
      translationInput(e, {
        existingArm: {
          resources: [
            {
              id,
              name: 'spare-ip',
              type: 'Microsoft.Network/publicIPAddresses',
              apiVersion: '2016-09-01',
              location: 'westus',
              properties: {},
            },
          ],
        },
      }),
    );
    expect(result.namingErrors.map((x) => x.code)).toEqual(['NAME_TAKEN']);
  });

  it('When a default key vault name would be too long, then it is cut to a valid name', () => {
    const e = vnetEstate();
    const cloudService = e.inventory.cloudServices[0]!;
    const longName = 'a-cloud-service-with-a-long-name';
    const renamed = {
      ...e,
      inventory: { ...e.inventory, cloudServices: [{ ...cloudService, name: longName }] },
    };
    const contents = {
      ...e.contents,
      deployments: [
        { cloudService: { ...cloudService, name: longName }, deployment: cloudService.deployments[0]! },
      ],
    };
    const result = translateScope(translationInput({ ...renamed, contents: contents }));
    expect(result.resources.find((r) => r.type === 'Microsoft.KeyVault/vaults')?.name).toBe(
      'KV-a-cloud-service-with',
    );
    expect(result.namingErrors).toEqual([]);
  });
});
