import { describe, expect, it } from 'vitest';

import { applyDemoFacts } from '../../../shared/demo/apply-demo-facts';
import { type DemoFacts, demoFactsSchema } from '../../../shared/demo/demo-facts.schema';
import {
  aCloudService,
  aDataDisk,
  aDeployment,
  anInventory,
  aVirtualNetwork,
  aVmRole,
} from '../../fixtures/classic-builders';

const sqlVm = aVmRole({
  name: 'sql01',
  dataDisks: [aDataDisk({ lun: 0 }), aDataDisk({ lun: 1, diskName: 'log' })],
});
const estate = () =>
  anInventory({
    subscription: { id: 'sub-1' },
    cloudServices: [
      aCloudService({ name: 'sql', deployments: [aDeployment({ name: 'sql', roles: [sqlVm] })] }),
    ],
    virtualNetworks: [
      aVirtualNetwork({
        name: 'Hub',
        gateway: { connections: [{ localNetworkSiteName: 'HQ' }] },
      }),
    ],
  });

const facts = (overrides: Record<string, unknown> = {}): DemoFacts =>
  demoFactsSchema.parse({ subscription: { registeredForMigration: true }, ...overrides });

describe('applyDemoFacts', () => {
  it('When facts name resources in any case, then only the given fields are set and the rest is kept', () => {
    const result = applyDemoFacts(
      estate(),
      facts({
        cloudServices: [
          {
            name: 'SQL',
            deployments: [
              {
                name: 'sql',
                roles: [
                  {
                    name: 'SQL01',
                    alertRules: [{ name: 'cpu' }],
                    dataDisks: [{ lun: 1, blobSizeBytes: 42 }],
                  },
                ],
              },
            ],
          },
        ],
        virtualNetworks: [{ name: 'hub', peerings: ['arm-vnet'], gateway: { vipAddress: '1.2.3.4' } }],
      }),
    );
    const role = result.cloudServices[0]?.deployments[0]?.roles[0];
    if (role?.roleType !== 'PersistentVMRole') throw new Error('expected the VM');
    expect(role.alertRules).toEqual([{ name: 'cpu' }]);
    expect(role.dataDisks.map((d) => [d.lun, d.blobSizeBytes])).toEqual([
      [0, undefined],
      [1, 42],
    ]);
    expect(result.virtualNetworks[0]?.peerings).toEqual(['arm-vnet']);
    expect(result.virtualNetworks[0]?.gateway).toMatchObject({
      vipAddress: '1.2.3.4',
      connections: [{ localNetworkSiteName: 'HQ' }],
    });
    expect(result.subscription).toMatchObject({ id: 'sub-1', registeredForMigration: true });
  });

  it('When a role assignment scope holds the subscription token, then it names the inventory subscription', () => {
    const result = applyDemoFacts(
      estate(),
      facts({
        roleAssignments: [
          {
            principalId: 'p',
            principalType: 'User',
            roleDefinitionName: 'Reader',
            scope: '/subscriptions/{subscriptionId}/resourceGroups/rg',
          },
        ],
      }),
    );
    expect(result.roleAssignments[0]?.scope).toBe('/subscriptions/sub-1/resourceGroups/rg');
  });

  it.each([
    [{ cloudServices: [{ name: 'nope', deployments: [] }] }, "cloud service 'nope'"],
    [
      { cloudServices: [{ name: 'sql', deployments: [{ name: 'staging', roles: [] }] }] },
      "deployment of sql 'staging'",
    ],
    [
      {
        cloudServices: [
          {
            name: 'sql',
            deployments: [{ name: 'sql', roles: [{ name: 'sql01', dataDisks: [{ lun: 7 }] }] }],
          },
        ],
      },
      'LUN 7 of sql01',
    ],
    [{ virtualNetworks: [{ name: 'Spoke' }] }, "virtual network 'Spoke'"],
  ])(
    'When a fact names something the estate lacks (%j), then applying fails and says what',
    (input, message) => {
      expect(() => applyDemoFacts(estate(), facts(input))).toThrow(message);
    },
  );

  it('When the facts file misspells a key, then it does not parse', () => {
    const parsed = demoFactsSchema.safeParse({
      subscription: { registeredForMigration: true },
      virtualNetworks: [{ name: 'Hub', peering: ['x'] }],
    });
    expect(parsed.success).toBe(false);
  });
});
