/**
 * The body of Update Storage Account (`PUT /{sub}/services/storageservices/{name}`,
 * https://learn.microsoft.com/en-us/previous-versions/azure/reference/hh264516(v=azure.100)):
 *
 * ```xml
 * <UpdateStorageServiceInput xmlns="http://schemas.microsoft.com/windowsazure">
 *   <Description>…</Description><Label>base64</Label><AccountType>Standard_LRS</AccountType>
 * </UpdateStorageServiceInput>
 * ```
 *
 * Extended properties, custom domains and the retired geo-replication flags are not modelled and are
 * ignored.
 */
import { storageAccountTypeSchema } from '../../../domain/classic/storage.schema';
import type { UpdateStorageAccountRequest } from '../../../domain/management/update-storage-account';
import { err, ok, type Result } from '../result';
import type { ServiceManagementError } from '../service-management-error';
import { decodeBase64Label } from '../xml/base64-label';
import type { XmlLimits } from '../xml/safe-xml';
import { childText, requestRoot } from './request-element';

export function parseUpdateStorageAccount(
  xml: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): Result<UpdateStorageAccountRequest, ServiceManagementError> {
  const root = requestRoot(xml, 'UpdateStorageServiceInput', limits);
  if (!root.ok) return root;
  const type = childText(root.value, 'AccountType');
  const accountType =
    type === undefined
      ? undefined
      : storageAccountTypeSchema.options.find((option) => option.toLowerCase() === type.toLowerCase());
  if (type !== undefined && accountType === undefined) {
    return err({
      code: 'InvalidDocument',
      message: `'${type}' is not an AccountType (${storageAccountTypeSchema.options.join(', ')}).`,
      path: `${root.value.path}/AccountType`,
    });
  }
  const label = childText(root.value, 'Label');
  const description = childText(root.value, 'Description');
  return ok({
    ...(label === undefined ? {} : { label: decodeBase64Label(label) }),
    ...(description === undefined ? {} : { description }),
    ...(accountType === undefined ? {} : { accountType }),
  });
}
