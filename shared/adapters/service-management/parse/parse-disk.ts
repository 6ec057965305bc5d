/** `Disk` (List Disks / Get Disk, the subscription's disk repository) → the model's disk. */
import type { UnknownElement } from '../../../domain/classic/compute.schema';
import { type ClassicDisk, classicDiskSchema } from '../../../domain/classic/storage.schema';
import { ElementReader } from '../xml/element-reader';
import type { XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';

export function parseDiskElement(element: XmlElement): ClassicDisk {
  const unknownElements: UnknownElement[] = [];
  const disk = ElementReader.forObject(element, unknownElements);
  const input = {
    name: disk.requiredString('Name'),
    mediaLink: disk.requiredString('MediaLink'),
    os: disk.oneOf('OS', ['Windows', 'Linux']),
    logicalDiskSizeInGB: disk.integer('LogicalDiskSizeInGB'),
    attachedTo: disk.nested('AttachedTo', (attached) => ({
      hostedServiceName: attached.requiredString('HostedServiceName'),
      deploymentName: attached.requiredString('DeploymentName'),
      roleName: attached.requiredString('RoleName'),
    })),
    location: disk.string('Location'),
    label: disk.string('Label'),
    unknownElements,
  };
  disk.finish();
  return modelFrom(classicDiskSchema, input, element);
}
