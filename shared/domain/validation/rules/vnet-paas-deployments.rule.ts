/**
 * A VNet holding web/worker role deployments cannot migrate: VMs and web/worker roles may not share a VNet
 * (D2), and Azure reported it once for the VNet (H5 #18). Gateways, which Azure counts as deployments of
 * the VNet, are not in the inventory's deployment list, so every PaaS deployment here is "non-gateway".
 */
import { deploymentsOf, isPaasDeployment, scopeSubject } from '../support/scope-subjects';
import { allProfiles } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const vnetPaasDeploymentsRule = defineRule(
  {
    code: 'VNET_PAAS_DEPLOYMENTS',
    title: 'Web/worker roles in the virtual network',
    severity: 'Error',
    stage: 'classic',
    scopeKinds: ['virtualNetwork'],
    profiles: allProfiles,
    messageTemplate:
      'Migration is not supported for Virtual Network {vnet-name} because it has non-gateway PaaS deployments.',
    azureText: true,
    recommendation:
      'Move the web/worker role deployments to a virtual network of their own (they migrate through Cloud Services (extended support)), then retry.',
    sources: ['H5', 'D2', 'D3'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'virtualNetwork') return [];
    const hasPaas = deploymentsOf(context.contents).some(({ deployment }) => isPaasDeployment(deployment));
    return hasPaas
      ? [report(scopeSubject(context), { 'vnet-name': context.contents.virtualNetwork.name })]
      : [];
  },
);
