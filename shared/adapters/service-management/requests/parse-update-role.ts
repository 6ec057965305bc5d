/**
 * The body of Update Role (`PUT …/deployments/{deployment}/roles/{role}`, a `PersistentVMRole`,
 * https://learn.microsoft.com/en-us/previous-versions/azure/reference/jj157187(v=azure.100)) → what the
 * domain's Update Role takes. Read by the same reader as a Get Role body after the changes a create body
 * gets (provisioning sets and private extension values dropped, generated disk names filled in; see
 * `parse-create-deployment.ts`). The OS disk's name and blob, which Update Role cannot change, may be left
 * out, as may `RoleSize`: the reader is given placeholders for them and the request says they were absent.
 */
import type { UpdateRoleRequest } from '../../../domain/management/update-role';
import { newParseContext } from '../parse/parse-context';
import { parseRoleElement } from '../parse/parse-role';
import { err, ok, type Result } from '../result';
import { DocumentRejection, type ServiceManagementError } from '../service-management-error';
import type { XmlLimits } from '../xml/safe-xml';
import type { XmlElement } from '../xml/xml-element';
import { prepareRole } from './parse-create-deployment';
import { childText, leafElement, requestRoot, withChildren } from './request-element';

export interface UpdateRoleOptions {
  serviceName: string;
  /** ISO time of the request, for generated disk names. */
  now: string;
  limits?: Partial<XmlLimits>;
}

/** Stands in for what the body may leave out; never read back (the domain keeps the VM's values). */
const placeholder = 'unchanged';

export function parseUpdateRole(
  xml: string | Uint8Array,
  options: UpdateRoleOptions,
): Result<UpdateRoleRequest, ServiceManagementError> {
  const root = requestRoot(xml, 'PersistentVMRole', options.limits);
  if (!root.ok) return root;
  const stamp = options.now.replace(/\D/g, '').slice(0, 14);
  const prepared = prepareRole(root.value, options.serviceName, stamp);
  const osDisk = prepared.children.find((child) => child.localName === 'OSVirtualHardDisk');
  const given = {
    roleSize: childText(prepared, 'RoleSize') !== undefined,
    provisionGuestAgent: childText(prepared, 'ProvisionGuestAgent') !== undefined,
    debugSettings: prepared.children.some((child) => child.localName === 'DebugSettings'),
    osDiskHostCaching: osDisk !== undefined && childText(osDisk, 'HostCaching') !== undefined,
  };
  const readable = withPlaceholders(prepared, osDisk);
  try {
    const role = parseRoleElement(readable, newParseContext());
    if (role.roleType !== 'PersistentVMRole') {
      return err({
        code: 'InvalidDocument',
        message: 'Update Role takes a PersistentVMRole.',
        path: root.value.path,
      });
    }
    return ok({
      roleName: role.name,
      network: role.network,
      availabilitySetName: role.availabilitySetName,
      dataDisks: role.dataDisks,
      extensions: role.extensions,
      ...(given.roleSize ? { roleSize: role.roleSize } : {}),
      ...(given.provisionGuestAgent ? { provisionGuestAgent: role.provisionGuestAgent } : {}),
      ...(given.debugSettings && role.debugSettings ? { debugSettings: role.debugSettings } : {}),
      ...(given.osDiskHostCaching ? { osDiskHostCaching: role.osDisk.hostCaching } : {}),
    });
  } catch (error) {
    if (error instanceof DocumentRejection) return err(error.error);
    throw error;
  }
}

/** The role with `RoleType`, `RoleSize` and the OS disk's name and blob filled in where absent. */
function withPlaceholders(role: XmlElement, osDisk: XmlElement | undefined): XmlElement {
  const added: XmlElement[] = [];
  if (childText(role, 'RoleType') === undefined)
    added.push(leafElement(role, 'RoleType', 'PersistentVMRole'));
  if (childText(role, 'RoleSize') === undefined) added.push(leafElement(role, 'RoleSize', placeholder));
  const disk = osDisk ?? leafElement(role, 'OSVirtualHardDisk', '');
  const diskLeaves = ['DiskName', 'MediaLink']
    .filter((name) => childText(disk, name) === undefined)
    .map((name) => leafElement(disk, name, placeholder));
  const filledDisk = withChildren(disk, [
    ...disk.children.filter((child) => !diskLeaves.some((leaf) => leaf.localName === child.localName)),
    ...diskLeaves,
  ]);
  const kept = role.children
    .filter((child) => !added.some((leaf) => leaf.localName === child.localName))
    .map((child) => (child === osDisk ? filledDisk : child));
  return withChildren(role, [...kept, ...added, ...(osDisk ? [] : [filledDisk])]);
}
