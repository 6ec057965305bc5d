/** Every VM with a disk in the account must be migrated first (D6). Ours. */
import { scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const storageAccountUsedByVmsRule = defineRule(
  {
    code: 'STORAGE_ACCOUNT_USED_BY_CLASSIC_VMS',
    title: 'Storage account holds disks of Classic VMs',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['storageAccount'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Storage account {storage-account-name} because it holds disks of VM {vm-name} in HostedService {hosted-service-name}, which is not migrated yet.',
    azureText: false,
    recommendation:
      'Migrate the VMs first (their cloud service or virtual network, through Commit), then migrate the storage account.',
    sources: ['D6'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'storageAccount') return [];
    const account = context.contents.storageAccount;
    return context.contents.virtualMachines.map((vm) =>
      report(
        { ...scopeSubject(context), virtualMachineName: vm.role.name },
        {
          'storage-account-name': account.name,
          'vm-name': vm.role.name,
          'hosted-service-name': vm.cloudService.name,
        },
      ),
    );
  },
);
