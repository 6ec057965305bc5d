/**
 * A Classic PersistentVMRole → `Microsoft.Compute/virtualMachines` (2016-03-30), its disks, extensions,
 * certificates, WinRM listeners and boot diagnostics (D1, C8). Pure.
 *
 * - Disks stay unmanaged: `vhd.uri` = the Classic MediaLink, `createOption: Attach`, caching from
 *   HostCaching. A data disk whose page blob size is not its logical size (+ the 512-byte VHD footer)
 *   migrates without `diskSizeGB` (D3).
 * - `osProfile.computerName` stays empty: Classic never stored it (D1). The 2016-03-30 schema requires
 *   nothing in osProfile, so `computerName: ''` validates.
 * - Certificates → `osProfile.secrets` pointing at the cloud service's key vault; WinRM listeners →
 *   `windowsConfiguration.winRM.listeners`, HTTPS ones with their certificate's secret URL.
 * - Boot diagnostics → `storageUri` = the blob endpoint of the account holding the screenshot/serial
 *   log (D1); our fallback when Classic names neither: the OS disk's account.
 * - Alert rules and autoscale settings do not migrate (dropped, D2).
 * - `LicenseType` (Hybrid Use Benefit) → `licenseType`, same values (`Windows_Server`, `Windows_Client`):
 *   VM properties migrate unchanged (D1), and a VM must keep the licence it was billed under
 *   (https://learn.microsoft.com/azure/virtual-machines/windows/hybrid-use-benefit-licensing).
 */
import type { DataDisk } from '../classic/compute.schema';
import { armVmSize } from '../classic/vm-sizes';
import { childClassicId } from './classic-ids';
import { translateExtension } from './extension.translate';
import type { KeyVaultPlacement } from './key-vault.translate';
import type { NetworkInterfaces } from './network-interface.translate';
import type { TranslatedVm } from './translated-vm';
import { account, addResource, type TranslationContext } from './translation-context';

const gibibyte = 1024 ** 3;
const vhdFooterBytes = 512;

/** True when the data disk's blob size is unknown or matches its logical size (with or without footer). */
export function dataDiskSizeMatches(disk: DataDisk): boolean {
  if (disk.blobSizeBytes === undefined) return true;
  const logical = disk.logicalDiskSizeInGB * gibibyte;
  return disk.blobSizeBytes === logical || disk.blobSizeBytes === logical + vhdFooterBytes;
}

/** `https://<account>.blob.core.windows.net/` from any blob URI; undefined when it is not one. */
export function blobEndpointOf(uri: string | undefined): string | undefined {
  if (uri === undefined) return undefined;
  const match = /^(https?:\/\/[^/]+\.blob\.[^/]+)\//i.exec(uri);
  return match?.[1] ? `${match[1]}/` : undefined;
}

export interface VirtualMachineInput {
  vm: TranslatedVm;
  resourceGroup: string;
  location: string;
  nics: NetworkInterfaces;
  availabilitySetId: string | undefined;
  keyVault: KeyVaultPlacement | undefined;
}

export function translateVirtualMachine(ctx: TranslationContext, input: VirtualMachineInput): string {
  const { vm } = input;
  const role = vm.vm.role;
  const isWindows = role.osDisk.os === 'Windows';

  const dataDisks = role.dataDisks.map((disk) => ({
    lun: disk.lun,
    name: disk.diskName,
    vhd: { uri: disk.mediaLink },
    caching: disk.hostCaching,
    createOption: 'Attach',
    ...(dataDiskSizeMatches(disk) ? { diskSizeGB: disk.logicalDiskSizeInGB } : {}),
  }));

  const certificateUrls = new Map<string, string>();
  const wanted = [
    ...role.certificateThumbprints,
    ...role.winRmListeners.flatMap((listener) =>
      listener.certificateThumbprint ? [listener.certificateThumbprint] : [],
    ),
  ];
  for (const thumbprint of wanted) {
    const url = input.keyVault?.certificateUrl(thumbprint);
    if (url) certificateUrls.set(thumbprint.toLowerCase(), url);
  }
  const secrets =
    input.keyVault && certificateUrls.size > 0
      ? [
          {
            sourceVault: { id: input.keyVault.id },
            vaultCertificates: [...certificateUrls.values()].map((certificateUrl) => ({
              certificateUrl,
              ...(isWindows ? { certificateStore: 'My' } : {}),
            })),
          },
        ]
      : [];
  const listeners = role.winRmListeners.map((listener) => {
    const url = listener.certificateThumbprint
      ? certificateUrls.get(listener.certificateThumbprint.toLowerCase())
      : undefined;
    return { protocol: listener.protocol, ...(url ? { certificateUrl: url } : {}) };
  });

  const debug = role.debugSettings;
  const bootDiagnosticsUri = debug?.bootDiagnosticsEnabled
    ? (blobEndpointOf(debug.consoleScreenshotBlobUri) ??
      blobEndpointOf(debug.serialOutputBlobUri) ??
      blobEndpointOf(role.osDisk.mediaLink))
    : undefined;

  const nicReferences = [
    { id: input.nics.primaryId, properties: { primary: true } },
    ...input.nics.secondaryIds.map((id) => ({ id, properties: { primary: false } })),
  ];

  addResource(ctx, {
    request: {
      kind: 'virtualMachine',
      classicId: vm.classicId,
      principal: true,
      tokens: {
        cloudService: vm.vm.cloudService.name,
        deployment: vm.vm.deployment.name,
        vm: role.name,
        name: role.name,
        location: input.location,
      },
    },
    resourceGroup: input.resourceGroup,
    type: 'Microsoft.Compute/virtualMachines',
    location: input.location,
    properties: {
      hardwareProfile: { vmSize: armVmSize(role.roleSize) },
      storageProfile: {
        osDisk: {
          name: role.osDisk.diskName,
          osType: role.osDisk.os,
          vhd: { uri: role.osDisk.mediaLink },
          caching: role.osDisk.hostCaching,
          createOption: 'Attach',
          ...(role.osDisk.logicalDiskSizeInGB !== undefined
            ? { diskSizeGB: role.osDisk.logicalDiskSizeInGB }
            : {}),
        },
        dataDisks,
      },
      osProfile: {
        computerName: '',
        ...(secrets.length > 0 ? { secrets } : {}),
        ...(isWindows
          ? {
              windowsConfiguration: {
                provisionVMAgent: role.provisionGuestAgent,
                ...(listeners.length > 0 ? { winRM: { listeners } } : {}),
              },
            }
          : {}),
      },
      networkProfile: { networkInterfaces: nicReferences },
      ...(input.availabilitySetId ? { availabilitySet: { id: input.availabilitySetId } } : {}),
      ...(bootDiagnosticsUri
        ? { diagnosticsProfile: { bootDiagnostics: { enabled: true, storageUri: bootDiagnosticsUri } } }
        : {}),
      ...(role.licenseType ? { licenseType: role.licenseType } : {}),
    },
    dependsOn: [
      input.nics.primaryId,
      ...input.nics.secondaryIds,
      input.availabilitySetId,
      secrets.length > 0 ? input.keyVault?.id : undefined,
    ],
  });

  account(ctx, {
    classicId: vm.classicId,
    classicType: 'VirtualMachine',
    name: role.name,
    outcome: 'migrated',
    armIds: [vm.id],
  });
  account(ctx, {
    classicId: childClassicId(vm.classicId, 'disks', role.osDisk.diskName),
    classicType: 'OsDisk',
    name: role.osDisk.diskName,
    outcome: 'migrated',
    armIds: [vm.id],
    note: 'Unmanaged OS disk of the VM (same VHD blob)',
  });
  for (const disk of role.dataDisks)
    account(ctx, {
      classicId: childClassicId(vm.classicId, 'disks', disk.diskName),
      classicType: 'DataDisk',
      name: disk.diskName,
      outcome: 'migrated',
      armIds: [vm.id],
      note: dataDiskSizeMatches(disk)
        ? `Unmanaged data disk at LUN ${disk.lun} (same VHD blob)`
        : `Unmanaged data disk at LUN ${disk.lun}; size omitted: the blob size does not match the logical size (D3)`,
    });
  for (const alert of role.alertRules)
    account(ctx, {
      classicId: childClassicId(vm.classicId, 'alertRules', alert.name),
      classicType: 'AlertRule',
      name: alert.name,
      outcome: 'dropped',
      armIds: [],
      reason: 'Alerts on Classic VMs are dropped by migration; re-create them in Resource Manager (D2)',
    });

  role.extensions.forEach((extension, index) => {
    const classicId = childClassicId(vm.classicId, 'extensions', extension.referenceName);
    const translation = translateExtension(extension);
    if (translation.outcome !== 'migrated') {
      account(ctx, {
        classicId,
        classicType: 'ResourceExtension',
        name: extension.referenceName,
        outcome: translation.outcome,
        armIds: [],
        reason: translation.reason,
      });
      return;
    }
    const id = addResource(ctx, {
      request: {
        kind: 'extension',
        classicId,
        principal: true,
        tokens: {
          cloudService: vm.vm.cloudService.name,
          vm: role.name,
          name: extension.referenceName,
          index,
        },
      },
      resourceGroup: input.resourceGroup,
      type: 'Microsoft.Compute/virtualMachines/extensions',
      location: input.location,
      parent: { name: vm.name, id: vm.id },
      properties: translation.properties,
      dependsOn: [vm.id],
    });
    account(ctx, {
      classicId,
      classicType: 'ResourceExtension',
      name: extension.referenceName,
      outcome: 'migrated',
      armIds: [id],
      ...(translation.note ? { note: translation.note } : {}),
    });
  });
  return vm.id;
}
