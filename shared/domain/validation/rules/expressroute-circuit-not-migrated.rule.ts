/**
 * Classic ExpressRoute circuits must be moved to ARM before the VNets they link (D1, D2, D9): a check
 * only Prepare ran. Ours.
 */
import { scopeSubject } from '../support/scope-subjects';
import { gaOnly } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const expressRouteCircuitNotMigratedRule = defineRule(
  {
    code: 'EXPRESSROUTE_CIRCUIT_NOT_MIGRATED',
    title: 'Classic ExpressRoute circuit not migrated',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['virtualNetwork'],
    profiles: gaOnly,
    messageTemplate:
      'Migration is not supported for Virtual Network {vnet-name} because ExpressRoute circuit {circuit-name} is not migrated to Azure Resource Manager.',
    azureText: false,
    recommendation:
      'Move the ExpressRoute circuit to Azure Resource Manager first (with Classic operations allowed it keeps serving Classic VNets), then retry.',
    sources: ['D1', 'D2', 'D9'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'virtualNetwork') return [];
    const vnet = context.contents.virtualNetwork;
    return context.contents.expressRouteCircuits
      .filter((circuit) => !circuit.migratedToArm)
      .map((circuit) =>
        report(scopeSubject(context), { 'vnet-name': vnet.name, 'circuit-name': circuit.name }),
      );
  },
);
