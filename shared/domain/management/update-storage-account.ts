/**
 * Update Storage Account (`PUT /{sub}/services/storageservices/{name}`, body `UpdateStorageServiceInput`,
 * https://learn.microsoft.com/en-us/previous-versions/azure/reference/hh264516(v=azure.100)): changes a
 * classic storage account's label, description or replication (`AccountType`). Refused while the account
 * is under migration (`Storage account {name} …`). Pure.
 *
 * Replication changes: Azure did not convert to or from zone-redundant or premium storage; ours refuses
 * those with our text.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName } from '../classic/names';
import type { StorageAccountType } from '../classic/storage.schema';
import { scopeNotFoundMessage } from '../validation/scope-not-found';
import { badRequest, resourceNotFound } from './management-error';
import { resourceLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';

export interface UpdateStorageAccountRequest {
  label?: string;
  description?: string;
  accountType?: StorageAccountType;
}

const fixedTypes: readonly StorageAccountType[] = ['Standard_ZRS', 'Premium_LRS'];

export function planUpdateStorageAccount(
  inventory: ClassicInventory,
  name: string,
  request: UpdateStorageAccountRequest,
): WritePlan {
  const account = findByName(inventory.storageAccounts, name);
  if (!account) return refuse(resourceNotFound(scopeNotFoundMessage({ kind: 'storageAccount', name })));
  const lockTargets = [
    resourceLockTarget('storageAccount', account.name, { kind: 'storageAccount', name: account.name }),
  ];
  const accountType = request.accountType ?? account.accountType;
  if (
    accountType !== account.accountType &&
    (fixedTypes.includes(accountType) || fixedTypes.includes(account.accountType))
  ) {
    return refuse(
      badRequest(
        `The account type of storage account ${account.name} cannot change from ${account.accountType} to ${accountType}.`,
      ),
      lockTargets,
    );
  }
  const updated = {
    ...account,
    ...(request.label === undefined ? {} : { label: request.label }),
    ...(request.description === undefined ? {} : { description: request.description }),
    accountType,
  };
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: {
        ...inventory,
        storageAccounts: inventory.storageAccounts.map((a) => (a === account ? updated : a)),
      },
      changed: { storageAccounts: [account.name] },
    },
  };
}
