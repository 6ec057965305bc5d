/**
 * The body of Create Reserved IP Address (`POST /{sub}/services/networking/reservedips`,
 * https://learn.microsoft.com/en-us/previous-versions/azure/reference/dn722413(v=azure.100)):
 *
 * ```xml
 * <ReservedIP xmlns="http://schemas.microsoft.com/windowsazure">
 *   <Name>name</Name><Label>label</Label><Location>West US</Location>
 *   <!-- the azure-asm-network client may add ServiceName, DeploymentName, VirtualIPName -->
 * </ReservedIP>
 * ```
 *
 * The label is plain text here, unlike a cloud service's or storage account's (the documentation and the
 * SDK send it unencoded, and Get Reserved IP returns it so).
 */
import type { CreateReservedIpRequest } from '../../../domain/management/create-reserved-ip';
import { err, ok, type Result } from '../result';
import type { ServiceManagementError } from '../service-management-error';
import type { XmlLimits } from '../xml/safe-xml';
import { childText, requestRoot } from './request-element';

export function parseCreateReservedIp(
  xml: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): Result<CreateReservedIpRequest, ServiceManagementError> {
  const root = requestRoot(xml, 'ReservedIP', limits);
  if (!root.ok) return root;
  const name = childText(root.value, 'Name');
  if (name === undefined) {
    return err({ code: 'InvalidDocument', message: 'Name is required.', path: `${root.value.path}/Name` });
  }
  const optional = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  return ok({
    name,
    ...optional('label', childText(root.value, 'Label')),
    ...optional('location', childText(root.value, 'Location')),
    ...optional('serviceName', childText(root.value, 'ServiceName')),
    ...optional('deploymentName', childText(root.value, 'DeploymentName')),
    ...optional('virtualIpName', childText(root.value, 'VirtualIPName')),
  });
}
