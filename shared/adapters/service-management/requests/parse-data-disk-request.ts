/**
 * The body of Add Data Disk (`POST …/roles/{role}/DataDisks`):
 *
 * ```xml
 * <DataVirtualHardDisk xmlns="http://schemas.microsoft.com/windowsazure">
 *   <HostCaching>ReadOnly</HostCaching><DiskLabel>…</DiskLabel><DiskName>…</DiskName><Lun>0</Lun>
 *   <LogicalDiskSizeInGB>128</LogicalDiskSizeInGB><MediaLink>https://…/data.vhd</MediaLink>
 * </DataVirtualHardDisk>
 * ```
 *
 * Every element is optional here; what a new disk needs is the domain's to decide.
 */
import { hostCachingSchema } from '../../../domain/classic/compute.schema';
import type { DataDiskRequest } from '../../../domain/management/add-data-disk';
import { err, ok, type Result } from '../result';
import type { ServiceManagementError } from '../service-management-error';
import type { XmlLimits } from '../xml/safe-xml';
import { childText, requestRoot } from './request-element';

export function parseDataDiskRequest(
  xml: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): Result<DataDiskRequest, ServiceManagementError> {
  const root = requestRoot(xml, 'DataVirtualHardDisk', limits);
  if (!root.ok) return root;
  const element = root.value;
  const integer = (name: string): Result<number | undefined, ServiceManagementError> => {
    const text = childText(element, name);
    if (text === undefined) return ok(undefined);
    return /^\d+$/.test(text)
      ? ok(Number(text))
      : err({
          code: 'InvalidDocument',
          message: `${name} must be a whole number.`,
          path: `${element.path}/${name}`,
        });
  };
  const lun = integer('Lun');
  if (!lun.ok) return lun;
  const size = integer('LogicalDiskSizeInGB');
  if (!size.ok) return size;
  const caching = childText(element, 'HostCaching');
  const hostCaching =
    caching === undefined
      ? undefined
      : hostCachingSchema.options.find((o) => o.toLowerCase() === caching.toLowerCase());
  if (caching !== undefined && hostCaching === undefined) {
    return err({
      code: 'InvalidDocument',
      message: `'${caching}' is not a HostCaching value (None, ReadOnly, ReadWrite).`,
      path: `${element.path}/HostCaching`,
    });
  }
  const optional = <T>(name: string, value: T | undefined) => (value === undefined ? {} : { [name]: value });
  return ok({
    ...optional('hostCaching', hostCaching),
    ...optional('diskLabel', childText(element, 'DiskLabel')),
    ...optional('diskName', childText(element, 'DiskName')),
    ...optional('lun', lun.value),
    ...optional('logicalDiskSizeInGB', size.value),
    ...optional('mediaLink', childText(element, 'MediaLink')),
  });
}
