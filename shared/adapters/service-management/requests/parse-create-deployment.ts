/**
 * The body of Create Virtual Machine Deployment (`POST /{sub}/services/hostedservices/{service}/deployments`)
 * → the model's deployment, read by the same reader as a Get Deployment body after three changes:
 *
 * - Provisioning configuration sets (`WindowsProvisioningConfiguration`, `LinuxProvisioningConfiguration`)
 *   are dropped: they carry the administrator password, SSH keys and certificates, which this service must
 *   never store. Their type gives the OS disk's `OS` when the body does not.
 * - Private extension parameter values are blanked, for the same reason.
 * - Disk names Azure generated (a create body rarely names its disks) are filled in:
 *   `<service>-<role>-<lun>-<yyyymmddhhmmss>` (the OS disk's LUN written 0), following Azure's pattern
 *   (our choice of the exact form).
 *
 * Errors name the offending element's path, as every reader of this adapter does.
 */
import type { Deployment } from '../../../domain/classic/compute.schema';
import { newParseContext } from '../parse/parse-context';
import { parseDeploymentElement } from '../parse/parse-deployment';
import { err, ok, type Result } from '../result';
import { DocumentRejection, type ServiceManagementError } from '../service-management-error';
import type { XmlLimits } from '../xml/safe-xml';
import type { XmlElement } from '../xml/xml-element';
import { childText, leafElement, requestRoot, withChildren } from './request-element';

export interface CreateDeploymentOptions {
  serviceName: string;
  /** ISO time of the request, for generated disk names. */
  now: string;
  limits?: Partial<XmlLimits>;
}

const provisioningSets: Record<string, 'Windows' | 'Linux'> = {
  WindowsProvisioningConfiguration: 'Windows',
  LinuxProvisioningConfiguration: 'Linux',
};

export function parseCreateDeployment(
  xml: string | Uint8Array,
  options: CreateDeploymentOptions,
): Result<Deployment, ServiceManagementError> {
  const root = requestRoot(xml, 'Deployment', options.limits);
  if (!root.ok) return root;
  const stamp = options.now.replace(/\D/g, '').slice(0, 14);
  const prepared = withChildren(
    root.value,
    root.value.children.map((child) =>
      child.localName === 'RoleList'
        ? withChildren(
            child,
            child.children.map((role) => prepareRole(role, options.serviceName, stamp)),
          )
        : child,
    ),
  );
  try {
    return ok(parseDeploymentElement(prepared, newParseContext(), options.serviceName));
  } catch (error) {
    if (error instanceof DocumentRejection) return err(error.error);
    throw error;
  }
}

/**
 * A `Role` of a create body, or the `PersistentVMRole` of an Update Role body, without its secrets and with
 * the disk names Azure generated filled in (see above).
 */
export function prepareRole(role: XmlElement, serviceName: string, stamp: string): XmlElement {
  if (role.localName !== 'Role' && role.localName !== 'PersistentVMRole') return role;
  const roleName = childText(role, 'RoleName') ?? 'role';
  let os: 'Windows' | 'Linux' | undefined;
  const children = role.children.map((child) => {
    switch (child.localName) {
      case 'ConfigurationSets':
        return withChildren(
          child,
          child.children.filter((set) => {
            const provisioningOs = provisioningSets[childText(set, 'ConfigurationSetType') ?? ''];
            os ??= provisioningOs;
            return provisioningOs === undefined;
          }),
        );
      case 'ResourceExtensionReferences':
        return withChildren(child, child.children.map(blankPrivateParameters));
      default:
        return child;
    }
  });
  return withChildren(
    role,
    children.map((child) => {
      if (child.localName === 'OSVirtualHardDisk') {
        return withDefaults(child, {
          DiskName: `${serviceName}-${roleName}-0-${stamp}`,
          OS: os ?? 'Windows',
        });
      }
      if (child.localName === 'DataVirtualHardDisks') {
        return withChildren(
          child,
          child.children.map((disk) =>
            withDefaults(disk, {
              DiskName: `${serviceName}-${roleName}-${childText(disk, 'Lun') ?? '0'}-${stamp}`,
            }),
          ),
        );
      }
      return child;
    }),
  );
}

/** Adds the given leaves where the element lacks them. */
function withDefaults(element: XmlElement, defaults: Record<string, string>): XmlElement {
  const added = Object.entries(defaults)
    .filter(([name]) => childText(element, name) === undefined)
    .map(([name, value]) => leafElement(element, name, value));
  const kept = element.children.filter((c) => !added.some((a) => a.localName === c.localName));
  return withChildren(element, [...kept, ...added]);
}

function blankPrivateParameters(extension: XmlElement): XmlElement {
  return withChildren(
    extension,
    extension.children.map((child) =>
      child.localName !== 'ResourceExtensionParameterValues'
        ? child
        : withChildren(
            child,
            child.children.map((parameter) =>
              childText(parameter, 'Type')?.toLowerCase() === 'private'
                ? withChildren(
                    parameter,
                    parameter.children.filter((c) => c.localName !== 'Value'),
                  )
                : parameter,
            ),
          ),
    ),
  );
}
