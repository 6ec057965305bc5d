/**
 * Every validation rule, in the order docs and UIs list them: scope existence, Classic (Validate-stage)
 * checks from the deployment down to disks, VNet and stand-alone resources, the destination and RBAC, then
 * the pre-flight checks only Prepare ran in Azure. Codes are unique (a test holds that). Pure.
 */
import { armInvalidAddressPrefixRule } from './rules/arm-invalid-address-prefix.rule';
import { armPrivateIpConflictRule } from './rules/arm-private-ip-conflict.rule';
import { armResourceAlreadyExistsRule } from './rules/arm-resource-already-exists.rule';
import { classicRoleAssignmentsRule } from './rules/classic-role-assignments.rule';
import { deploymentAutoscaleRule } from './rules/deployment-autoscale.rule';
import { deploymentInVirtualNetworkRule } from './rules/deployment-in-virtual-network.rule';
import { deploymentMixedAvailabilitySetRule } from './rules/deployment-mixed-availability-set.rule';
import { deploymentMixedNicCountRule } from './rules/deployment-mixed-nic-count.rule';
import { deploymentMultipleAvailabilitySetsRule } from './rules/deployment-multiple-availability-sets.rule';
import { deploymentNotFoundRule } from './rules/deployment-not-found.rule';
import { deploymentNotInRegionalScopeRule } from './rules/deployment-not-in-regional-scope.rule';
import { deploymentPaasRule } from './rules/deployment-paas.rule';
import { destinationSubnetNotFoundRule } from './rules/destination-subnet-not-found.rule';
import { destinationVirtualNetworkNotFoundRule } from './rules/destination-virtual-network-not-found.rule';
import { destinationVirtualNetworkOtherLocationRule } from './rules/destination-virtual-network-other-location.rule';
import { expressRouteCircuitNotMigratedRule } from './rules/expressroute-circuit-not-migrated.rule';
import { expressRouteCircuitOtherSubscriptionRule } from './rules/expressroute-circuit-other-subscription.rule';
import { gatewayConnectionDisconnectedRule } from './rules/gateway-connection-disconnected.rule';
import { lbEndpointSetInconsistentRule } from './rules/lb-endpoint-set-inconsistent.rule';
import { lbEndpointUnknownInternalLoadBalancerRule } from './rules/lb-endpoint-unknown-internal-load-balancer.rule';
import { lbFrontendPortConflictRule } from './rules/lb-frontend-port-conflict.rule';
import { lbInternalStaticIpOutsideSubnetRule } from './rules/lb-internal-static-ip-outside-subnet.rule';
import { lbInternalSubnetNotFoundRule } from './rules/lb-internal-subnet-not-found.rule';
import { networkSecurityGroupAssociatedRule } from './rules/network-security-group-associated.rule';
import { networkSecurityGroupNotFoundRule } from './rules/network-security-group-not-found.rule';
import { networkSecurityGroupUnattachedNotSupportedRule } from './rules/network-security-group-unattached-not-supported.rule';
import { privateIpConflictDeallocatedRule } from './rules/private-ip-conflict-deallocated.rule';
import { quotaCoresRule } from './rules/quota-cores.rule';
import { quotaLoadBalancersRule } from './rules/quota-load-balancers.rule';
import { quotaNetworkInterfacesRule } from './rules/quota-network-interfaces.rule';
import { quotaNetworkSecurityGroupsRule } from './rules/quota-network-security-groups.rule';
import { quotaPublicIpAddressesRule } from './rules/quota-public-ip-addresses.rule';
import { quotaRouteTablesRule } from './rules/quota-route-tables.rule';
import { quotaStaticPublicIpAddressesRule } from './rules/quota-static-public-ip-addresses.rule';
import { quotaVirtualNetworksRule } from './rules/quota-virtual-networks.rule';
import { reservedIpAssociatedRule } from './rules/reserved-ip-associated.rule';
import { reservedIpNotFoundRule } from './rules/reserved-ip-not-found.rule';
import { reservedIpUnattachedNotSupportedRule } from './rules/reserved-ip-unattached-not-supported.rule';
import { routeTableAssociatedRule } from './rules/route-table-associated.rule';
import { routeTableNotFoundRule } from './rules/route-table-not-found.rule';
import { storageAccountMigrationNotSupportedRule } from './rules/storage-account-migration-not-supported.rule';
import { storageAccountNotFoundRule } from './rules/storage-account-not-found.rule';
import { storageAccountUnattachedDisksRule } from './rules/storage-account-unattached-disks.rule';
import { storageAccountUsedByVmsRule } from './rules/storage-account-used-by-vms.rule';
import { storageAccountVmImagesRule } from './rules/storage-account-vm-images.rule';
import { virtualNetworkNotFoundRule } from './rules/virtual-network-not-found.rule';
import { vmAgentNotReadyRule } from './rules/vm-agent-not-ready.rule';
import { vmAlertRulesRule } from './rules/vm-alert-rules.rule';
import { vmBootDiagnosticsNotSupportedRule } from './rules/vm-boot-diagnostics-not-supported.rule';
import { vmBootDiagnosticsPremiumRule } from './rules/vm-boot-diagnostics-premium.rule';
import { vmDataDiskInaccessibleRule } from './rules/vm-data-disk-inaccessible.rule';
import { vmDataDiskSizeMismatchRule } from './rules/vm-data-disk-size-mismatch.rule';
import { vmDefenderExtensionRule } from './rules/vm-defender-extension.rule';
import { vmDiskBlobNameWithSlashRule } from './rules/vm-disk-blob-name-with-slash.rule';
import { vmEndpointAclRule } from './rules/vm-endpoint-acl.rule';
import { vmExtensionHandlerNotReadyRule } from './rules/vm-extension-handler-not-ready.rule';
import { vmExtensionStatusNotReportedRule } from './rules/vm-extension-status-not-reported.rule';
import { vmHybridUseBenefitRule } from './rules/vm-hybrid-use-benefit.rule';
import { vmMultipleSubnetsRule } from './rules/vm-multiple-subnets.rule';
import { vmProvisioningTimeoutRule } from './rules/vm-provisioning-timeout.rule';
import { vmSiteRecoveryExtensionRule } from './rules/vm-site-recovery-extension.rule';
import { vmSiteRecoveryNotSupportedRule } from './rules/vm-site-recovery-not-supported.rule';
import { vmSnapshotExtensionRule } from './rules/vm-snapshot-extension.rule';
import { vmStateNotMigratableRule } from './rules/vm-state-not-migratable.rule';
import { vmSubnetNotFoundRule } from './rules/vm-subnet-not-found.rule';
import { vmWithoutSubnetRule } from './rules/vm-without-subnet.rule';
import { vmXmlExtensionRule } from './rules/vm-xml-extension.rule';
import { vnetApiManagementRule } from './rules/vnet-api-management.rule';
import { vnetAppServiceEnvironmentRule } from './rules/vnet-app-service-environment.rule';
import { vnetApplicationGatewayRule } from './rules/vnet-application-gateway.rule';
import { vnetAzureAdDomainServicesRule } from './rules/vnet-azure-ad-domain-services.rule';
import { vnetDynamicsLcsRule } from './rules/vnet-dynamics-lcs.rule';
import { vnetExpressRouteAndVpnGatewaysRule } from './rules/vnet-expressroute-and-vpn-gateways.rule';
import { vnetGatewayNotSupportedRule } from './rules/vnet-gateway-not-supported.rule';
import { vnetHdInsightRule } from './rules/vnet-hdinsight.rule';
import { vnetNameChangedRule } from './rules/vnet-name-changed.rule';
import { vnetNameWithSpacesRule } from './rules/vnet-name-with-spaces.rule';
import { vnetPaasDeploymentsRule } from './rules/vnet-paas-deployments.rule';
import { vnetPeeringRule } from './rules/vnet-peering.rule';
import type { ValidationRule } from './validation-rule';

export const ruleCatalogue = [
  deploymentNotFoundRule,
  virtualNetworkNotFoundRule,
  storageAccountNotFoundRule,
  reservedIpNotFoundRule,
  networkSecurityGroupNotFoundRule,
  routeTableNotFoundRule,
  deploymentPaasRule,
  vnetPaasDeploymentsRule,
  deploymentInVirtualNetworkRule,
  deploymentMultipleAvailabilitySetsRule,
  deploymentMixedAvailabilitySetRule,
  deploymentMixedNicCountRule,
  deploymentNotInRegionalScopeRule,
  deploymentAutoscaleRule,
  vmStateNotMigratableRule,
  vmProvisioningTimeoutRule,
  vmMultipleSubnetsRule,
  vmWithoutSubnetRule,
  vmSubnetNotFoundRule,
  vmEndpointAclRule,
  vmBootDiagnosticsPremiumRule,
  vmBootDiagnosticsNotSupportedRule,
  vmAlertRulesRule,
  vmXmlExtensionRule,
  vmSnapshotExtensionRule,
  vmExtensionStatusNotReportedRule,
  vmExtensionHandlerNotReadyRule,
  vmAgentNotReadyRule,
  vmDefenderExtensionRule,
  vmSiteRecoveryExtensionRule,
  vmSiteRecoveryNotSupportedRule,
  vmDiskBlobNameWithSlashRule,
  vmDataDiskSizeMismatchRule,
  vmDataDiskInaccessibleRule,
  vmHybridUseBenefitRule,
  vnetNameWithSpacesRule,
  vnetNameChangedRule,
  vnetApplicationGatewayRule,
  vnetPeeringRule,
  vnetAppServiceEnvironmentRule,
  vnetHdInsightRule,
  vnetDynamicsLcsRule,
  vnetApiManagementRule,
  vnetAzureAdDomainServicesRule,
  vnetGatewayNotSupportedRule,
  storageAccountMigrationNotSupportedRule,
  storageAccountUsedByVmsRule,
  storageAccountUnattachedDisksRule,
  storageAccountVmImagesRule,
  reservedIpAssociatedRule,
  reservedIpUnattachedNotSupportedRule,
  networkSecurityGroupAssociatedRule,
  networkSecurityGroupUnattachedNotSupportedRule,
  routeTableAssociatedRule,
  destinationVirtualNetworkNotFoundRule,
  destinationSubnetNotFoundRule,
  classicRoleAssignmentsRule,
  destinationVirtualNetworkOtherLocationRule,
  vnetExpressRouteAndVpnGatewaysRule,
  gatewayConnectionDisconnectedRule,
  expressRouteCircuitNotMigratedRule,
  expressRouteCircuitOtherSubscriptionRule,
  quotaCoresRule,
  quotaNetworkInterfacesRule,
  quotaLoadBalancersRule,
  quotaPublicIpAddressesRule,
  quotaStaticPublicIpAddressesRule,
  quotaNetworkSecurityGroupsRule,
  quotaRouteTablesRule,
  quotaVirtualNetworksRule,
  armResourceAlreadyExistsRule,
  armPrivateIpConflictRule,
  armInvalidAddressPrefixRule,
  lbEndpointSetInconsistentRule,
  lbFrontendPortConflictRule,
  lbInternalSubnetNotFoundRule,
  lbInternalStaticIpOutsideSubnetRule,
  lbEndpointUnknownInternalLoadBalancerRule,
  privateIpConflictDeallocatedRule,
] as const satisfies readonly ValidationRule[];

/** The code of every rule in the catalogue. */
export type RuleCode = (typeof ruleCatalogue)[number]['code'];

export function ruleByCode(code: string): ValidationRule | undefined {
  return ruleCatalogue.find((rule) => rule.code === code);
}
