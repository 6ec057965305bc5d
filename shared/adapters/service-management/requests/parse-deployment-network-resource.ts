/**
 * The body of a deployment's `migration?comp=validate|prepare` request → where the cloud service lands:
 *
 * ```xml
 * <DeploymentNetworkResource xmlns="http://schemas.microsoft.com/windowsazure">
 *   <ResourceGroupName></ResourceGroupName><VirtualNetworkName></VirtualNetworkName>
 *   <SubNetName></SubNetName><DestinationVirtualNetwork>New</DestinationVirtualNetwork>
 * </DeploymentNetworkResource>
 * ```
 *
 * `New` (PowerShell sends the three names as empty strings) and the early SDKs' `Default` (which behaved
 * as `New`) → `{ type: 'New' }`; `Existing` needs all three names. Values compare case-insensitively.
 * Azure's server-side wording for a bad body is not public; the accepted values are quoted from the SDK
 * ("Accepted values are Default, New, Existing").
 */
import { type Destination, destinationSchema } from '../../../domain/scope/destination';
import { err, ok, type Result } from '../result';
import type { ServiceManagementError } from '../service-management-error';
import { windowsAzureNamespace } from '../xml/namespaces';
import { parseXmlSafely, type XmlLimits } from '../xml/safe-xml';

const acceptedValues = 'Accepted values are Default, New, Existing.';

export function parseDeploymentNetworkResource(
  xml: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): Result<Destination, ServiceManagementError> {
  const path = '/DeploymentNetworkResource';
  const empty = typeof xml === 'string' ? xml.replace(/^\uFEFF/, '').trim() === '' : xml.byteLength === 0;
  if (empty) {
    return err({ code: 'InvalidDocument', message: 'A DeploymentNetworkResource body is required.', path });
  }
  const document = parseXmlSafely(xml, limits);
  if (!document.ok) return document;
  const { root } = document.value;
  if (
    root.localName !== 'DeploymentNetworkResource' ||
    (root.namespaceUri !== undefined && root.namespaceUri !== windowsAzureNamespace)
  ) {
    return err({
      code: 'UnsupportedDocument',
      message: `Expected a DeploymentNetworkResource body, got '${root.localName}'.`,
      path: root.path,
    });
  }
  const text = (name: string): string | undefined =>
    root.children.find((c) => c.localName === name && c.namespaceUri === root.namespaceUri)?.text.trim();

  const destination = text('DestinationVirtualNetwork');
  if (destination === undefined || destination === '') {
    return err({
      code: 'InvalidDocument',
      message: `DestinationVirtualNetwork is required. ${acceptedValues}`,
      path: `${path}/DestinationVirtualNetwork`,
    });
  }
  switch (destination.toLowerCase()) {
    case 'new':
    case 'default':
      return ok({ type: 'New' });
    case 'existing': {
      const names = {
        resourceGroupName: text('ResourceGroupName') ?? '',
        virtualNetworkName: text('VirtualNetworkName') ?? '',
        subnetName: text('SubNetName') ?? '',
      };
      const missing = [
        ['ResourceGroupName', names.resourceGroupName],
        ['VirtualNetworkName', names.virtualNetworkName],
        ['SubNetName', names.subnetName],
      ]
        .filter(([, value]) => value === '')
        .map(([name]) => name);
      if (missing.length > 0) {
        return err({
          code: 'InvalidDocument',
          message: `${missing.join(', ')} must be given when DestinationVirtualNetwork is Existing.`,
          path: `${path}/${missing[0] ?? ''}`,
        });
      }
      return ok(destinationSchema.parse({ type: 'Existing', ...names }));
    }
    default:
      return err({
        code: 'InvalidDocument',
        message: `'${destination}' is not a valid DestinationVirtualNetwork. ${acceptedValues}`,
        path: `${path}/DestinationVirtualNetwork`,
      });
  }
}
