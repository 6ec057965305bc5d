/**
 * The body of Create Cloud Service (`POST /{sub}/services/hostedservices`):
 *
 * ```xml
 * <CreateHostedService xmlns="http://schemas.microsoft.com/windowsazure">
 *   <ServiceName>name</ServiceName><Label>base64</Label><Description>…</Description>
 *   <Location>East US</Location>  <!-- or <AffinityGroup>…</AffinityGroup> -->
 * </CreateHostedService>
 * ```
 */
import type { CreateCloudServiceRequest } from '../../../domain/management/create-cloud-service';
import { err, ok, type Result } from '../result';
import type { ServiceManagementError } from '../service-management-error';
import { decodeBase64Label } from '../xml/base64-label';
import type { XmlLimits } from '../xml/safe-xml';
import { childText, requestRoot } from './request-element';

export function parseCreateHostedService(
  xml: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): Result<CreateCloudServiceRequest, ServiceManagementError> {
  const root = requestRoot(xml, 'CreateHostedService', limits);
  if (!root.ok) return root;
  const serviceName = childText(root.value, 'ServiceName');
  if (serviceName === undefined) {
    return err({
      code: 'InvalidDocument',
      message: 'ServiceName is required.',
      path: `${root.value.path}/ServiceName`,
    });
  }
  const label = childText(root.value, 'Label');
  const optional = (name: string, value: string | undefined) =>
    value === undefined ? {} : { [name]: value };
  return ok({
    serviceName,
    ...optional('label', label === undefined ? undefined : decodeBase64Label(label)),
    ...optional('description', childText(root.value, 'Description')),
    ...optional('location', childText(root.value, 'Location')),
    ...optional('affinityGroup', childText(root.value, 'AffinityGroup')),
  });
}
