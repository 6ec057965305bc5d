/**
 * `Role` (in a Deployment's RoleList) or `PersistentVMRole` (Get Role) → the model's role.
 *
 * The kind comes from `RoleType` (Azure writes it for VMs only), else `i:type` (whatever the prefix),
 * else the presence of an OS disk; a role with none of these is a PaaS role, read as `WorkerRole`
 * because Service Management does not say which (PaaS roles block migration either way).
 * The NetworkConfigurationSet is modelled; other configuration sets (provisioning sets in create
 * bodies) are kept verbatim. `MigrationState` is reported through the context, not imported.
 */
import {
  hostCachingSchema,
  licenseTypes,
  type Role,
  roleSchema,
  type UnknownElement,
} from '../../../domain/classic/compute.schema';
import { migrationStates } from '../../../domain/migration/migration-state';
import { ElementReader } from '../xml/element-reader';
import { networkConfigurationSetSegment } from '../xml/unknown-elements';
import { type XmlElement, xsiType } from '../xml/xml-element';
import { modelFrom } from './model-from';
import type { ParseContext } from './parse-context';
import { readNetworkConfigurationSet } from './parse-network-configuration-set';

const roleTypes = ['PersistentVMRole', 'WebRole', 'WorkerRole'] as const;
const hostCachings = hostCachingSchema.options;
const ioTypes = ['Standard', 'Provisioned'] as const;
const osTypes = ['Windows', 'Linux'] as const;

export interface RoleLocation {
  cloudServiceName?: string;
  deploymentName?: string;
}

export function parseRoleElement(element: XmlElement, context: ParseContext, where: RoleLocation = {}): Role {
  const unknownElements: UnknownElement[] = [];
  const role = ElementReader.forObject(element, unknownElements);
  const name = role.requiredString('RoleName');
  const roleType =
    role.oneOf('RoleType', roleTypes) ??
    (xsiType(element) === 'PersistentVMRole' || role.has('OSVirtualHardDisk')
      ? 'PersistentVMRole'
      : 'WorkerRole');

  const migrationState = role.oneOf('MigrationState', migrationStates);
  if (migrationState !== undefined) {
    context.observedMigrationStates.push({
      resourceType: 'VirtualMachine',
      name,
      ...where,
      state: migrationState,
    });
  }

  let input: Record<string, unknown>;
  if (roleType === 'PersistentVMRole') {
    input = {
      name,
      roleType,
      network: readConfigurationSets(role),
      extensions: role.list('ResourceExtensionReferences', 'ResourceExtensionReference', (extension) => ({
        referenceName: extension.requiredString('ReferenceName'),
        publisher: extension.requiredString('Publisher'),
        name: extension.requiredString('Name'),
        version: extension.requiredString('Version'),
        parameters: extension.list(
          'ResourceExtensionParameterValues',
          'ResourceExtensionParameterValue',
          (p) => ({
            key: p.requiredString('Key'),
            value: p.string('Value') ?? '',
            type: p.oneOf('Type', ['Public', 'Private']) ?? 'Public',
          }),
        ),
        state: extension.oneOf('State', ['Enable', 'Disable', 'Uninstall']),
      })),
      availabilitySetName: role.string('AvailabilitySetName'),
      dataDisks: role.list('DataVirtualHardDisks', 'DataVirtualHardDisk', (disk) => ({
        hostCaching: disk.oneOf('HostCaching', hostCachings),
        diskName: disk.requiredString('DiskName'),
        lun: disk.integer('Lun'),
        logicalDiskSizeInGB: disk.requiredInteger('LogicalDiskSizeInGB'),
        mediaLink: disk.requiredString('MediaLink'),
        ioType: disk.oneOf('IOType', ioTypes),
      })),
      osDisk: role.nested('OSVirtualHardDisk', (disk) => ({
        hostCaching: disk.oneOf('HostCaching', hostCachings),
        diskName: disk.requiredString('DiskName'),
        mediaLink: disk.requiredString('MediaLink'),
        sourceImageName: disk.string('SourceImageName'),
        os: disk.oneOf('OS', osTypes) ?? 'Windows',
        ioType: disk.oneOf('IOType', ioTypes),
      })),
      roleSize: role.requiredString('RoleSize'),
      provisionGuestAgent: role.boolean('ProvisionGuestAgent'),
      debugSettings: role.nested('DebugSettings', (debug) => ({
        bootDiagnosticsEnabled: debug.boolean('BootDiagnosticsEnabled'),
        consoleScreenshotBlobUri: debug.string('ConsoleScreenshotBlobUri'),
        serialOutputBlobUri: debug.string('SerialOutputBlobUri'),
      })),
      licenseType: role.oneOf('LicenseType', licenseTypes),
      unknownElements,
    };
  } else {
    input = { name, roleType, roleSize: role.string('RoleSize'), unknownElements };
  }
  role.finish();
  return modelFrom(roleSchema, input, element);
}

/** Models the NetworkConfigurationSet; keeps every other configuration set whole. */
function readConfigurationSets(
  role: ElementReader,
): ReturnType<typeof readNetworkConfigurationSet> | undefined {
  const container = role.take('ConfigurationSets');
  if (!container) return undefined;
  const setsSink = role.unknowns.child('ConfigurationSets');
  let network: ReturnType<typeof readNetworkConfigurationSet> | undefined;
  for (const set of container.children) {
    const isNetworkSet =
      set.localName === 'ConfigurationSet' &&
      set.children.some(
        (c) => c.localName === 'ConfigurationSetType' && c.text.trim() === 'NetworkConfiguration',
      );
    if (isNetworkSet && network === undefined) {
      const reader = new ElementReader(set, setsSink.child(networkConfigurationSetSegment));
      network = readNetworkConfigurationSet(reader);
      reader.finish();
    } else {
      setsSink.add(set);
    }
  }
  return network;
}
