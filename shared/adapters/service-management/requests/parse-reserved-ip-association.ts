/**
 * The body of Associate / Disassociate Reserved IP (`POST …/reservedips/{name}/operations/associate|
 * disassociate`, as the `azure-asm-network` client sends it):
 *
 * ```xml
 * <ReservedIPAssociation xmlns="http://schemas.microsoft.com/windowsazure">
 *   <ServiceName>svc</ServiceName><DeploymentName>dep</DeploymentName><VirtualIPName>vip</VirtualIPName>
 * </ReservedIPAssociation>
 * ```
 *
 * `ServiceName` and `DeploymentName` are required; `VirtualIPName` names a VIP other than the first.
 */
import type { ReservedIpAssociationRequest } from '../../../domain/management/reserved-ip-association';
import { err, ok, type Result } from '../result';
import type { ServiceManagementError } from '../service-management-error';
import type { XmlLimits } from '../xml/safe-xml';
import { childText, requestRoot } from './request-element';

export type ReservedIpAssociationBody = Pick<
  ReservedIpAssociationRequest,
  'serviceName' | 'deploymentName' | 'virtualIpName'
>;

export function parseReservedIpAssociation(
  xml: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): Result<ReservedIpAssociationBody, ServiceManagementError> {
  const root = requestRoot(xml, 'ReservedIPAssociation', limits);
  if (!root.ok) return root;
  const required = (name: string): Result<string, ServiceManagementError> => {
    const value = childText(root.value, name);
    return value === undefined
      ? err({ code: 'InvalidDocument', message: `${name} is required.`, path: `${root.value.path}/${name}` })
      : ok(value);
  };
  const serviceName = required('ServiceName');
  if (!serviceName.ok) return serviceName;
  const deploymentName = required('DeploymentName');
  if (!deploymentName.ok) return deploymentName;
  const virtualIpName = childText(root.value, 'VirtualIPName');
  return ok({
    serviceName: serviceName.value,
    deploymentName: deploymentName.value,
    ...(virtualIpName === undefined ? {} : { virtualIpName }),
  });
}
