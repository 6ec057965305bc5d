/**
 * The body of Update Cloud Service (`PUT /{sub}/services/hostedservices/{service}`,
 * https://learn.microsoft.com/en-us/rest/api/compute/cloudservices/rest-update-cloud-service):
 *
 * ```xml
 * <UpdateHostedService xmlns="http://schemas.microsoft.com/windowsazure">
 *   <Label>base64</Label><Description>…</Description>
 * </UpdateHostedService>
 * ```
 *
 * Extended properties and the reverse DNS name are not modelled and are ignored.
 */
import type { UpdateCloudServiceRequest } from '../../../domain/management/update-cloud-service';
import { ok, type Result } from '../result';
import type { ServiceManagementError } from '../service-management-error';
import { decodeBase64Label } from '../xml/base64-label';
import type { XmlLimits } from '../xml/safe-xml';
import { childText, requestRoot } from './request-element';

export function parseUpdateHostedService(
  xml: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): Result<UpdateCloudServiceRequest, ServiceManagementError> {
  const root = requestRoot(xml, 'UpdateHostedService', limits);
  if (!root.ok) return root;
  const label = childText(root.value, 'Label');
  const description = childText(root.value, 'Description');
  return ok({
    ...(label === undefined ? {} : { label: decodeBase64Label(label) }),
    ...(description === undefined ? {} : { description }),
  });
}
