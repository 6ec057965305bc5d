/**
 * The model's cloud service → Get Hosted Service Properties with `embed-detail=true`
 * (`<HostedService>` with `HostedServiceProperties` and `Deployments`). An absent description is
 * written `<Description i:nil="true"/>`, as Azure did; the label is base64.
 */
import type { CloudService } from '../../../domain/classic/compute.schema';
import { encodeBase64Label } from '../xml/base64-label';
import { hostedServiceOrder, hostedServicePropertiesOrder } from '../xml/element-order';
import { UnknownBag } from '../xml/unknown-elements';
import { leaf, orderedElement } from '../xml/xml-writer';
import { listNode, nillableLeaf } from './list-node';
import { renderBody } from './response-body';
import { deploymentNode, type DeploymentSerializeOptions } from './serialize-deployment';

export interface HostedServiceSerializeOptions extends DeploymentSerializeOptions {
  /**
   * Write `Deployments` (Get Hosted Service Properties with `embed-detail=true`). Default true. Without
   * embed-detail Azure wrote no `Deployments` element at all, and a reader tells "not listed" from "none"
   * by its absence (see `cloudServicesWithoutDeployments`).
   */
  embedDetail?: boolean;
}

export function serializeHostedService(
  service: CloudService,
  options: HostedServiceSerializeOptions = {},
): string {
  const bag = new UnknownBag(service.unknownElements);
  const propertiesBag = bag.child('HostedServiceProperties');
  const root = orderedElement(
    'HostedService',
    hostedServiceOrder,
    [
      leaf('ServiceName', service.name),
      orderedElement(
        'HostedServiceProperties',
        hostedServicePropertiesOrder,
        [
          nillableLeaf('Description', service.description),
          leaf('AffinityGroup', service.affinityGroup),
          leaf('Location', service.location),
          leaf('Label', service.label === undefined ? undefined : encodeBase64Label(service.label)),
          leaf('Status', service.status),
          leaf('DateCreated', service.dateCreated),
          leaf('DateLastModified', service.dateLastModified),
        ],
        propertiesBag,
      ),
      options.embedDetail === false
        ? undefined
        : listNode('HostedService', 'Deployments', 'Deployment', service.deployments, bag, (deployment) =>
            deploymentNode(deployment, options),
          ),
    ],
    bag,
  );
  return renderBody(root);
}
