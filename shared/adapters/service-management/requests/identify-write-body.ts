/**
 * Recognises the management-plane write bodies the migration lock must refuse while a scope is
 * Prepared, and pulls out the names the lock decision needs. Only enough is read to identify the
 * request; the bodies are not imported.
 *
 * | root element | request |
 * | --- | --- |
 * | `NetworkConfiguration` (netcfg namespace) | Set Network Configuration (`PUT services/networking/media`) |
 * | `CreateHostedService` | Create Cloud Service |
 * | `Deployment` | Create Virtual Machine Deployment |
 * | `PersistentVMRole` | Add Role (POST) / Update Role (PUT): the method tells which |
 * | `DataVirtualHardDisk` | Add (POST) / Update (PUT) Data Disk |
 * | `StartRoleOperation` / `ShutdownRoleOperation` / `RestartRoleOperation` | role operations |
 * | `StartRolesOperation` / `ShutdownRolesOperation` | operations on several roles |
 */
import { newParseContext } from '../parse/parse-context';
import {
  type ParsedNetworkConfiguration,
  parseNetworkConfigurationElement,
} from '../parse/parse-network-configuration';
import { err, ok, type Result } from '../result';
import { DocumentRejection, type ServiceManagementError } from '../service-management-error';
import { networkConfigurationNamespace, windowsAzureNamespace } from '../xml/namespaces';
import { parseXmlSafely, type XmlLimits } from '../xml/safe-xml';
import type { XmlElement } from '../xml/xml-element';

export type WriteBody =
  | { kind: 'SetNetworkConfiguration'; networkConfiguration: ParsedNetworkConfiguration }
  | { kind: 'CreateHostedService'; serviceName: string }
  | { kind: 'CreateDeployment'; deploymentName: string; roleNames: string[]; virtualNetworkName?: string }
  | { kind: 'Role'; roleName: string }
  | { kind: 'DataDisk'; lun?: number; diskName?: string; mediaLink?: string }
  | { kind: 'StartRole' | 'ShutdownRole' | 'RestartRole'; postShutdownAction?: string }
  | { kind: 'StartRoles' | 'ShutdownRoles'; roleNames: string[]; postShutdownAction?: string };

export function identifyWriteBody(
  xml: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): Result<WriteBody, ServiceManagementError> {
  const document = parseXmlSafely(xml, limits);
  if (!document.ok) return document;
  const { root } = document.value;
  const expectedNamespace =
    root.localName === 'NetworkConfiguration' ? networkConfigurationNamespace : windowsAzureNamespace;
  if (root.namespaceUri !== undefined && root.namespaceUri !== expectedNamespace) return unsupported(root);
  const text = (parent: XmlElement, name: string): string | undefined => {
    const value = parent.children.find((c) => c.localName === name)?.text.trim();
    return value === '' ? undefined : value;
  };
  const required = (name: string): string => {
    const value = text(root, name);
    if (value === undefined) {
      throw new DocumentRejection({
        code: 'InvalidDocument',
        message: `${name} is required.`,
        path: `${root.path}/${name}`,
      });
    }
    return value;
  };
  const roleNames = (container: string, item: string, field?: string): string[] =>
    (root.children.find((c) => c.localName === container)?.children ?? [])
      .filter((c) => c.localName === item)
      .map((c) => (field === undefined ? c.text.trim() : (text(c, field) ?? '')));

  try {
    switch (root.localName) {
      case 'NetworkConfiguration':
        return ok({
          kind: 'SetNetworkConfiguration',
          networkConfiguration: parseNetworkConfigurationElement(root, newParseContext()),
        });
      case 'CreateHostedService':
        return ok({ kind: 'CreateHostedService', serviceName: required('ServiceName') });
      case 'Deployment': {
        const virtualNetworkName = text(root, 'VirtualNetworkName');
        return ok({
          kind: 'CreateDeployment',
          deploymentName: required('Name'),
          roleNames: roleNames('RoleList', 'Role', 'RoleName'),
          ...(virtualNetworkName === undefined ? {} : { virtualNetworkName }),
        });
      }
      case 'PersistentVMRole':
        return ok({ kind: 'Role', roleName: required('RoleName') });
      case 'DataVirtualHardDisk': {
        const lun = text(root, 'Lun');
        const diskName = text(root, 'DiskName');
        const mediaLink = text(root, 'MediaLink');
        return ok({
          kind: 'DataDisk',
          ...(lun !== undefined && /^\d+$/.test(lun) ? { lun: Number(lun) } : {}),
          ...(diskName === undefined ? {} : { diskName }),
          ...(mediaLink === undefined ? {} : { mediaLink }),
        });
      }
      case 'StartRoleOperation':
      case 'RestartRoleOperation':
        return ok({ kind: root.localName === 'StartRoleOperation' ? 'StartRole' : 'RestartRole' });
      case 'ShutdownRoleOperation': {
        const postShutdownAction = text(root, 'PostShutdownAction');
        return ok({
          kind: 'ShutdownRole',
          ...(postShutdownAction === undefined ? {} : { postShutdownAction }),
        });
      }
      case 'StartRolesOperation':
      case 'ShutdownRolesOperation': {
        const postShutdownAction = text(root, 'PostShutdownAction');
        return ok({
          kind: root.localName === 'StartRolesOperation' ? 'StartRoles' : 'ShutdownRoles',
          roleNames: roleNames('Roles', 'Name'),
          ...(postShutdownAction === undefined ? {} : { postShutdownAction }),
        });
      }
      default:
        return unsupported(root);
    }
  } catch (error) {
    if (error instanceof DocumentRejection) return err(error.error);
    throw error;
  }
}

function unsupported(root: XmlElement): Result<WriteBody, ServiceManagementError> {
  return err({
    code: 'UnsupportedDocument',
    message: `'${root.localName}' is not a management-plane write body this service recognises.`,
    path: root.path,
  });
}
