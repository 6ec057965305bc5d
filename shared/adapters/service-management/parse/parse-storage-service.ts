/**
 * `StorageService` (Get / an item of List Storage Accounts) → the model's storage account; the label
 * is base64. `MigrationState` is reported through the context.
 */
import type { UnknownElement } from '../../../domain/classic/compute.schema';
import {
  type StorageAccount,
  storageAccountSchema,
  storageAccountTypeSchema,
} from '../../../domain/classic/storage.schema';
import { migrationStates } from '../../../domain/migration/migration-state';
import { ElementReader } from '../xml/element-reader';
import type { XmlElement } from '../xml/xml-element';
import { modelFrom } from './model-from';
import type { ParseContext } from './parse-context';

export function parseStorageServiceElement(element: XmlElement, context: ParseContext): StorageAccount {
  const unknownElements: UnknownElement[] = [];
  const service = ElementReader.forObject(element, unknownElements);
  const name = service.requiredString('ServiceName');
  const properties = service.nested('StorageServiceProperties', (p) => ({
    description: p.string('Description', { nilIsWritten: true }),
    affinityGroup: p.string('AffinityGroup'),
    location: p.string('Location'),
    label: p.base64Text('Label'),
    status: p.string('Status'),
    accountType: p.oneOf('AccountType', storageAccountTypeSchema.options),
  }));
  const migrationState = service.oneOf('MigrationState', migrationStates);
  if (migrationState !== undefined) {
    context.observedMigrationStates.push({ resourceType: 'StorageAccount', name, state: migrationState });
  }
  service.finish();
  return modelFrom(storageAccountSchema, { name, ...properties, unknownElements }, element);
}
