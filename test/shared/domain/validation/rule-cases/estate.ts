/**
 * Small Classic estates for rule cases. Names are distinct on purpose (cloud service `svc1`, deployment
 * `dep1`, VNet `vnet1`) so a message that swaps two placeholders fails.
 */
import type { z } from 'zod';

import {
  type Deployment,
  networkConfigurationSchema,
  type PersistentVmRole,
  type Role,
} from '../../../../../shared/domain/classic/compute.schema';
import type {
  ClassicInventory,
  ClassicInventoryInput,
} from '../../../../../shared/domain/classic/inventory.schema';
import type { virtualNetworkSiteSchema } from '../../../../../shared/domain/classic/network.schema';
import type { ValidationInput } from '../../../../../shared/domain/validation/validation-context';
import {
  aCloudService,
  aDeployment,
  anInventory,
  aVirtualNetwork,
  aVmRole,
} from '../../../../fixtures/classic-builders';
import { aValidationInput } from '../../../../fixtures/validation-builders';

export type VmOverrides = Omit<Partial<PersistentVmRole>, 'network'> & {
  network?: z.input<typeof networkConfigurationSchema>;
};

/** A VM named `name`; `network` may be partial (defaults filled in). */
export function aVm(name: string, overrides: VmOverrides = {}): PersistentVmRole {
  const { network, ...rest } = overrides;
  return aVmRole({
    name,
    ...rest,
    ...(network === undefined ? {} : { network: networkConfigurationSchema.parse(network) }),
  });
}

/** A VM in subnet `Subnet-1` unless its network says otherwise. */
export function aVnetVm(name: string, overrides: VmOverrides = {}): PersistentVmRole {
  return aVm(name, { ...overrides, network: { subnetNames: ['Subnet-1'], ...overrides.network } });
}

/** Cloud service `svc1` (West US) with deployment `dep1`, not in a VNet; one VM `vm1` by default. */
export function cloudServiceEstate(
  deployment: Partial<Deployment> = {},
  inventory: Partial<ClassicInventoryInput> = {},
): ClassicInventory {
  return anInventory({
    cloudServices: [
      aCloudService({
        name: 'svc1',
        deployments: [aDeployment({ name: 'dep1', roles: [aVm('vm1')], ...deployment })],
      }),
    ],
    ...inventory,
  });
}

/**
 * VNet `vnet1` (10.0.0.0/16; `Subnet-1` 10.0.0.0/24, `Subnet-2` 10.0.1.0/24) holding cloud service `svc1`
 * with deployment `dep1`; one VM `vm1` in `Subnet-1` by default.
 */
export function vnetEstate(
  deployment: Partial<Deployment> = {},
  vnet: Partial<z.input<typeof virtualNetworkSiteSchema>> = {},
  inventory: Partial<ClassicInventoryInput> = {},
): ClassicInventory {
  return anInventory({
    virtualNetworks: [
      aVirtualNetwork({
        name: 'vnet1',
        subnets: [
          { name: 'Subnet-1', addressPrefix: '10.0.0.0/24' },
          { name: 'Subnet-2', addressPrefix: '10.0.1.0/24' },
        ],
        ...vnet,
      }),
    ],
    cloudServices: [
      aCloudService({
        name: 'svc1',
        deployments: [
          aDeployment({ name: 'dep1', virtualNetworkName: 'vnet1', roles: [aVnetVm('vm1')], ...deployment }),
        ],
      }),
    ],
    ...inventory,
  });
}

/** Another cloud service in `vnet1`, for estates with several deployments. */
export function anotherServiceInVnet(name: string, roles: Role[], deployment: Partial<Deployment> = {}) {
  return aCloudService({
    name,
    deployments: [aDeployment({ name: `${name}-dep`, virtualNetworkName: 'vnet1', roles, ...deployment })],
  });
}

export function cloudServiceInput(
  inventory: ClassicInventory,
  extras: Parameters<typeof aValidationInput>[3] = {},
): ValidationInput {
  return aValidationInput(inventory, 'cloudService', 'svc1', extras);
}

export function vnetInput(
  inventory: ClassicInventory,
  extras: Parameters<typeof aValidationInput>[3] = {},
): ValidationInput {
  return aValidationInput(inventory, 'virtualNetwork', 'vnet1', extras);
}

/** VM-level subject in deployment `dep1`. */
export function onVm(vm: string, message: string, deployment = 'dep1') {
  return { resourceType: 'Deployment', resourceName: deployment, virtualMachineName: vm, message };
}

/** Deployment-level subject. */
export function onDeployment(message: string, deployment = 'dep1') {
  return { resourceType: 'Deployment', resourceName: deployment, message };
}

/** VNet-level subject. */
export function onVnet(message: string, vnet = 'vnet1') {
  return { resourceType: 'VirtualNetwork', resourceName: vnet, message };
}
