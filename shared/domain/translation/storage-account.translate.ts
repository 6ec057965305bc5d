/**
 * Classic storage account → `Microsoft.Storage/storageAccounts` (2016-01-01) with the same name, in
 * `<account>-Migrated` (H4), `kind: Storage`, SKU = the Classic account type. The disks, images and VMs
 * that still use the account are refused: VMs migrate first, unattached disks and images must be deleted
 * (the VHD blobs stay and move with the account) — D6. Pure.
 */
import type { StorageAccountScope } from '../scope/scope-contents';
import { resolveArmLocation } from './arm-location';
import {
  childClassicId,
  cloudServiceClassicId,
  storageAccountClassicId,
  virtualMachineClassicId,
} from './classic-ids';
import { account, addResource, type TranslationContext, useResourceGroup } from './translation-context';

export function translateStorageAccountScope(ctx: TranslationContext, contents: StorageAccountScope): void {
  const storage = contents.storageAccount;
  const classicId = storageAccountClassicId(ctx.subscriptionId, ctx.inventory, storage);
  const knownLocation = resolveArmLocation(ctx.inventory, storage);
  const location = knownLocation ?? ctx.options.defaultLocation;
  if (!knownLocation)
    ctx.issues.push({
      code: 'LOCATION_UNKNOWN',
      message: `Storage account ${storage.name} has no location or known affinity group; using ${location}`,
      classicId,
    });
  const tokens = { storageAccount: storage.name, name: storage.name, location };
  const resourceGroup = useResourceGroup(
    ctx,
    { kind: 'storageAccountResourceGroup', classicId, tokens },
    location,
  );
  const id = addResource(ctx, {
    request: { kind: 'storageAccount', classicId, principal: true, tokens },
    resourceGroup,
    type: 'Microsoft.Storage/storageAccounts',
    location,
    sku: { name: storage.accountType },
    kind: 'Storage',
    properties: {},
  });
  account(ctx, {
    classicId,
    classicType: 'StorageAccount',
    name: storage.name,
    outcome: 'migrated',
    armIds: [id],
  });

  for (const disk of contents.disks)
    account(ctx, {
      classicId: childClassicId(classicId, 'disks', disk.name),
      classicType: 'Disk',
      name: disk.name,
      outcome: 'refused',
      armIds: [],
      reason: disk.attachedTo
        ? `Attached to VM ${disk.attachedTo.roleName} of cloud service ${disk.attachedTo.hostedServiceName}, which must migrate first`
        : 'Unattached Classic disk: delete it (the VHD blob stays and moves with the account)',
    });
  for (const image of contents.vmImages)
    account(ctx, {
      classicId: childClassicId(classicId, 'vmImages', image.name),
      classicType: 'VmImage',
      name: image.name,
      outcome: 'refused',
      armIds: [],
      reason: 'Classic VM image: delete it (the VHD blobs stay and move with the account)',
    });
  for (const vm of contents.virtualMachines)
    account(ctx, {
      classicId: virtualMachineClassicId(ctx.subscriptionId, vm.cloudService, vm.deployment, vm.role.name),
      classicType: 'VirtualMachine',
      name: vm.role.name,
      outcome: 'refused',
      armIds: [],
      reason: `Uses the account; migrate cloud service ${vm.cloudService.name} (${cloudServiceClassicId(ctx.subscriptionId, vm.cloudService)}) first`,
    });
}
