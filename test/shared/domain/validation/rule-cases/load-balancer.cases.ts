/**
 * Cases for the pre-flight load-balancer validity checks and private IP conflicts among stop-deallocated
 * VMs (D1).
 */
import type { z } from 'zod';

import type { inputEndpointSchema } from '../../../../../shared/domain/classic/compute.schema';
import { aRoleInstance } from '../../../../fixtures/classic-builders';
import {
  anotherServiceInVnet,
  aVm,
  aVnetVm,
  cloudServiceEstate,
  cloudServiceInput,
  onDeployment,
  onVm,
  vnetEstate,
  vnetInput,
} from './estate';
import type { RuleCaseTable } from './rule-case';

type Endpoint = z.input<typeof inputEndpointSchema>;

const web = (overrides: Partial<Endpoint> = {}): Endpoint => ({
  name: 'web',
  protocol: 'tcp',
  port: 80,
  localPort: 80,
  loadBalancedEndpointSetName: 'web-set',
  probe: { protocol: 'tcp', port: 80 },
  ...overrides,
});
const rdp = (overrides: Partial<Endpoint> = {}): Endpoint => ({
  name: 'rdp',
  protocol: 'tcp',
  port: 3389,
  localPort: 3389,
  ...overrides,
});
const twoVmsWith = (
  first: Endpoint[],
  second: Endpoint[],
  deployment: Parameters<typeof cloudServiceEstate>[0] = {},
) =>
  cloudServiceInput(
    cloudServiceEstate({
      roles: [
        aVm('vm1', { network: { inputEndpoints: first } }),
        aVm('vm2', { network: { inputEndpoints: second } }),
      ],
      ...deployment,
    }),
  );
const ilbEstate = (subnetName: string, staticVirtualNetworkIPAddress?: string) =>
  vnetInput(
    vnetEstate({
      internalLoadBalancers: [
        {
          name: 'ilb1',
          subnetName,
          ...(staticVirtualNetworkIPAddress === undefined ? {} : { staticVirtualNetworkIPAddress }),
        },
      ],
    }),
  );
/** vm1 (svc1) stop-deallocated with static 10.0.0.4; vm2 in svc2 with the given state and address. */
const deallocatedPair = (
  otherAddress: string,
  otherStatus = 'ReadyRole',
  firstStatus = 'StoppedDeallocated',
) => {
  const estate = vnetEstate({
    roles: [
      aVnetVm('vm1', { network: { subnetNames: ['Subnet-1'], staticVirtualNetworkIPAddress: '10.0.0.4' } }),
    ],
    roleInstances: [aRoleInstance({ roleName: 'vm1', instanceStatus: firstStatus, ipAddress: '10.0.0.4' })],
  });
  estate.cloudServices.push(
    anotherServiceInVnet('svc2', [aVnetVm('vm2')], {
      roleInstances: [
        aRoleInstance({ roleName: 'vm2', instanceStatus: otherStatus, ipAddress: otherAddress }),
      ],
    }),
  );
  return vnetInput(estate);
};

export const loadBalancerCases = {
  LB_ENDPOINT_SET_INCONSISTENT: {
    positive: [
      {
        when: 'two members of an endpoint set differ in local port and probe',
        input: () =>
          twoVmsWith([web()], [web({ localPort: 8080, probe: { protocol: 'http', port: 80, path: '/' } })]),
        expected: [
          onDeployment(
            'Deployment dep1 in HostedService svc1 has load-balanced endpoint set web-set on VIP svc1ContractContract whose endpoints differ in local port, probe.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the members agree, the set named in different letter cases',
        input: () => twoVmsWith([web()], [web({ loadBalancedEndpointSetName: 'Web-Set' })]),
      },
    ],
  },
  LB_FRONTEND_PORT_CONFLICT: {
    positive: [
      {
        when: 'two VMs expose the same public port on the VIP as plain endpoints',
        input: () => twoVmsWith([rdp()], [rdp()]),
        expected: [
          onDeployment(
            'Deployment dep1 in HostedService svc1 uses port 3389/tcp of VIP svc1ContractContract for more than one rule: endpoint vm1/rdp, endpoint vm2/rdp.',
          ),
        ],
      },
      {
        when: 'an endpoint set and a plain endpoint share a public port',
        input: () => twoVmsWith([web()], [rdp({ name: 'http', port: 80, localPort: 8080 })]),
        expected: [
          onDeployment(
            'Deployment dep1 in HostedService svc1 uses port 80/tcp of VIP svc1ContractContract for more than one rule: set web-set, endpoint vm2/http.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the same port is used over TCP and UDP',
        input: () => twoVmsWith([rdp()], [rdp({ protocol: 'udp' })]),
      },
      {
        when: 'the same port is used on two different VIPs',
        input: () =>
          twoVmsWith([rdp({ vip: '40.1.2.3' })], [rdp({ vip: '40.1.2.4' })], {
            virtualIps: [
              { name: 'vip1', address: '40.1.2.3', isReserved: false },
              { name: 'vip2', address: '40.1.2.4', isReserved: false },
            ],
          }),
      },
      { when: 'the members of one endpoint set share the port', input: () => twoVmsWith([web()], [web()]) },
    ],
  },
  LB_INTERNAL_SUBNET_NOT_FOUND: {
    positive: [
      {
        when: 'the internal load balancer names a subnet the VNet lacks',
        input: () => ilbEstate('Subnet-9'),
        expected: [
          onDeployment(
            'Deployment dep1 in HostedService svc1 has internal load balancer ilb1 in subnet Subnet-9, which Virtual Network vnet1 does not have.',
          ),
        ],
      },
    ],
    negative: [{ when: 'the subnet exists under another letter case', input: () => ilbEstate('subnet-1') }],
  },
  LB_INTERNAL_STATIC_IP_OUTSIDE_SUBNET: {
    positive: [
      {
        when: "the internal load balancer's static address is outside its subnet",
        input: () => ilbEstate('Subnet-1', '10.0.1.10'),
        expected: [
          onDeployment(
            'Deployment dep1 in HostedService svc1 has internal load balancer ilb1 with static IP address 10.0.1.10, which is outside subnet Subnet-1 (10.0.0.0/24).',
          ),
        ],
      },
    ],
    negative: [
      { when: 'the static address is inside the subnet', input: () => ilbEstate('Subnet-1', '10.0.0.10') },
    ],
  },
  LB_ENDPOINT_UNKNOWN_INTERNAL_LOAD_BALANCER: {
    positive: [
      {
        when: 'an endpoint names an internal load balancer the deployment does not define',
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              internalLoadBalancers: [{ name: 'ilb1' }],
              roles: [
                aVm('vm1', {
                  network: {
                    inputEndpoints: [
                      rdp({ name: 'sql', port: 1433, localPort: 1433, loadBalancerName: 'ilb9' }),
                    ],
                  },
                }),
              ],
            }),
          ),
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 has Endpoint sql on internal load balancer ilb9, which Deployment dep1 does not define.',
          ),
        ],
      },
    ],
    negative: [
      {
        when: 'the endpoint names a defined internal load balancer in another letter case',
        input: () =>
          cloudServiceInput(
            cloudServiceEstate({
              internalLoadBalancers: [{ name: 'ilb1' }],
              roles: [
                aVm('vm1', {
                  network: {
                    inputEndpoints: [
                      rdp({ name: 'sql', port: 1433, localPort: 1433, loadBalancerName: 'ILB1' }),
                    ],
                  },
                }),
              ],
            }),
          ),
      },
    ],
  },
  PRIVATE_IP_CONFLICT_DEALLOCATED: {
    positive: [
      {
        when: "a running VM of another cloud service took a deallocated VM's address",
        input: () => deallocatedPair('10.0.0.4'),
        expected: [
          onVm(
            'vm1',
            'VM vm1 in HostedService svc1 is Stopped Deallocated and its private IP address 10.0.0.4 is also used by VM vm2 in HostedService svc2.',
          ),
        ],
      },
    ],
    negative: [
      { when: 'the addresses differ', input: () => deallocatedPair('10.0.0.5') },
      {
        when: 'two running VMs report the same address',
        input: () => deallocatedPair('10.0.0.4', 'ReadyRole', 'ReadyRole'),
      },
    ],
  },
} satisfies RuleCaseTable;
