/**
 * The addresses the ARM side shows after Prepare, and the data-plane effects that produced them. Pure.
 *
 * VMs in a VNet keep running on the same network: their NICs show the instances' current private IPs and
 * the public IPs show the current VIPs (no data-plane effect, D2).
 *
 * VMs not in a VNet are stopped, deallocated and restarted into their destination subnet (D1, D2:
 * internal IP addresses change, and the VIP is lost unless it is a reserved IP). Our choices, since Azure
 * never documented the details:
 * - a running VM gets Stop, Deallocate, Start and the next free address of its destination subnet
 *   (from `.4`, the first address Azure hands out, skipping addresses already in use there);
 * - a VM the user had stopped (StoppedVM) is deallocated but not started; a VM already deallocated is
 *   left alone; neither holds a private IP afterwards;
 * - a non-reserved VIP is replaced by a new address derived from the operation id (so a retried Prepare
 *   writes the same one); a reserved VIP keeps its address.
 */
import type { ArmResource } from '../arm/arm-resource';
import type { Deployment, RoleInstance, VirtualIp } from '../classic/compute.schema';
import type { ClassicInventory } from '../classic/inventory.schema';
import { sameName } from '../classic/names';
import { isReservedVip } from '../classic/virtual-ips';
import { virtualMachinesOf } from '../classic/virtual-machines';
import { addressesOf, parseCidr } from '../network/ipv4';
import type { ScopeContents } from '../scope/scope-contents';
import { virtualMachineClassicId } from '../translation/classic-ids';
import type { AccountingEntry, TranslationResult } from '../translation/translation-result';

export interface DataPlaneEffectRecord {
  cloudService: string;
  virtualMachine: string;
  actions: string[];
  internalIp?: { before?: string; after?: string };
  vip?: { before?: string; after?: string };
}

export interface MaterializeInput {
  inventory: ClassicInventory;
  contents: ScopeContents;
  translation: TranslationResult;
  /** ARM resources that already exist (an Existing destination's VNet and NICs). */
  existingArm: ArmResource[];
  operationId: string;
}

export interface MaterializeResult {
  inventory: ClassicInventory;
  translation: TranslationResult;
  effects: DataPlaneEffectRecord[];
}

export function materializeAddresses(input: MaterializeInput): MaterializeResult {
  const { contents } = input;
  if (contents.kind !== 'virtualNetwork' && contents.kind !== 'cloudService') {
    return { inventory: input.inventory, translation: input.translation, effects: [] };
  }
  const resources = new Map(
    input.translation.resources.map((resource) => [resource.id.toLowerCase(), structuredClone(resource)]),
  );
  const restart = contents.kind === 'cloudService';
  const vmAccounting = virtualMachineAccounting(input.translation);
  const allocator = new SubnetAllocator([...resources.values(), ...input.existingArm]);
  const effects: DataPlaneEffectRecord[] = [];
  let inventory = input.inventory;

  for (const { cloudService, deployment } of contents.deployments) {
    const newVips = new Map<string, string | undefined>();
    for (const [index, vip] of deployment.virtualIps.entries()) {
      const after =
        restart && !isReservedVip(deployment, vip, index)
          ? derivedPublicAddress(`${input.operationId}/${cloudService.name}/${vip.name ?? index}`)
          : vip.address;
      newVips.set(vip.name ?? String(index), after);
      for (const pip of publicIpsOfVip(input.translation, resources, vip)) setPublicAddress(pip, after);
    }
    const instances = new Map<string, RoleInstance>();
    for (const vm of virtualMachinesOf(cloudService, deployment)) {
      const nic = primaryNicOf(
        vmAccounting,
        resources,
        input.inventory.subscription.id,
        vm.cloudService,
        deployment,
        vm.role.name,
      );
      const status = vm.instance?.instanceStatus;
      if (!restart) {
        if (nic && vm.instance?.ipAddress) setPrivateAddress(nic, vm.instance.ipAddress);
        continue;
      }
      const actions =
        status === 'StoppedDeallocated'
          ? []
          : status === 'StoppedVM'
            ? ['Stop', 'Deallocate']
            : ['Stop', 'Deallocate', 'Start'];
      const started = actions.includes('Start');
      const after = started && nic ? allocator.next(subnetIdOf(nic)) : undefined;
      if (nic) setPrivateAddress(nic, after);
      if (vm.instance) {
        instances.set(vm.role.name, {
          ...vm.instance,
          ...(after === undefined ? { ipAddress: undefined } : { ipAddress: after }),
          instanceStatus: started ? 'ReadyRole' : 'StoppedDeallocated',
          powerState: started ? 'Started' : 'Stopped',
        });
      }
      const firstVip = deployment.virtualIps[0];
      effects.push({
        cloudService: cloudService.name,
        virtualMachine: vm.role.name,
        actions,
        internalIp: {
          ...(vm.instance?.ipAddress ? { before: vm.instance.ipAddress } : {}),
          ...(after ? { after } : {}),
        },
        ...(firstVip
          ? {
              vip: {
                ...(firstVip.address ? { before: firstVip.address } : {}),
                ...withAfter(newVips.get(firstVip.name ?? '0')),
              },
            }
          : {}),
      });
    }
    if (restart)
      inventory = withUpdatedDeployment(inventory, cloudService.name, deployment, instances, newVips);
  }
  return {
    inventory,
    translation: {
      ...input.translation,
      resources: input.translation.resources.map((r) => resources.get(r.id.toLowerCase()) ?? r),
    },
    effects,
  };
}

function withAfter(after: string | undefined): { after?: string } {
  return after === undefined ? {} : { after };
}

function withUpdatedDeployment(
  inventory: ClassicInventory,
  cloudServiceName: string,
  deployment: Deployment,
  instances: Map<string, RoleInstance>,
  newVips: Map<string, string | undefined>,
): ClassicInventory {
  return {
    ...inventory,
    cloudServices: inventory.cloudServices.map((service) =>
      !sameName(service.name, cloudServiceName)
        ? service
        : {
            ...service,
            deployments: service.deployments.map((d) =>
              d.name !== deployment.name
                ? d
                : {
                    ...d,
                    roleInstances: d.roleInstances.map(
                      (instance) => instances.get(instance.roleName) ?? instance,
                    ),
                    virtualIps: d.virtualIps.map((vip, index) => {
                      const after = newVips.get(vip.name ?? String(index));
                      return after === undefined ? vip : { ...vip, address: after };
                    }),
                  },
            ),
          },
    ),
  };
}

type Json = Record<string, unknown>;
const asJson = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The accounting entry of each translated VM by lower-cased Classic ID (the first one, as a search would
 * find it). Built once: searching the accounting per VM made a 10,000-VM scope quadratic (seconds of CPU).
 */
function virtualMachineAccounting(translation: TranslationResult): Map<string, AccountingEntry> {
  const byClassicId = new Map<string, AccountingEntry>();
  for (const entry of translation.accounting) {
    if (entry.classicType !== 'VirtualMachine') continue;
    const key = entry.classicId.toLowerCase();
    if (!byClassicId.has(key)) byClassicId.set(key, entry);
  }
  return byClassicId;
}

/** The VM's primary NIC among the translated resources, through the accounting of the VM. */
function primaryNicOf(
  vmAccounting: Map<string, AccountingEntry>,
  resources: Map<string, ArmResource>,
  subscriptionId: string,
  cloudService: Parameters<typeof virtualMachineClassicId>[1],
  deployment: Deployment,
  vmName: string,
): ArmResource | undefined {
  const classicId = virtualMachineClassicId(subscriptionId, cloudService, deployment, vmName).toLowerCase();
  const entry = vmAccounting.get(classicId);
  const vmId = entry?.armIds.find((id) =>
    /\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+$/i.test(id),
  );
  const vm = vmId === undefined ? undefined : resources.get(vmId.toLowerCase());
  const nics = asArray(asJson(asJson(vm?.properties).networkProfile).networkInterfaces).map(asJson);
  const primary = nics.find((nic) => asJson(nic.properties).primary === true) ?? nics[0];
  return typeof primary?.id === 'string' ? resources.get(primary.id.toLowerCase()) : undefined;
}

function publicIpsOfVip(
  translation: TranslationResult,
  resources: Map<string, ArmResource>,
  vip: VirtualIp,
): ArmResource[] {
  return translation.accounting
    .filter(
      (e) =>
        e.classicType === 'VirtualIp' &&
        e.outcome === 'migrated' &&
        (vip.name === undefined || e.name === vip.name),
    )
    .flatMap((e) => e.armIds)
    .map((id) => resources.get(id.toLowerCase()))
    .filter((r): r is ArmResource => r?.type === 'Microsoft.Network/publicIPAddresses');
}

function firstIpConfiguration(nic: ArmResource): Json | undefined {
  return asJson(asArray(nic.properties.ipConfigurations)[0]);
}

function subnetIdOf(nic: ArmResource): string | undefined {
  const id = asJson(asJson(firstIpConfiguration(nic)?.properties).subnet).id;
  return typeof id === 'string' ? id : undefined;
}

function setPrivateAddress(nic: ArmResource, address: string | undefined): void {
  const config = firstIpConfiguration(nic);
  if (!config) return;
  const properties = asJson(config.properties);
  if (address === undefined) delete properties.privateIPAddress;
  else properties.privateIPAddress = address;
  config.properties = properties;
}

function setPublicAddress(pip: ArmResource, address: string | undefined): void {
  if (address === undefined) delete pip.properties.ipAddress;
  else pip.properties.ipAddress = address;
}

/** Hands out the next free address of a subnet, skipping the five Azure reserves and addresses in use. */
class SubnetAllocator {
  readonly #prefixes = new Map<string, string>();
  readonly #used = new Set<string>();
  readonly #cursor = new Map<string, number>();

  constructor(resources: ArmResource[]) {
    for (const resource of resources) {
      if (resource.type === 'Microsoft.Network/virtualNetworks') {
        for (const subnet of asArray(resource.properties.subnets).map(asJson)) {
          const prefix = asJson(subnet.properties).addressPrefix;
          if (typeof subnet.name === 'string' && typeof prefix === 'string') {
            this.#prefixes.set(`${resource.id}/subnets/${subnet.name}`.toLowerCase(), prefix);
          }
        }
      }
      if (resource.type === 'Microsoft.Network/networkInterfaces') {
        for (const config of asArray(resource.properties.ipConfigurations).map(asJson)) {
          const address = asJson(config.properties).privateIPAddress;
          if (typeof address === 'string') this.#used.add(address);
        }
      }
    }
  }

  next(subnetId: string | undefined): string | undefined {
    const prefix = subnetId && this.#prefixes.get(subnetId.toLowerCase());
    const cidr = prefix ? parseCidr(prefix) : undefined;
    if (!cidr || !subnetId) return undefined;
    const key = subnetId.toLowerCase();
    for (let offset = this.#cursor.get(key) ?? 4; ; offset++) {
      const address = addressesOf(cidr, offset);
      if (address === undefined) return undefined;
      if (this.#used.has(address)) continue;
      this.#used.add(address);
      this.#cursor.set(key, offset + 1);
      return address;
    }
  }
}

/** A public address derived from a seed (FNV-1a), in 20.0.0.0/8, never a network or broadcast octet. */
export function derivedPublicAddress(seed: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const b = (hash >>> 16) & 0xff;
  const c = (hash >>> 8) & 0xff;
  const d = 1 + ((hash & 0xff) % 254);
  return `20.${b}.${c}.${d}`;
}
