import { describe, expect, it } from 'vitest';

import { planNsgAssociation } from '../../../../shared/domain/management/nsg-association';
import { planRouteTableAssociation } from '../../../../shared/domain/management/route-table-association';
import {
  aCloudService,
  aDeployment,
  aNetworkSecurityGroup,
  anInventory,
  aRouteTable,
  aVirtualNetwork,
  aVmRole,
} from '../../../fixtures/classic-builders';

const inventory = anInventory({
  networkSecurityGroups: [aNetworkSecurityGroup({ name: 'nsg1' }), aNetworkSecurityGroup({ name: 'nsg2' })],
  routeTables: [aRouteTable({ name: 'rt1' })],
  virtualNetworks: [aVirtualNetwork({ name: 'corp' })],
  cloudServices: [
    aCloudService({
      name: 'svc',
      deployments: [
        aDeployment({
          name: 'svc',
          roles: [
            aVmRole({
              name: 'vm1',
              network: {
                networkInterfaces: [{ name: 'nic2', ipConfigurations: [], ipForwarding: false }],
              } as never,
            }),
          ],
        }),
      ],
    }),
  ],
});
const subnet = { kind: 'subnet', virtualNetworkName: 'corp', subnetName: 'subnet-1' } as const;
const role = { kind: 'role', serviceName: 'svc', deploymentName: 'svc', roleName: 'vm1' } as const;
const nic = { ...role, kind: 'networkInterface', networkInterfaceName: 'NIC2' } as const;

describe('planNsgAssociation', () => {
  it('When an NSG is added to a subnet, then the subnet has it, and the VNet then the NSG guard the change', () => {
    const plan = planNsgAssociation(inventory, {
      target: subnet,
      action: 'add',
      networkSecurityGroupName: 'NSG1',
    });
    expect(plan.lockTargets.map((t) => [t.scope, t.refusal.message])).toEqual([
      [
        { kind: 'virtualNetwork', name: 'corp' },
        'Virtual Network corp is in the process of being migrated and hence cannot be changed',
      ],
      [
        { kind: 'networkSecurityGroup', name: 'nsg1' },
        'NetworkSecurityGroup nsg1 is in the process of being migrated and hence cannot be changed',
      ],
    ]);
    expect(plan.outcome.ok).toBe(true);
    if (!plan.outcome.ok) return;
    expect(plan.outcome.inventory.virtualNetworks[0]?.subnets[0]?.networkSecurityGroup).toBe('nsg1');
    expect(plan.outcome.changed).toEqual({ virtualNetworks: ['corp'] });

    // Associated now: the NSG migrates with the VNet, so the VNet's lock also guards it under its own name.
    const second = planNsgAssociation(plan.outcome.inventory, {
      target: subnet,
      action: 'add',
      networkSecurityGroupName: 'nsg2',
    });
    expect(second.outcome).toMatchObject({ ok: false, error: { httpStatus: 409 } });
    const removed = planNsgAssociation(plan.outcome.inventory, {
      target: subnet,
      action: 'remove',
      networkSecurityGroupName: 'nsg1',
    });
    expect(removed.lockTargets.map((t) => t.scope)).toEqual([
      { kind: 'virtualNetwork', name: 'corp' },
      { kind: 'networkSecurityGroup', name: 'nsg1' },
      { kind: 'virtualNetwork', name: 'corp' },
    ]);
    expect(
      removed.outcome.ok && removed.outcome.inventory.virtualNetworks[0]?.subnets[0]?.networkSecurityGroup,
    ).toBe(undefined);
  });

  it('When an NSG is added to a VM and to its NIC, then each has it and the VM text guards the change first', () => {
    for (const target of [role, nic]) {
      const plan = planNsgAssociation(inventory, { target, action: 'add', networkSecurityGroupName: 'nsg1' });
      expect(plan.lockTargets[0]).toMatchObject({
        scope: { kind: 'cloudService', name: 'svc' },
        refusal: { message: 'Management operations on VM are disallowed because migration is in progress' },
      });
      expect(plan.outcome.ok).toBe(true);
      if (!plan.outcome.ok) return;
      const vm = plan.outcome.inventory.cloudServices[0]?.deployments[0]?.roles[0];
      const network = vm?.roleType === 'PersistentVMRole' ? vm.network : undefined;
      expect(
        target.kind === 'role'
          ? network?.networkSecurityGroup
          : network?.networkInterfaces[0]?.networkSecurityGroup,
      ).toBe('nsg1');
    }
  });

  it('When the NSG, subnet, NIC or association is missing, then it is refused', () => {
    expect(
      planNsgAssociation(inventory, { target: subnet, action: 'add', networkSecurityGroupName: 'nope' })
        .outcome,
    ).toMatchObject({ ok: false, error: { httpStatus: 404 } });
    expect(
      planNsgAssociation(inventory, {
        target: { ...subnet, subnetName: 'nope' },
        action: 'add',
        networkSecurityGroupName: 'nsg1',
      }).outcome,
    ).toMatchObject({ ok: false, error: { httpStatus: 404 } });
    expect(
      planNsgAssociation(inventory, {
        target: { ...nic, networkInterfaceName: 'nope' },
        action: 'add',
        networkSecurityGroupName: 'nsg1',
      }).outcome,
    ).toMatchObject({ ok: false, error: { httpStatus: 404 } });
    expect(
      planNsgAssociation(inventory, { target: role, action: 'remove', networkSecurityGroupName: 'nsg1' })
        .outcome,
    ).toMatchObject({ ok: false, error: { httpStatus: 404 } });
    expect(
      planNsgAssociation(inventory, {
        target: { ...subnet, virtualNetworkName: 'nope' },
        action: 'add',
        networkSecurityGroupName: 'nsg1',
      }).outcome,
    ).toMatchObject({ ok: false, error: { httpStatus: 400 } });
  });
});

describe('planRouteTableAssociation', () => {
  it('When a route table is added to a subnet and removed, then the subnet has it then not, guarded by the VNet then the route table', () => {
    const added = planRouteTableAssociation(inventory, {
      virtualNetworkName: 'corp',
      subnetName: 'Subnet-1',
      action: 'add',
      routeTableName: 'RT1',
    });
    expect(added.lockTargets.map((t) => t.refusal.message)).toEqual([
      'Virtual Network corp is in the process of being migrated and hence cannot be changed',
      'RouteTable rt1 is in the process of being migrated and hence cannot be changed',
    ]);
    expect(added.outcome.ok).toBe(true);
    if (!added.outcome.ok) return;
    expect(added.outcome.inventory.virtualNetworks[0]?.subnets[0]?.routeTable).toBe('rt1');

    const removed = planRouteTableAssociation(added.outcome.inventory, {
      virtualNetworkName: 'corp',
      subnetName: 'Subnet-1',
      action: 'remove',
    });
    expect(removed.lockTargets.map((t) => t.scope)).toEqual([
      { kind: 'virtualNetwork', name: 'corp' },
      { kind: 'routeTable', name: 'rt1' },
      { kind: 'virtualNetwork', name: 'corp' },
    ]);
    expect(removed.outcome.ok && removed.outcome.inventory.virtualNetworks[0]?.subnets[0]?.routeTable).toBe(
      undefined,
    );
  });

  it('When the subnet has no route table to remove, or the route table does not exist, then it is ResourceNotFound', () => {
    expect(
      planRouteTableAssociation(inventory, {
        virtualNetworkName: 'corp',
        subnetName: 'Subnet-1',
        action: 'remove',
      }).outcome,
    ).toMatchObject({ ok: false, error: { httpStatus: 404 } });
    expect(
      planRouteTableAssociation(inventory, {
        virtualNetworkName: 'corp',
        subnetName: 'Subnet-1',
        action: 'add',
        routeTableName: 'nope',
      }).outcome,
    ).toMatchObject({ ok: false, error: { httpStatus: 404 } });
  });
});
