/**
 * A deployment's VIPs → public IP addresses and frontends of its public load balancer (D1;
 * properties inferred with the C8 schemas). Pure.
 *
 * - A VIP migrates only if an input endpoint is assigned to it (D1) — or if it is reserved: a reserved
 *   IP is a named resource that must survive (D10). An endpoint names its VIP by address or name;
 *   without one it is on the first VIP.
 * - Reserved → Static public IP named after the reserved IP, with its address. Otherwise Dynamic, named
 *   after the VIP (`<cs>ContractContract`, Classic's default VIP name); its address is kept only when
 *   the data plane is untouched (deployments in a VNet) — outside a VNet the deallocation loses it.
 * - The first migrating VIP carries the cloud service name as its DNS label (D1: "the cloud service
 *   name becomes the DNS name of the public IP").
 */
import type { CloudService, Deployment, InputEndpoint, VirtualIp } from '../classic/compute.schema';
import { findByName, sameName } from '../classic/names';
import { reservedIpSchema } from '../classic/network.schema';
import { isReservedVip, reservedIpNameOfVip } from '../classic/virtual-ips';
import { childClassicId, deploymentClassicId } from './classic-ids';
import {
  addFrontend,
  type EndpointCandidate,
  type FrontedEndpoint,
  type LoadBalancerBuilder,
} from './load-balancer-builder';
import { addPublicIp, reservedIpNameRequest } from './public-ip.translate';
import { account, type TranslationContext } from './translation-context';

export interface VirtualIpInput {
  cloudService: CloudService;
  deployment: Deployment;
  resourceGroup: string;
  location: string;
  dataPlaneUntouched: boolean;
  /** Public endpoints (no internal load balancer, no ACL) of the VMs that migrate. */
  endpoints: readonly EndpointCandidate[];
  /** Creates the public load balancer the first time a VIP needs it. */
  publicLoadBalancer: () => LoadBalancerBuilder;
}

/** Adds the public IPs and frontends of the migrating VIPs; returns the endpoints with their frontend. */
export function translateVirtualIps(ctx: TranslationContext, input: VirtualIpInput): FrontedEndpoint[] {
  const { cloudService, deployment } = input;
  const deploymentId = deploymentClassicId(ctx.subscriptionId, cloudService, deployment);
  // Endpoints but no VIP listed: Classic always had one; stand one in so the endpoints keep a frontend.
  const vips: { vip: VirtualIp; implied: boolean }[] = deployment.virtualIps.map((vip) => ({
    vip,
    implied: false,
  }));
  if (vips.length === 0 && input.endpoints.length > 0)
    vips.push({ vip: { isReserved: false }, implied: true });
  const vipIndexOf = (endpoint: InputEndpoint) => {
    const index = vips.findIndex(
      ({ vip }) =>
        endpoint.vip !== undefined && (vip.address === endpoint.vip || sameName(vip.name, endpoint.vip)),
    );
    return index < 0 ? 0 : index;
  };

  const fronted: FrontedEndpoint[] = [];
  let dnsLabelGiven = false;
  vips.forEach(({ vip, implied }, index) => {
    const assigned = input.endpoints.filter((c) => vipIndexOf(c.endpoint) === index);
    const reservedIpName = reservedIpNameOfVip(deployment, vip, index);
    const reserved = isReservedVip(deployment, vip, index);
    const classicId = childClassicId(deploymentId, 'virtualIps', vip.name ?? String(index));
    const vipName = vip.name ?? `VIP ${index}`;
    if (assigned.length === 0 && !reserved) {
      if (!implied)
        account(ctx, {
          classicId,
          classicType: 'VirtualIp',
          name: vipName,
          outcome: 'dropped',
          armIds: [],
          reason: 'No input endpoint is assigned to the VIP; Azure migrates a VIP only when one is (D1)',
        });
      return;
    }
    const loadBalancer = input.publicLoadBalancer();
    const domainNameLabel = dnsLabelGiven ? undefined : dnsLabel(cloudService.name);
    dnsLabelGiven = true;
    const publicIpId = reserved
      ? reservedPublicIp(ctx, input, vip, reservedIpName, index, domainNameLabel)
      : addPublicIp(ctx, {
          request: {
            kind: 'vipPublicIp',
            classicId,
            principal: true,
            tokens: {
              cloudService: cloudService.name,
              deployment: deployment.name,
              name:
                vip.name ??
                (index === 0 ? `${cloudService.name}ContractContract` : `${cloudService.name}-Vip${index}`),
              index,
              location: input.location,
            },
          },
          resourceGroup: input.resourceGroup,
          location: input.location,
          allocation: 'Dynamic',
          ipAddress: input.dataPlaneUntouched ? vip.address : undefined,
          domainNameLabel,
        });
    const frontendId = addFrontend(loadBalancer, publicIpId.split('/').pop() ?? '', {
      publicIPAddress: { id: publicIpId },
    });
    loadBalancer.dependsOn.push(publicIpId);
    if (!implied)
      account(ctx, {
        classicId,
        classicType: 'VirtualIp',
        name: vipName,
        outcome: 'migrated',
        armIds: [publicIpId, frontendId],
        ...(reserved || input.dataPlaneUntouched
          ? {}
          : { note: 'The address changes: the VIP is not reserved and the VMs are deallocated (D1)' }),
      });
    for (const candidate of assigned) fronted.push({ ...candidate, frontendId });
  });
  return fronted;
}

function reservedPublicIp(
  ctx: TranslationContext,
  input: VirtualIpInput,
  vip: VirtualIp,
  reservedIpName: string | undefined,
  index: number,
  domainNameLabel: string | undefined,
): string {
  const known = findByName(ctx.inventory.reservedIps, reservedIpName);
  // A VIP flagged reserved whose reserved IP the inventory lacks still keeps its address.
  const reservedIp =
    known ??
    reservedIpSchema.parse({
      name: reservedIpName ?? vip.name ?? `${input.cloudService.name}-ReservedIp${index}`,
      address: vip.address,
      serviceName: input.cloudService.name,
    });
  const request = reservedIpNameRequest(ctx, reservedIp);
  const id = addPublicIp(ctx, {
    request,
    resourceGroup: input.resourceGroup,
    location: input.location,
    allocation: 'Static',
    ipAddress: reservedIp.address ?? vip.address,
    domainNameLabel,
  });
  if (known)
    account(ctx, {
      classicId: request.classicId,
      classicType: 'ReservedIp',
      name: known.name,
      outcome: 'migrated',
      armIds: [id],
      note: `Static public IP on the load balancer of cloud service ${input.cloudService.name}`,
    });
  return id;
}

/** The cloud service name as a public IP DNS label (lower-case letters, digits, hyphens). */
export function dnsLabel(cloudServiceName: string): string {
  return cloudServiceName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
