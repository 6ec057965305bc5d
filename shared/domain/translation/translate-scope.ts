/**
 * The translation engine: a migration scope's Classic resources → the ARM resource groups and resources
 * Prepare writes, with an account of every Classic resource in scope (migrated, dropped or refused) and
 * the naming errors a naming policy produced. Pure and deterministic: same input, same output; it never
 * throws for a schema-valid inventory.
 */
import type { ArmResource } from '../arm/arm-resource';
import type { CloudService } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { sameName } from '../classic/names';
import type { ReservedIp } from '../classic/network.schema';
import { findNameCollisions } from '../naming/name-uniqueness';
import type { NamingPolicy } from '../naming/naming-policy';
import { type Destination, newVirtualNetwork } from '../scope/destination';
import type { ScopeRef } from '../scope/scope';
import type { ScopeContents } from '../scope/scope-contents';
import { resolveArmLocation } from './arm-location';
import {
  childClassicId,
  cloudServiceClassicId,
  deploymentClassicId,
  networkSecurityGroupClassicId,
  reservedIpClassicId,
  routeTableClassicId,
} from './classic-ids';
import { cloudServicePlacement, translateDeployment } from './cloud-service.translate';
import { translateGateways } from './gateway.translate';
import { translateNetworkSecurityGroup } from './network-security-group.translate';
import { translateReservedIp } from './public-ip.translate';
import { orderResourceGroups } from './resource-group-order';
import { translateRouteTable } from './route-table.translate';
import { translateStorageAccountScope } from './storage-account.translate';
import {
  account,
  createTranslationContext,
  isAccounted,
  type TranslationContext,
  useResourceGroup,
} from './translation-context';
import type { TranslationResult } from './translation-result';
import { translateVirtualNetwork } from './virtual-network.translate';

export interface TranslationInput {
  inventory: ClassicInventory;
  scope: ScopeRef;
  contents: ScopeContents;
  /** For a cloud service not in a VNet; default `New`. */
  destination?: Destination;
  naming?: Partial<NamingPolicy>;
  /** Resource Manager resources the translation may point at (an Existing destination VNet, ExpressRoute
   *  circuits, the gateway of a VNet migrated earlier). Do not include resources this scope created. */
  existingArm?: { resources: readonly ArmResource[] };
  /** Azure AD tenant for key vaults; default the nil GUID (Classic inventories do not carry it). */
  tenantId?: string;
  /** Location used only when nothing in the inventory says where a resource is; default `westus`. */
  defaultLocation?: string;
}

export const nilTenantId = '00000000-0000-0000-0000-000000000000';

/** Translates a resolved scope. Pure. */
export function translateScope(input: TranslationInput): TranslationResult {
  const translation = translationSteps(input);
  for (const step of translation.steps) step();
  return translation.result();
}

/**
 * The translation of a scope cut into steps (the VNet, then one step per deployment, then what remains),
 * for a caller that must not hold the CPU for the whole of a large scope: running every step in order,
 * then `result()`, is exactly `translateScope`. Still pure: the steps only fill the translation's own
 * working state.
 */
export interface TranslationSteps {
  steps: (() => void)[];
  result(): TranslationResult;
}

export function translationSteps(input: TranslationInput): TranslationSteps {
  const existing = input.existingArm?.resources ?? [];
  const ctx = createTranslationContext({
    subscriptionId: input.scope.subscriptionId,
    inventory: input.inventory,
    policy: { templates: input.naming?.templates ?? {}, overrides: input.naming?.overrides ?? {} },
    options: { tenantId: input.tenantId ?? nilTenantId, defaultLocation: input.defaultLocation ?? 'westus' },
    existingArmResources: existing,
  });
  return {
    steps: contentSteps(ctx, input.contents, input.destination ?? newVirtualNetwork),
    result: () => resultOf(ctx, existing),
  };
}

function resultOf(ctx: TranslationContext, existing: readonly ArmResource[]): TranslationResult {
  const resourceGroups = orderResourceGroups(
    [...ctx.resourceGroups.values()].map(({ name, location }) => ({
      id: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${name}`,
      name,
      location,
    })),
    ctx.resources,
  );
  return {
    resourceGroups,
    resources: ctx.resources,
    accounting: ctx.accounting,
    namingErrors: [
      ...ctx.namer.errors,
      ...findNameCollisions(
        ctx.namedResources,
        existing.map((r) => r.id),
      ),
    ],
    issues: ctx.issues,
  };
}

/** A VNet translates in steps (its network, each deployment, the rest); every other scope in one. */
function contentSteps(
  ctx: TranslationContext,
  contents: ScopeContents,
  destination: Destination,
): (() => void)[] {
  if (contents.kind !== 'virtualNetwork') return [() => translateContents(ctx, contents, destination)];
  let placement: ReturnType<typeof translateVirtualNetwork> | undefined;
  const placed = () => {
    if (!placement) throw new Error('unreachable: the VNet step runs first');
    return placement;
  };
  return [
    () => {
      placement = translateVirtualNetwork(ctx, contents);
      translateGateways(ctx, contents, placement);
    },
    ...contents.deployments.map(
      ({ cloudService, deployment }) =>
        () =>
          translateDeployment(
            ctx,
            cloudService,
            deployment,
            cloudServicePlacement(ctx, cloudService, placed().location),
            destination,
          ),
    ),
    () => {
      translateRemainingReservedIps(
        ctx,
        contents.reservedIps,
        contents.deployments.map((d) => d.cloudService),
        placed().location,
      );
      for (const circuit of contents.expressRouteCircuits)
        if (!contents.virtualNetwork.expressRouteGateway)
          account(ctx, {
            classicId: childClassicId(
              `${placed().classicId}/gateway`,
              'expressRouteCircuits',
              circuit.serviceKey,
            ),
            classicType: 'ExpressRouteCircuit',
            name: circuit.name,
            outcome: 'dropped',
            armIds: [],
            reason: 'The VNet has no ExpressRoute gateway linking the circuit',
          });
    },
  ];
}

function translateContents(
  ctx: TranslationContext,
  contents: Exclude<ScopeContents, { kind: 'virtualNetwork' }>,
  destination: Destination,
): void {
  switch (contents.kind) {
    case 'cloudService': {
      const { cloudService } = contents;
      const fallback = ctx.options.defaultLocation;
      if (!contents.deployment) {
        account(ctx, {
          classicId: cloudServiceClassicId(ctx.subscriptionId, cloudService),
          classicType: 'CloudService',
          name: cloudService.name,
          outcome: 'refused',
          armIds: [],
          reason: `Cloud service ${cloudService.name} has no deployment to migrate`,
        });
        return;
      }
      const placement = cloudServicePlacement(ctx, cloudService, undefined);
      for (const nsg of contents.networkSecurityGroups)
        translateNetworkSecurityGroup(ctx, nsg, placement.resourceGroup, placement.location, true);
      translateDeployment(ctx, cloudService, contents.deployment, placement, destination);
      for (const other of cloudService.deployments)
        if (other !== contents.deployment)
          account(ctx, {
            classicId: deploymentClassicId(ctx.subscriptionId, cloudService, other),
            classicType: 'Deployment',
            name: other.name,
            outcome: 'refused',
            armIds: [],
            reason: `Only the ${contents.deployment.slot} deployment of a cloud service migrates; delete the ${other.slot} deployment first`,
          });
      translateRemainingReservedIps(ctx, contents.reservedIps, [cloudService], fallback);
      return;
    }
    case 'storageAccount':
      translateStorageAccountScope(ctx, contents);
      return;
    case 'reservedIp':
      translateReservedIp(
        ctx,
        contents.reservedIp,
        undefined,
        locationOrDefault(
          ctx,
          contents.reservedIp,
          reservedIpClassicId(ctx.subscriptionId, contents.reservedIp),
        ),
      );
      return;
    case 'networkSecurityGroup': {
      const nsg = contents.networkSecurityGroup;
      const classicId = networkSecurityGroupClassicId(ctx.subscriptionId, nsg);
      const location = locationOrDefault(ctx, nsg, classicId);
      const resourceGroup = useResourceGroup(
        ctx,
        {
          kind: 'networkSecurityGroupResourceGroup',
          classicId,
          tokens: { nsg: nsg.name, name: nsg.name, location },
        },
        location,
      );
      translateNetworkSecurityGroup(ctx, nsg, resourceGroup, location, false);
      return;
    }
    case 'routeTable': {
      const routeTable = contents.routeTable;
      const classicId = routeTableClassicId(ctx.subscriptionId, routeTable);
      const location = locationOrDefault(ctx, routeTable, classicId);
      const resourceGroup = useResourceGroup(
        ctx,
        {
          kind: 'routeTableResourceGroup',
          classicId,
          tokens: { routeTable: routeTable.name, name: routeTable.name, location },
        },
        location,
      );
      translateRouteTable(ctx, routeTable, resourceGroup, location, false);
      return;
    }
  }
}

function locationOrDefault(
  ctx: TranslationContext,
  placement: { location?: string | undefined },
  classicId: string,
): string {
  const known = resolveArmLocation(ctx.inventory, placement);
  if (known) return known;
  ctx.issues.push({
    code: 'LOCATION_UNKNOWN',
    message: `${classicId} has no location; using ${ctx.options.defaultLocation}`,
    classicId,
  });
  return ctx.options.defaultLocation;
}

/**
 * Reserved IPs in scope that no VIP carried (bound to a cloud service in scope but not named by its
 * deployment): a static public IP in that cloud service's group, else in their own group.
 */
function translateRemainingReservedIps(
  ctx: TranslationContext,
  reservedIps: readonly ReservedIp[],
  cloudServices: readonly CloudService[],
  fallbackLocation: string,
): void {
  for (const reservedIp of reservedIps) {
    if (isAccounted(ctx, 'ReservedIp', reservedIpClassicId(ctx.subscriptionId, reservedIp))) continue;
    const owner = cloudServices.find((cs) => sameName(cs.name, reservedIp.serviceName));
    translateReservedIp(
      ctx,
      reservedIp,
      owner ? cloudServicePlacement(ctx, owner, fallbackLocation) : undefined,
      fallbackLocation,
    );
  }
}
