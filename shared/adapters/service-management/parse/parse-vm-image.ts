/**
 * `OSImage` (List OS Images, root `Images`) and `VMImage` (List VM Images) → the model's VM image, with
 * every media link (OS and data disks) so storage-account scoping can find the images in an account.
 */
import type { UnknownElement } from '../../../domain/classic/compute.schema';
import { type VmImage, vmImageSchema } from '../../../domain/classic/storage.schema';
import { ElementReader } from '../xml/element-reader';
import type { XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';

const osTypes = ['Windows', 'Linux'] as const;

export function parseOsImageElement(element: XmlElement): VmImage {
  const unknownElements: UnknownElement[] = [];
  const image = ElementReader.forObject(element, unknownElements);
  const mediaLink = image.string('MediaLink');
  const input = {
    name: image.requiredString('Name'),
    category: image.string('Category'),
    label: image.string('Label'),
    os: image.oneOf('OS', osTypes),
    mediaLinks: mediaLink === undefined ? [] : [mediaLink],
    unknownElements,
  };
  image.finish();
  return modelFrom(vmImageSchema, input, element);
}

export function parseVmImageElement(element: XmlElement): VmImage {
  const unknownElements: UnknownElement[] = [];
  const image = ElementReader.forObject(element, unknownElements);
  const osDisk = image.nested('OSDiskConfiguration', (disk) => ({
    os: disk.oneOf('OS', osTypes),
    mediaLink: disk.string('MediaLink'),
  }));
  const dataDiskLinks = image.list('DataDiskConfigurations', 'DataDiskConfiguration', (disk) =>
    disk.string('MediaLink'),
  );
  const input = {
    name: image.requiredString('Name'),
    label: image.string('Label'),
    category: image.string('Category'),
    os: osDisk?.os,
    mediaLinks: [osDisk?.mediaLink, ...dataDiskLinks].filter((link): link is string => link !== undefined),
    unknownElements,
  };
  image.finish();
  return modelFrom(vmImageSchema, input, element);
}
