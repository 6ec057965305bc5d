/** A gateway connection in a disconnected state: a check only Prepare ran (D1). Ours. */
import { scopeSubject } from '../support/scope-subjects';
import { gaOnly } from '../validation-profile';
import { defineRule } from '../validation-rule';

export const gatewayConnectionDisconnectedRule = defineRule(
  {
    code: 'GATEWAY_CONNECTION_DISCONNECTED',
    title: 'Gateway connection disconnected',
    severity: 'Error',
    stage: 'preflight',
    scopeKinds: ['virtualNetwork'],
    profiles: gaOnly,
    messageTemplate:
      'Migration is not supported for Virtual Network {vnet-name} because its gateway connection to Local Network Site {local-network-site-name} is in a disconnected state.',
    azureText: false,
    recommendation:
      'Reconnect the connection (check the shared key and the on-premises device) or remove it from the network configuration, then retry.',
    sources: ['D1'],
  },
  (context, report) => {
    if (context.contents?.kind !== 'virtualNetwork') return [];
    const vnet = context.contents.virtualNetwork;
    return (vnet.gateway?.connections ?? [])
      .filter((connection) => connection.connectivityState === 'NotConnected')
      .map((connection) =>
        report(scopeSubject(context), {
          'vnet-name': vnet.name,
          'local-network-site-name': connection.localNetworkSiteName,
        }),
      );
  },
);
