/** The May 2016 preview did not migrate unassociated reserved IPs (H1; GA deep dive: "not currently supported", H3). Ours. */
import { cloudServicesUsingReservedIp } from '../support/reserved-ip-associations';
import { scopeSubject } from '../support/scope-subjects';
import { preview2016Only } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const reservedIpUnattachedNotSupportedRule = defineRule(
  {
    code: 'RESERVED_IP_UNATTACHED_NOT_SUPPORTED',
    title: 'Unassociated reserved IP (2016)',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['reservedIp'],
    profiles: preview2016Only,
    messageTemplate:
      'Migration is not supported for Reserved IP {reserved-ip-name} because it is not associated with a HostedService.',
    azureText: false,
    recommendation:
      'Not supported in 2016: associate the reserved IP with a cloud service that migrates, or keep it on Classic.',
    sources: ['H1', 'H3'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'reservedIp') return [];
    const reservedIp = context.contents.reservedIp;
    return cloudServicesUsingReservedIp(context.inventory, reservedIp).length === 0
      ? [report(scopeSubject(context), { 'reserved-ip-name': reservedIp.name })]
      : [];
  },
);
