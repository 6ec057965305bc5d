/**
 * Where a deployment's NICs and internal load balancers attach in ARM: the migrated Classic VNet it is in,
 * or — for a cloud service not in a VNet — a new VNet (`New`) or an existing ARM VNet/subnet
 * (`Existing`, D1 / `Move-AzureService`). Pure.
 *
 * New VNet, our choice (Azure never documented it): `VNet-<cs>` (CSES name, D11) in the cloud service's
 * group, address space 10.0.0.0/16, one subnet `default` 10.0.0.0/24 — a cloud service held at most 50
 * VMs, and their internal IPs change anyway (D1).
 */
import { armResourceId } from '../arm/arm-resource';
import type { CloudService, Deployment } from '../classic/compute.schema';
import { findByName, sameName } from '../classic/names';
import type { Destination } from '../scope/destination';
import { cloudServiceClassicId } from './classic-ids';
import { addResource, nameResource, type TranslationContext } from './translation-context';
import { virtualNetworkPlacement } from './virtual-network.translate';

export const newVirtualNetworkAddressSpace = '10.0.0.0/16';
export const newSubnetAddressPrefix = '10.0.0.0/24';

export type DeploymentNetwork =
  | {
      kind: 'virtualNetwork';
      /** The data plane is untouched: private IPs and VIPs are kept. */
      dataPlaneUntouched: true;
      vnetId: string;
      /** ARM subnet ID of a Classic subnet of the VNet; undefined when the VNet has no such subnet. */
      subnetIdFor(classicSubnetName: string | undefined): string | undefined;
    }
  | {
      kind: 'destination';
      dataPlaneUntouched: false;
      vnetId: string;
      /** Every NIC and internal frontend goes to the one destination subnet. */
      subnetIdFor(classicSubnetName: string | undefined): string;
    }
  | { kind: 'missingVirtualNetwork'; dataPlaneUntouched: true; vnetName: string };

/** Resolves (and for `New`, creates) the network a deployment lands in. */
export function resolveDeploymentNetwork(
  ctx: TranslationContext,
  cloudService: CloudService,
  deployment: Deployment,
  resourceGroup: string,
  location: string,
  destination: Destination,
): DeploymentNetwork {
  if (deployment.virtualNetworkName !== undefined) {
    const vnet = findByName(ctx.inventory.virtualNetworks, deployment.virtualNetworkName);
    if (!vnet)
      return {
        kind: 'missingVirtualNetwork',
        dataPlaneUntouched: true,
        vnetName: deployment.virtualNetworkName,
      };
    const placement = virtualNetworkPlacement(ctx, vnet);
    return {
      kind: 'virtualNetwork',
      dataPlaneUntouched: true,
      vnetId: placement.id,
      subnetIdFor: (name) => (name === undefined ? undefined : placement.subnetId(name)),
    };
  }
  if (destination.type === 'Existing') return existingDestination(ctx, cloudService, destination);
  return newVirtualNetwork(ctx, cloudService, deployment, resourceGroup, location);
}

function newVirtualNetwork(
  ctx: TranslationContext,
  cloudService: CloudService,
  deployment: Deployment,
  resourceGroup: string,
  location: string,
): DeploymentNetwork {
  const classicId = cloudServiceClassicId(ctx.subscriptionId, cloudService);
  const tokens = {
    cloudService: cloudService.name,
    deployment: deployment.name,
    name: cloudService.name,
    location,
  };
  const vnet = nameResource(
    ctx,
    { kind: 'newVirtualNetwork', classicId, tokens },
    resourceGroup,
    'Microsoft.Network/virtualNetworks',
  );
  const subnetName = ctx.namer.nameOf({ kind: 'newSubnet', classicId, tokens });
  const subnetId = `${vnet.id}/subnets/${subnetName}`;
  if (!ctx.resources.some((r) => sameName(r.id, vnet.id))) {
    addResource(ctx, {
      request: { kind: 'newVirtualNetwork', classicId, tokens },
      resourceGroup,
      type: 'Microsoft.Network/virtualNetworks',
      location,
      properties: {
        addressSpace: { addressPrefixes: [newVirtualNetworkAddressSpace] },
        subnets: [{ name: subnetName, id: subnetId, properties: { addressPrefix: newSubnetAddressPrefix } }],
      },
    });
    ctx.namedResources.push({
      armId: subnetId,
      armType: 'Microsoft.Network/virtualNetworks/subnets',
      name: subnetName,
      resourceGroup,
      parentId: vnet.id,
      objectKey: `${classicId}#newSubnet`,
    });
  }
  return { kind: 'destination', dataPlaneUntouched: false, vnetId: vnet.id, subnetIdFor: () => subnetId };
}

function existingDestination(
  ctx: TranslationContext,
  cloudService: CloudService,
  destination: Extract<Destination, { type: 'Existing' }>,
): DeploymentNetwork {
  const classicId = cloudServiceClassicId(ctx.subscriptionId, cloudService);
  const vnet = ctx.existingArmResources.find(
    (r) =>
      sameName(r.type, 'Microsoft.Network/virtualNetworks') &&
      sameName(r.name, destination.virtualNetworkName) &&
      sameName(resourceGroupOfId(r.id), destination.resourceGroupName),
  );
  const vnetId =
    vnet?.id ??
    armResourceId(
      ctx.subscriptionId,
      destination.resourceGroupName,
      'Microsoft.Network/virtualNetworks',
      destination.virtualNetworkName,
    );
  const subnets = vnet?.properties['subnets'];
  const subnet = Array.isArray(subnets)
    ? (subnets as { name?: unknown; id?: unknown }[]).find(
        (s) => typeof s.name === 'string' && sameName(s.name, destination.subnetName),
      )
    : undefined;
  if (!vnet)
    ctx.issues.push({
      code: 'EXISTING_VIRTUAL_NETWORK_NOT_FOUND',
      message: `Destination VNet ${destination.virtualNetworkName} in resource group ${destination.resourceGroupName} is not among the given Resource Manager resources`,
      classicId,
    });
  else if (!subnet)
    ctx.issues.push({
      code: 'EXISTING_SUBNET_NOT_FOUND',
      message: `Destination VNet ${destination.virtualNetworkName} has no subnet ${destination.subnetName}`,
      classicId,
    });
  const subnetId =
    subnet && typeof subnet.id === 'string' ? subnet.id : `${vnetId}/subnets/${destination.subnetName}`;
  return { kind: 'destination', dataPlaneUntouched: false, vnetId, subnetIdFor: () => subnetId };
}

/** The resource group segment of an ARM ID ('' when there is none). */
export function resourceGroupOfId(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
}
