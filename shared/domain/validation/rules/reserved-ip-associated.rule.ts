/**
 * A reserved IP migrates alone only when no cloud service uses it; otherwise it migrates with that cloud
 * service (D1, D10). Ours.
 */
import { cloudServicesUsingReservedIp } from '../support/reserved-ip-associations';
import { scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const reservedIpAssociatedRule = defineRule(
  {
    code: 'RESERVED_IP_ASSOCIATED',
    title: 'Reserved IP still associated with a cloud service',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['reservedIp'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Reserved IP {reserved-ip-name} on its own because it is associated with HostedService {hosted-service-name}.',
    azureText: false,
    recommendation:
      'Let it migrate with its cloud service (or that cloud service’s virtual network), or remove the association (Remove-AzureReservedIPAssociation) and retry.',
    sources: ['D1', 'D10'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'reservedIp') return [];
    const reservedIp = context.contents.reservedIp;
    return cloudServicesUsingReservedIp(context.inventory, reservedIp).map((service) =>
      report(scopeSubject(context), { 'reserved-ip-name': reservedIp.name, 'hosted-service-name': service }),
    );
  },
);
