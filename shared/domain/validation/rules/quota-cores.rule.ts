/** ARM regional cores quota (D4, D5): cores of the planned VMs' sizes (shared/domain/classic/vm-sizes.ts). */
import { defineQuotaRule } from '../support/quota-rule';

export const quotaCoresRule = defineQuotaRule({
  code: 'QUOTA_CORES',
  resource: 'cores',
});
