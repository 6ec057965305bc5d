/**
 * `HostedService` (Get Hosted Service Properties, with `embed-detail=true` its `Deployments`) → the
 * model's cloud service. Without a `Deployments` element (plain Get, or an item of List Hosted
 * Services) the document says nothing about deployments, which the merge must respect.
 */
import {
  type CloudService,
  cloudServiceSchema,
  type UnknownElement,
} from '../../../domain/classic/compute.schema';
import { ElementReader } from '../xml/element-reader';
import type { XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';
import type { ParseContext } from './parse-context';
import { parseDeploymentElement } from './parse-deployment';

export interface ParsedHostedService {
  cloudService: CloudService;
  /** False when the element had no `Deployments` (the deployments are unknown, not absent). */
  hasDeployments: boolean;
}

export function parseHostedServiceElement(element: XmlElement, context: ParseContext): ParsedHostedService {
  const unknownElements: UnknownElement[] = [];
  const service = ElementReader.forObject(element, unknownElements);
  const name = service.requiredString('ServiceName');
  const properties = service.nested('HostedServiceProperties', (p) => ({
    description: p.string('Description', { nilIsWritten: true }),
    affinityGroup: p.string('AffinityGroup'),
    location: p.string('Location'),
    label: p.base64Text('Label'),
    status: p.string('Status'),
    dateCreated: p.string('DateCreated'),
    dateLastModified: p.string('DateLastModified'),
  }));
  const hasDeployments = service.has('Deployments');
  const deployments = service.objects('Deployments', 'Deployment', (item) =>
    parseDeploymentElement(item, context, name),
  );
  service.finish();
  const cloudService = modelFrom(
    cloudServiceSchema,
    { name, ...properties, deployments, unknownElements },
    element,
  );
  return { cloudService, hasDeployments };
}
