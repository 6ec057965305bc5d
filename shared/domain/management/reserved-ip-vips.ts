/**
 * A deployment's VIPs as reserved IP writes see them: which VIP a request names (by `VirtualIPName`, else
 * the first), which reserved IP backs it, and the deployment with a reserved IP bound to or released from
 * it. Pure.
 */
import type { Deployment, VirtualIp } from '../classic/compute.schema';
import { sameName } from '../classic/names';
import type { ReservedIp } from '../classic/network.schema';
import { isReservedVip, reservedIpNameOfVip } from '../classic/virtual-ips';
import type { Located } from './locate';
import { badRequest } from './management-error';

export interface FoundVip {
  index: number;
  vip: VirtualIp;
  /** The reserved IP backing the VIP, if any. */
  reservedIpName: string | undefined;
  /** Backed by a reserved IP, named or not (`isReservedVip`). */
  reserved: boolean;
}

/** The VIP named `virtualIpName`, or the deployment's first. Our texts when there is none. */
export function findVip(deployment: Deployment, virtualIpName: string | undefined): Located<FoundVip> {
  const index =
    virtualIpName === undefined
      ? 0
      : deployment.virtualIps.findIndex((vip) => sameName(vip.name, virtualIpName));
  const vip = deployment.virtualIps[index];
  if (index < 0 || !vip) {
    return {
      ok: false,
      error: badRequest(
        virtualIpName === undefined
          ? `Deployment ${deployment.name} has no VIP.`
          : `Deployment ${deployment.name} has no VIP named ${virtualIpName}.`,
      ),
    };
  }
  return {
    ok: true,
    value: {
      index,
      vip,
      reservedIpName: reservedIpNameOfVip(deployment, vip, index),
      reserved: isReservedVip(deployment, vip, index),
    },
  };
}

/** The deployment with `reservedIp` backing its VIP at `index` (the VIP takes its address). */
export function bindVip(deployment: Deployment, index: number, reservedIp: ReservedIp): Deployment {
  return {
    ...deployment,
    virtualIps: deployment.virtualIps.map((vip, i) =>
      i === index
        ? {
            ...vip,
            ...(reservedIp.address === undefined ? {} : { address: reservedIp.address }),
            isReserved: true,
            reservedIpName: reservedIp.name,
          }
        : vip,
    ),
  };
}

/**
 * The deployment with its VIP at `index` no longer reserved. Azure gave the VIP a new dynamic address; this
 * service allocates none, so the VIP is left without one.
 */
export function releaseVip(deployment: Deployment, index: number): Deployment {
  const released = deployment.virtualIps[index];
  const reservedIpName = released && reservedIpNameOfVip(deployment, released, index);
  return {
    ...deployment,
    virtualIps: deployment.virtualIps.map((vip, i) =>
      i === index ? { ...vip, address: undefined, isReserved: false, reservedIpName: undefined } : vip,
    ),
    reservedIpName: sameName(deployment.reservedIpName, reservedIpName)
      ? undefined
      : deployment.reservedIpName,
  };
}
