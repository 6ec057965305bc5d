/**
 * Which reserved IP backs a deployment VIP. Service Management names it on the VIP (`ReservedIPName`) and,
 * for the deployment's first VIP, also on the deployment itself (`Deployment/ReservedIPName`, as the
 * recorded sample shows). A VIP is reserved when either says so, or when `IsReserved` is true. Pure.
 */
import type { Deployment, VirtualIp } from './compute.schema';

export function reservedIpNameOfVip(
  deployment: Deployment,
  vip: VirtualIp,
  index: number,
): string | undefined {
  return vip.reservedIpName ?? (index === 0 ? deployment.reservedIpName : undefined);
}

export function isReservedVip(deployment: Deployment, vip: VirtualIp, index: number): boolean {
  return vip.isReserved || reservedIpNameOfVip(deployment, vip, index) !== undefined;
}
