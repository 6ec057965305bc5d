/**
 * Create Reserved IP Address (`POST /{sub}/services/networking/reservedips`, body `ReservedIP`,
 * https://learn.microsoft.com/en-us/previous-versions/azure/reference/dn722413(v=azure.100)): reserves an
 * address, or — with `ServiceName` and `DeploymentName`, as the `azure-asm-network` client can send —
 * reserves the address a deployment's VIP already has. Refused while a reserved IP of that name is under
 * migration (`ReservedIP {name} …`), and when reserving a VIP, while the scope covering that deployment is
 * (`HostedService {service} …`). Pure.
 *
 * This service allocates no public addresses: a new reserved IP has none unless it takes a VIP's.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName } from '../classic/names';
import { type ReservedIp, reservedIpSchema } from '../classic/network.schema';
import { scopeCoveringDeployment } from '../scope/covering-scope';
import { locateDeployment, withDeployment } from './locate';
import { badRequest, conflict } from './management-error';
import { type LockTarget, resourceLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';
import { bindVip, findVip } from './reserved-ip-vips';
import { standaloneLockTargets } from './standalone-lock-targets';

export interface CreateReservedIpRequest {
  name: string;
  label?: string;
  location?: string;
  serviceName?: string;
  deploymentName?: string;
  virtualIpName?: string;
}

export function planCreateReservedIp(
  inventory: ClassicInventory,
  request: CreateReservedIpRequest,
): WritePlan {
  const existing = findByName(inventory.reservedIps, request.name);
  if (existing) {
    // Our text.
    return refuse(
      conflict(`A reserved IP named ${existing.name} already exists in the subscription.`),
      standaloneLockTargets(inventory, 'reservedIp', existing.name),
    );
  }
  // Azure's documentation: Name and Location are required.
  if (request.location === undefined) return refuse(badRequest('Location is required for a reserved IP.'));
  if ((request.serviceName === undefined) !== (request.deploymentName === undefined)) {
    return refuse(
      badRequest('Name both the ServiceName and the DeploymentName whose VIP is to be reserved.'),
    );
  }
  const reservedIp: ReservedIp = reservedIpSchema.parse({
    name: request.name,
    label: request.label,
    location: request.location,
    state: 'Created',
  });
  if (request.serviceName === undefined || request.deploymentName === undefined) {
    return {
      lockTargets: [],
      outcome: {
        ok: true,
        inventory: { ...inventory, reservedIps: [...inventory.reservedIps, reservedIp] },
        changed: { reservedIps: [reservedIp.name] },
      },
    };
  }

  const located = locateDeployment(inventory, request.serviceName, request.deploymentName);
  if (!located.ok) return refuse(located.error);
  const { service, deployment } = located.value;
  const lockTargets: LockTarget[] = [
    resourceLockTarget('cloudService', service.name, scopeCoveringDeployment(service.name, deployment)),
  ];
  const vip = findVip(deployment, request.virtualIpName);
  if (!vip.ok) return refuse(vip.error, lockTargets);
  if (vip.value.reserved) {
    const as = vip.value.reservedIpName === undefined ? '' : ` as ${vip.value.reservedIpName}`;
    return refuse(
      conflict(`The VIP of deployment ${deployment.name} is already reserved${as}.`),
      lockTargets,
    );
  }
  const taken: ReservedIp = {
    ...reservedIp,
    ...(vip.value.vip.address === undefined ? {} : { address: vip.value.vip.address }),
    serviceName: service.name,
    deploymentName: deployment.name,
  };
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: {
        ...withDeployment(inventory, service, bindVip(deployment, vip.value.index, taken), deployment),
        reservedIps: [...inventory.reservedIps, taken],
      },
      changed: { reservedIps: [taken.name], cloudServices: [service.name] },
    },
  };
}
