/**
 * Public IP addresses: VIPs, reserved IPs, instance-level PIPs and gateway IPs all become
 * `Microsoft.Network/publicIPAddresses`. Pure.
 *
 * Allocation (D1): Static for a reserved IP (D10), Dynamic otherwise — instance-level
 * PIPs too (MicrosoftDocs/azure-docs#51883). The address is kept (`ipAddress`) when the data plane is
 * untouched: reserved IPs, VIPs of deployments in a VNet, gateway VIPs (D8). All migrated public IPs are
 * Basic SKU (D10, MicrosoftDocs/azure-docs#114342); the `sku` property only exists from API 2017-08-01, so at
 * 2016-09-01 it is informational (ARM ignores it; the schema allows extra properties).
 */
import type { ReservedIp } from '../classic/network.schema';
import type { NameRequest } from '../naming/namer';
import { resolveArmLocation } from './arm-location';
import { reservedIpClassicId } from './classic-ids';
import { account, addResource, type TranslationContext, useResourceGroup } from './translation-context';

export interface PublicIpSpec {
  request: NameRequest;
  resourceGroup: string;
  location: string;
  allocation: 'Static' | 'Dynamic';
  ipAddress?: string | undefined;
  domainNameLabel?: string | undefined;
  idleTimeoutInMinutes?: number | undefined;
}

export function addPublicIp(ctx: TranslationContext, spec: PublicIpSpec): string {
  return addResource(ctx, {
    request: spec.request,
    resourceGroup: spec.resourceGroup,
    type: 'Microsoft.Network/publicIPAddresses',
    location: spec.location,
    sku: { name: 'Basic' },
    properties: {
      publicIPAllocationMethod: spec.allocation,
      publicIPAddressVersion: 'IPv4',
      ...(spec.ipAddress ? { ipAddress: spec.ipAddress } : {}),
      ...(spec.idleTimeoutInMinutes !== undefined ? { idleTimeoutInMinutes: spec.idleTimeoutInMinutes } : {}),
      ...(spec.domainNameLabel ? { dnsSettings: { domainNameLabel: spec.domainNameLabel } } : {}),
    },
  });
}

export function reservedIpNameRequest(ctx: TranslationContext, reservedIp: ReservedIp): NameRequest {
  return {
    kind: 'reservedIpPublicIp',
    classicId: reservedIpClassicId(ctx.subscriptionId, reservedIp),
    principal: true,
    tokens: { reservedIp: reservedIp.name, name: reservedIp.name },
  };
}

/**
 * A reserved IP as a Basic static public IP: in its own `<name>-Migrated` group when stand-alone (D10),
 * or in `resourceGroup` when it moves with a cloud service.
 */
export function translateReservedIp(
  ctx: TranslationContext,
  reservedIp: ReservedIp,
  placement: { resourceGroup: string; location: string } | undefined,
  fallbackLocation: string,
): string {
  const classicId = reservedIpClassicId(ctx.subscriptionId, reservedIp);
  const location = placement?.location ?? resolveArmLocation(ctx.inventory, reservedIp) ?? fallbackLocation;
  const resourceGroup =
    placement?.resourceGroup ??
    useResourceGroup(
      ctx,
      {
        kind: 'reservedIpResourceGroup',
        classicId,
        tokens: { reservedIp: reservedIp.name, name: reservedIp.name, location },
      },
      location,
    );
  const id = addPublicIp(ctx, {
    request: reservedIpNameRequest(ctx, reservedIp),
    resourceGroup,
    location,
    allocation: 'Static',
    ipAddress: reservedIp.address,
  });
  account(ctx, {
    classicId,
    classicType: 'ReservedIp',
    name: reservedIp.name,
    outcome: 'migrated',
    armIds: [id],
  });
  return id;
}
