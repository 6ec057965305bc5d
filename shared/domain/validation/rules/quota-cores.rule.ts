/** ARM regional cores quota (D4, D5): cores of the planned VMs' sizes (shared/domain/classic/vm-sizes.ts). */
import { coresOfArmSize } from '../../classic/vm-sizes';
import { defineQuotaRule, ofType } from '../support/quota-rule';

export const quotaCoresRule = defineQuotaRule({
  code: 'QUOTA_CORES',
  resource: 'cores',
  quotaName: 'cores',
  // A size missing from the table cannot be counted; it adds nothing rather than guessing.
  demand: (resources) =>
    ofType(resources, 'Microsoft.Compute/virtualMachines').reduce((sum, vm) => {
      const hardware = vm.properties['hardwareProfile'];
      const size =
        typeof hardware === 'object' &&
        hardware !== null &&
        'vmSize' in hardware &&
        typeof hardware.vmSize === 'string'
          ? hardware.vmSize
          : undefined;
      return sum + (size === undefined ? 0 : (coresOfArmSize(size) ?? 0));
    }, 0),
});
