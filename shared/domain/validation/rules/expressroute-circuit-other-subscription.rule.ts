/**
 * ExpressRoute gateways migrate only when the circuit is in the VNet's subscription (D2); across
 * subscriptions the link has to be removed and re-created, with downtime (D9). Ours.
 */
import { scopeSubject } from '../support/scope-subjects';
import { gaOnly } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const expressRouteCircuitOtherSubscriptionRule = defineRule(
  {
    code: 'EXPRESSROUTE_CIRCUIT_OTHER_SUBSCRIPTION',
    title: 'ExpressRoute circuit in another subscription',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['virtualNetwork'],
    profiles: gaOnly,
    messageTemplate:
      'Migration is not supported for Virtual Network {vnet-name} because ExpressRoute circuit {circuit-name} is in another subscription ({circuit-subscription-id}).',
    azureText: false,
    recommendation:
      'Remove the link to the circuit (this interrupts connectivity), migrate the virtual network, then link the circuit to the ARM gateway again.',
    sources: ['D2', 'D9'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'virtualNetwork') return [];
    const vnet = context.contents.virtualNetwork;
    const subscriptionId = context.inventory.subscription.id.toLowerCase();
    return context.contents.expressRouteCircuits.flatMap((circuit) =>
      circuit.subscriptionId !== undefined && circuit.subscriptionId.toLowerCase() !== subscriptionId
        ? [
            report(scopeSubject(context), {
              'vnet-name': vnet.name,
              'circuit-name': circuit.name,
              'circuit-subscription-id': circuit.subscriptionId,
            }),
          ]
        : [],
    );
  },
);
