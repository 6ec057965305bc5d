/** Cases for the VNet rules: hosted services, peering, gateways and ExpressRoute (D1, D2, D8, D9, H1). */
import { testSubscriptionId } from '../../../../fixtures/classic-builders';
import { onVnet, vnetEstate, vnetInput } from './estate';
import type { RuleCaseTable } from './rule-case';

const hosting = (hosts: Record<string, unknown>) => () => vnetInput(vnetEstate({}, { hosts }));
const ipsecTo = (
  site: string,
  connectivityState: 'Connected' | 'Connecting' | 'NotConnected' = 'Connected',
) => ({
  localNetworkSiteName: site,
  connectionType: 'IPsec' as const,
  connectivityState,
});
const withCircuit = (circuit: { migratedToArm?: boolean; subscriptionId?: string }) => () =>
  vnetInput(
    vnetEstate(
      {},
      { expressRouteGateway: { circuitServiceKeys: ['key1'] } },
      { expressRouteCircuits: [{ serviceKey: 'key1', name: 'er1', ...circuit }] },
    ),
  );
const vnetMessage = (reason: string) =>
  onVnet(`Migration is not supported for Virtual Network vnet1 because ${reason}.`);

export const vnetCases = {
  ARM_INVALID_ADDRESS_PREFIX: {
    positive: [
      {
        when: 'a subnet prefix has host bits set',
        input: () =>
          vnetInput(vnetEstate({}, { subnets: [{ name: 'Subnet-1', addressPrefix: '10.0.0.5/24' }] })),
        expected: [
          onVnet(
            'Address prefix 10.0.0.5/24 of subnet Subnet-1 of Virtual Network vnet1 is not a valid CIDR block in Azure Resource Manager because its host bits are set; the block it denotes is 10.0.0.0/24.',
          ),
        ],
      },
      {
        when: 'the address space is as in the recorded netcfg (192.168.2.0/16)',
        input: () =>
          vnetInput(
            vnetEstate(
              {},
              {
                addressSpace: ['192.168.2.0/16'],
                subnets: [{ name: 'Subnet-1', addressPrefix: '192.168.2.0/24' }],
              },
            ),
          ),
        expected: [
          onVnet(
            'Address prefix 192.168.2.0/16 of Virtual Network vnet1 is not a valid CIDR block in Azure Resource Manager because its host bits are set; the block it denotes is 192.168.0.0/16.',
          ),
        ],
      },
    ],
    negative: [{ when: 'every prefix is a network address', input: () => vnetInput(vnetEstate()) }],
  },
  VNET_APPLICATION_GATEWAY: {
    positive: [
      {
        when: 'the VNet hosts an application gateway',
        input: hosting({ applicationGateways: ['appgw1'] }),
        expected: [vnetMessage('it has Application Gateway appgw1')],
      },
    ],
    negative: [{ when: 'the VNet hosts no application gateway', input: hosting({}) }],
  },
  VNET_PEERING: {
    positive: [
      {
        when: 'the VNet is peered',
        input: () => vnetInput(vnetEstate({}, { peerings: ['vnet2'] })),
        expected: [vnetMessage('it is peered with Virtual Network vnet2')],
      },
    ],
    negative: [
      { when: 'the VNet is not peered', input: () => vnetInput(vnetEstate()) },
      {
        when: 'the profile is the 2016 preview, which predates peering',
        input: () => vnetInput(vnetEstate({}, { peerings: ['vnet2'] })),
        profile: 'preview-2016',
      },
    ],
  },
  VNET_APP_SERVICE_ENVIRONMENT: {
    positive: [
      {
        when: 'the VNet hosts an App Service Environment',
        input: hosting({ appServiceEnvironment: true }),
        expected: [vnetMessage('it has an App Service Environment')],
      },
    ],
    negative: [
      {
        when: 'the VNet hosts HDInsight only',
        input: hosting({ hdInsight: false, appServiceEnvironment: false }),
      },
    ],
  },
  VNET_HDINSIGHT: {
    positive: [
      {
        when: 'the VNet hosts HDInsight',
        input: hosting({ hdInsight: true }),
        expected: [vnetMessage('it has HDInsight clusters')],
      },
    ],
    negative: [
      {
        when: 'the VNet hosts an App Service Environment instead',
        input: hosting({ appServiceEnvironment: true }),
      },
    ],
  },
  VNET_DYNAMICS_LCS: {
    positive: [
      {
        when: 'the VNet hosts VMs managed by Dynamics LCS',
        input: hosting({ dynamicsLcs: true }),
        expected: [vnetMessage('it has VMs managed by Dynamics Lifecycle Services')],
      },
    ],
    negative: [{ when: 'the VNet hosts no LCS-managed VMs', input: hosting({ dynamicsLcs: false }) }],
  },
  VNET_API_MANAGEMENT: {
    positive: [
      {
        when: 'the VNet hosts API Management',
        input: hosting({ apiManagement: true }),
        expected: [vnetMessage('it has API Management deployments')],
      },
    ],
    negative: [{ when: 'the VNet hosts no API Management', input: hosting({ apiManagement: false }) }],
  },
  VNET_AZURE_AD_DOMAIN_SERVICES: {
    positive: [
      {
        when: 'the VNet hosts Azure AD Domain Services under the 2016 preview',
        input: hosting({ azureAdDomainServices: true }),
        profile: 'preview-2016',
        expected: [vnetMessage('it has Azure AD Domain Services')],
      },
    ],
    negative: [
      {
        when: 'the VNet hosts Azure AD Domain Services on the final platform, which supports it',
        input: hosting({ azureAdDomainServices: true }),
      },
    ],
  },
  VNET_GATEWAY_NOT_SUPPORTED: {
    positive: [
      {
        when: 'the VNet has VPN and ExpressRoute gateways under the 2016 preview',
        input: () => vnetInput(vnetEstate({}, { gateway: {}, expressRouteGateway: {} })),
        profile: 'preview-2016',
        expected: [vnetMessage('it has a VPN gateway'), vnetMessage('it has an ExpressRoute gateway')],
      },
    ],
    negative: [
      {
        when: 'the VNet has a VPN gateway on the final platform, which supports it',
        input: () => vnetInput(vnetEstate({}, { gateway: { connections: [ipsecTo('onprem')] } })),
      },
    ],
  },
  VNET_EXPRESSROUTE_AND_VPN_GATEWAYS: {
    positive: [
      {
        when: 'the VNet has both a VPN gateway and an ExpressRoute gateway',
        input: () =>
          vnetInput(
            vnetEstate({}, { gateway: { connections: [ipsecTo('onprem')] }, expressRouteGateway: {} }),
          ),
        expected: [vnetMessage('it has both an ExpressRoute gateway and a VPN gateway')],
      },
    ],
    negative: [
      {
        when: "the VNet's only gateway carries an ExpressRoute link",
        input: () =>
          vnetInput(
            vnetEstate(
              {},
              { gateway: { connections: [{ localNetworkSiteName: 'er', connectionType: 'Dedicated' }] } },
            ),
          ),
      },
    ],
  },
  GATEWAY_CONNECTION_DISCONNECTED: {
    positive: [
      {
        when: 'a gateway connection is not connected',
        input: () =>
          vnetInput(
            vnetEstate(
              {},
              { gateway: { connections: [ipsecTo('onprem', 'NotConnected'), ipsecTo('branch')] } },
            ),
          ),
        expected: [
          vnetMessage('its gateway connection to Local Network Site onprem is in a disconnected state'),
        ],
      },
    ],
    negative: [
      {
        when: 'the gateway connection is still connecting',
        input: () =>
          vnetInput(vnetEstate({}, { gateway: { connections: [ipsecTo('onprem', 'Connecting')] } })),
      },
    ],
  },
  EXPRESSROUTE_CIRCUIT_NOT_MIGRATED: {
    positive: [
      {
        when: 'the linked ExpressRoute circuit is still Classic',
        input: withCircuit({}),
        expected: [vnetMessage('ExpressRoute circuit er1 is not migrated to Azure Resource Manager')],
      },
    ],
    negative: [{ when: 'the linked circuit is already in ARM', input: withCircuit({ migratedToArm: true }) }],
  },
  EXPRESSROUTE_CIRCUIT_OTHER_SUBSCRIPTION: {
    positive: [
      {
        when: 'the linked circuit belongs to another subscription',
        input: withCircuit({ migratedToArm: true, subscriptionId: '11111111-1111-1111-1111-111111111111' }),
        expected: [
          vnetMessage(
            'ExpressRoute circuit er1 is in another subscription (11111111-1111-1111-1111-111111111111)',
          ),
        ],
      },
    ],
    negative: [
      {
        when: "the circuit's subscription is the VNet's, spelled in capitals",
        input: withCircuit({ migratedToArm: true, subscriptionId: testSubscriptionId.toUpperCase() }),
      },
    ],
  },
} satisfies RuleCaseTable;
