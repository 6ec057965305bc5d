/**
 * Storage accounts → Get Storage Account Properties (`<StorageService>`) and List Storage Accounts
 * (`<StorageServices>`), with `MigrationState` when given; label base64, absent description `i:nil`.
 */
import type { StorageAccount } from '../../../domain/classic/storage.schema';
import type { MigrationState } from '../../../domain/migration/migration-state';
import { encodeBase64Label } from '../xml/base64-label';
import { storageServiceOrder, storageServicePropertiesOrder } from '../xml/element-order';
import { UnknownBag } from '../xml/unknown-elements';
import { type ElementNode, leaf, orderedElement } from '../xml/xml-writer';
import { nillableLeaf } from './list-node';
import { renderBody, renderListBody } from './response-body';

export interface StorageServiceSerializeOptions {
  /** MigrationState per storage account name. */
  migrationStates?: Readonly<Record<string, MigrationState>>;
}

export function serializeStorageService(
  account: StorageAccount,
  options: StorageServiceSerializeOptions = {},
): string {
  return renderBody(storageServiceNode(account, options));
}

export function serializeStorageServices(
  accounts: readonly StorageAccount[],
  options: StorageServiceSerializeOptions = {},
): string {
  return renderListBody(
    'StorageServices',
    accounts.map((account) => storageServiceNode(account, options)),
  );
}

function storageServiceNode(account: StorageAccount, options: StorageServiceSerializeOptions): ElementNode {
  const bag = new UnknownBag(account.unknownElements);
  const states = options.migrationStates ?? {};
  const stateKey = Object.keys(states).find((k) => k.toLowerCase() === account.name.toLowerCase());
  return orderedElement(
    'StorageService',
    storageServiceOrder,
    [
      leaf('ServiceName', account.name),
      orderedElement(
        'StorageServiceProperties',
        storageServicePropertiesOrder,
        [
          nillableLeaf('Description', account.description),
          leaf('AffinityGroup', account.affinityGroup),
          leaf('Location', account.location),
          leaf('Label', account.label === undefined ? undefined : encodeBase64Label(account.label)),
          leaf('Status', account.status),
          leaf('AccountType', account.accountType),
        ],
        bag.child('StorageServiceProperties'),
      ),
      leaf('MigrationState', stateKey === undefined ? undefined : states[stateKey]),
    ],
    bag,
  );
}
