/**
 * Associate and Disassociate Reserved IP (`POST /{sub}/services/networking/reservedips/{name}/operations/
 * associate|disassociate`, body `ReservedIPAssociation` with `ServiceName`, `DeploymentName` and optionally
 * `VirtualIPName`, as the `azure-asm-network` client sends them): binds a reserved IP to a deployment's VIP
 * (the VIP takes its address) or releases it. Refused while the scope covering the deployment is under
 * migration (`HostedService {service} …`), or while the reserved IP is (`ReservedIP {name} …`). Pure.
 */
import type { CloudService, Deployment } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName, sameName } from '../classic/names';
import type { ReservedIp } from '../classic/network.schema';
import { reservedIpNameOfVip } from '../classic/virtual-ips';
import { scopeCoveringDeployment } from '../scope/covering-scope';
import { scopeNotFoundMessage } from '../validation/scope-not-found';
import { cloudServicesUsingReservedIp } from '../validation/support/reserved-ip-associations';
import { locateDeployment, withDeployment } from './locate';
import { badRequest, conflict, resourceNotFound } from './management-error';
import { type LockTarget, resourceLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';
import { bindVip, findVip, releaseVip } from './reserved-ip-vips';
import { standaloneLockTargets } from './standalone-lock-targets';

export interface ReservedIpAssociationRequest {
  reservedIpName: string;
  action: 'associate' | 'disassociate';
  serviceName: string;
  deploymentName: string;
  virtualIpName?: string;
}

export function planReservedIpAssociation(
  inventory: ClassicInventory,
  request: ReservedIpAssociationRequest,
): WritePlan {
  const reservedIp = findByName(inventory.reservedIps, request.reservedIpName);
  if (!reservedIp) {
    return refuse(
      resourceNotFound(scopeNotFoundMessage({ kind: 'reservedIp', name: request.reservedIpName })),
    );
  }
  const located = locateDeployment(inventory, request.serviceName, request.deploymentName);
  if (!located.ok)
    return refuse(located.error, standaloneLockTargets(inventory, 'reservedIp', reservedIp.name));
  const { service, deployment } = located.value;
  const lockTargets: LockTarget[] = [
    resourceLockTarget('cloudService', service.name, scopeCoveringDeployment(service.name, deployment)),
    ...standaloneLockTargets(inventory, 'reservedIp', reservedIp.name),
  ];

  // Our texts.
  if (request.action === 'associate') {
    const users = cloudServicesUsingReservedIp(inventory, reservedIp);
    if (users.length > 0) {
      return refuse(
        conflict(
          `The reserved IP ${reservedIp.name} is already in use by cloud service ${users.join(', ')}.`,
        ),
        lockTargets,
      );
    }
    const vip = findVip(deployment, request.virtualIpName);
    if (!vip.ok) return refuse(vip.error, lockTargets);
    if (vip.value.reserved) {
      return refuse(
        conflict(
          `The VIP of deployment ${deployment.name} already has a reserved IP. Disassociate it first.`,
        ),
        lockTargets,
      );
    }
    const bound: ReservedIp = { ...reservedIp, serviceName: service.name, deploymentName: deployment.name };
    return applied(
      inventory,
      service,
      deployment,
      bindVip(deployment, vip.value.index, bound),
      bound,
      lockTargets,
    );
  }

  const backedBy = (index: number) => {
    const vip = deployment.virtualIps[index];
    return vip && reservedIpNameOfVip(deployment, vip, index);
  };
  const index =
    request.virtualIpName === undefined
      ? deployment.virtualIps.findIndex((_, i) => sameName(backedBy(i), reservedIp.name))
      : deployment.virtualIps.findIndex((vip) => sameName(vip.name, request.virtualIpName));
  if (index < 0 || !sameName(backedBy(index), reservedIp.name)) {
    return refuse(
      badRequest(
        `The reserved IP ${reservedIp.name} is not associated with deployment ${deployment.name} of cloud service ${service.name}.`,
      ),
      lockTargets,
    );
  }
  const released: ReservedIp = { ...reservedIp, serviceName: undefined, deploymentName: undefined };
  return applied(inventory, service, deployment, releaseVip(deployment, index), released, lockTargets);
}

function applied(
  inventory: ClassicInventory,
  service: CloudService,
  deployment: Deployment,
  updated: Deployment,
  reservedIp: ReservedIp,
  lockTargets: LockTarget[],
): WritePlan {
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: {
        ...withDeployment(inventory, service, updated, deployment),
        reservedIps: inventory.reservedIps.map((ip) =>
          sameName(ip.name, reservedIp.name) ? reservedIp : ip,
        ),
      },
      changed: { reservedIps: [reservedIp.name], cloudServices: [service.name] },
    },
  };
}
