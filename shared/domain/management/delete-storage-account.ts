/**
 * Delete Storage Account (`DELETE /{sub}/services/storageservices/{name}`,
 * https://learn.microsoft.com/en-us/previous-versions/azure/reference/hh264517(v=azure.100)): removes a
 * classic storage account. Refused while it is under migration (`Storage account {name} …`); and, as Azure
 * documents, while OS images, VM images or disks are located in it (a VM's disks included). Pure.
 */
import type { ClassicInventory } from '../classic/inventory.schema';
import { findByName } from '../classic/names';
import { resolveScope } from '../scope/scope-contents';
import { scopeNotFoundMessage } from '../validation/scope-not-found';
import { conflict, resourceNotFound } from './management-error';
import { resourceLockTarget } from './management-lock';
import { refuse, type WritePlan } from './management-write';

export function planDeleteStorageAccount(inventory: ClassicInventory, name: string): WritePlan {
  const account = findByName(inventory.storageAccounts, name);
  if (!account) return refuse(resourceNotFound(scopeNotFoundMessage({ kind: 'storageAccount', name })));
  const lockTargets = [
    resourceLockTarget('storageAccount', account.name, { kind: 'storageAccount', name: account.name }),
  ];
  const contents = resolveScope(inventory, { kind: 'storageAccount', name: account.name });
  if (contents?.kind === 'storageAccount') {
    const inUse = [
      ...contents.disks.map((disk) => `disk ${disk.name}`),
      ...contents.vmImages.map((image) => `image ${image.name}`),
      ...contents.virtualMachines.map((vm) => `VM ${vm.role.name} of cloud service ${vm.cloudService.name}`),
    ];
    if (inUse.length > 0) {
      // Our text, after Azure's documented rule.
      return refuse(
        conflict(
          `Storage account ${account.name} has images and/or disks in use (${inUse.slice(0, 5).join(', ')}${inUse.length > 5 ? ', …' : ''}). Remove them before deleting the storage account.`,
        ),
        lockTargets,
      );
    }
  }
  return {
    lockTargets,
    outcome: {
      ok: true,
      inventory: { ...inventory, storageAccounts: inventory.storageAccounts.filter((a) => a !== account) },
      changed: { removed: [{ collection: 'storageAccounts', name: account.name }] },
    },
  };
}
