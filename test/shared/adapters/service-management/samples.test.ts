/**
 * The six recorded Service Management documents (test/fixtures/classic, see its README) load through the
 * import entry point, and hold what Azure recorded.
 */
import { describe, expect, it } from 'vitest';

import type { Deployment, PersistentVmRole, Role } from '../../../../shared/domain/classic/compute.schema';
import { parseSample, readSample, sampleFiles } from './fixtures';

function vm(role: Role | undefined): PersistentVmRole {
  if (role?.roleType !== 'PersistentVMRole') throw new Error('expected a VM role');
  return role;
}

function onlyDeployment(file: string): Deployment {
  const deployments = parseSample(file).inventoryPart.deployments ?? [];
  expect(deployments).toHaveLength(1);
  return deployments[0]!.deployment;
}

describe('When the recorded HostedService with embed-detail is imported', () => {
  const parsed = parseSample(sampleFiles.hostedService);
  const service = parsed.inventoryPart.cloudServices![0]!;
  const deployment = service.deployments[0]!;

  it('then it is a HostedService with one cloud service, one deployment and two VMs', () => {
    expect(parsed.kind).toBe('HostedService');
    expect(parsed.counts).toMatchObject({ cloudServices: 1, deployments: 1, virtualMachines: 2 });
    expect(parsed.inventoryPart.cloudServicesWithoutDeployments).toEqual([]);
  });

  it('then the service properties are read, the label decoded from base64 and a nil description absent', () => {
    expect(service).toMatchObject({
      name: 'dcoddkinztest01',
      location: 'North Europe',
      label: 'dcoddkinztest01',
      status: 'Created',
      dateCreated: '2014-05-23T12:32:51Z',
    });
    expect(service.description).toBeUndefined();
  });

  it('then the deployment dc03 holds both roles and both instances, joined by role name', () => {
    expect(deployment).toMatchObject({ name: 'dc03', slot: 'Production', status: 'Running', label: 'dc03' });
    expect(deployment.virtualNetworkName).toBeUndefined();
    expect(deployment.roles.map((r) => r.name)).toEqual(['dc03', 'oddkinz2']);
    expect(deployment.roleInstances.map((i) => [i.roleName, i.instanceStatus, i.guestAgentStatus])).toEqual([
      ['dc03', 'ReadyRole', 'NotReady'],
      ['oddkinz2', 'ReadyRole', 'NotReady'],
    ]);
  });

  it('then the SSH endpoints share the VIP, with public ports 22 and 57706 to local port 22', () => {
    const endpoints = deployment.roles.map((r) => vm(r).network.inputEndpoints[0]);
    expect(endpoints.map((e) => [e?.name, e?.port, e?.localPort, e?.protocol, e?.vip])).toEqual([
      ['SSH', 22, 22, 'tcp', '191.235.135.62'],
      ['SSH', 57706, 22, 'tcp', '191.235.135.62'],
    ]);
    expect(deployment.virtualIps).toEqual([
      { address: '191.235.135.62', isDnsProgrammed: true, name: 'dc03ContractContract', isReserved: false },
    ]);
  });

  it('then each VM has its Linux OS disk and size', () => {
    const dc03 = vm(deployment.roles[0]);
    expect(dc03.roleSize).toBe('Small');
    expect(dc03.osDisk).toMatchObject({
      os: 'Linux',
      hostCaching: 'ReadWrite',
      mediaLink: 'http://mtlytics.blob.core.windows.net/vhds/dcoddkinztest01-dc03-2014-05-27.vhd',
    });
    expect(dc03.dataDisks).toEqual([]);
  });
});

describe('When the recorded deployment with a reserved VIP and no VNet is imported', () => {
  const deployment = onlyDeployment(sampleFiles.reservedIpDeployment);

  it('then both VMs are there, outside any VNet, in RoleStateUnknown', () => {
    expect(deployment.roles.map((r) => r.name)).toEqual(['ClitestVm8667', 'ClitestVm8667-2']);
    expect(deployment.virtualNetworkName).toBeUndefined();
    expect(deployment.roleInstances.map((i) => [i.instanceStatus, i.powerState])).toEqual([
      ['RoleStateUnknown', 'Started'],
      ['RoleStateUnknown', 'Starting'],
    ]);
  });

  it('then the VIP is reserved and bound to reserved IP clitestrip8955', () => {
    expect(deployment.virtualIps).toEqual([
      {
        address: '104.210.34.1',
        isDnsProgrammed: true,
        name: 'clitestrip8955',
        isReserved: true,
        reservedIpName: 'clitestrip8955',
      },
    ]);
    expect(deployment.reservedIpName).toBe('clitestrip8955');
  });

  it('then the RDP endpoint and boot diagnostics are read', () => {
    const first = vm(deployment.roles[0]);
    expect(first.network.inputEndpoints).toMatchObject([{ name: 'rdp', port: 3389, localPort: 3389 }]);
    expect(vm(deployment.roles[1]).network.inputEndpoints).toEqual([]);
    expect(first.debugSettings?.bootDiagnosticsEnabled).toBe(true);
    expect(first.osDisk).toMatchObject({ os: 'Windows', ioType: 'Standard' });
  });
});

describe('When the recorded deployment in a VNet with a static IP and an extension is imported', () => {
  const deployment = onlyDeployment(sampleFiles.extensionDeployment);
  const role = vm(deployment.roles[0]);

  it('then the VM sits in subnet Subnet-1 of VNet mynetwork at 10.4.0.16', () => {
    expect(deployment.virtualNetworkName).toBe('mynetwork');
    expect(role.network.subnetNames).toEqual(['Subnet-1']);
    expect(role.network.staticVirtualNetworkIPAddress).toBe('10.4.0.16');
    expect(deployment.internalDnsSuffix).toBe('clitestvm5533.d7.internal.cloudapp.net');
  });

  it('then the JSON extension is read with its base64 public parameter', () => {
    expect(role.extensions).toEqual([
      {
        referenceName: 'DockerExtension',
        publisher: 'Microsoft.Azure.Extensions',
        name: 'DockerExtension',
        version: '1.*',
        state: 'Enable',
        parameters: [{ key: 'ignored', value: 'eyJkb2NrZXIiOnsicG9ydCI6IjIzNzYifX0=', type: 'Public' }],
      },
    ]);
  });

  it('then the extension status and the Ready guest agent are on the instance', () => {
    const instance = deployment.roleInstances[0]!;
    expect(instance.guestAgentStatus).toBe('Ready');
    expect(instance.extensionStatuses).toEqual([
      {
        handlerName: 'Microsoft.Azure.Extensions.DockerExtension',
        version: '1.0.1507020203',
        status: 'Ready',
      },
    ]);
    expect(role.network.inputEndpoints).toMatchObject([{ name: 'docker', port: 2376, localPort: 2376 }]);
  });
});

describe('When the recorded multi-NIC deployment is imported', () => {
  const deployment = onlyDeployment(sampleFiles.multiNicDeployment);
  const role = vm(deployment.roles[0]);

  it('then the two secondary NICs are read with their subnet and IP forwarding disabled', () => {
    expect(role.roleSize).toBe('ExtraLarge');
    expect(deployment.virtualNetworkName).toBe('CliTestVnetVm486');
    expect(role.network.networkInterfaces).toEqual([
      { name: 'CliTestNicVm1', ipConfigurations: [{ subnetName: 'CliTestSubnetVm82' }], ipForwarding: false },
      { name: 'CliTestNicVm2', ipConfigurations: [{ subnetName: 'CliTestSubnetVm82' }], ipForwarding: false },
    ]);
  });

  it('then the instance knows the secondary NICs’ addresses', () => {
    expect(deployment.roleInstances[0]?.networkInterfaceAddresses).toEqual([
      { name: 'CliTestNicVm1', addresses: ['10.0.0.5'] },
      { name: 'CliTestNicVm2', addresses: ['10.0.0.6'] },
    ]);
    expect(role.debugSettings?.serialOutputBlobUri).toMatch(/seriallog\.txt$/);
  });
});

describe('When the recorded deployment with a load-balanced endpoint set is imported', () => {
  const endpoint = vm(onlyDeployment(sampleFiles.probeDeployment).roles[0]).network.inputEndpoints[0];

  it('then the endpoint is in set LbSetTestN with its TCP probe and direct server return', () => {
    expect(endpoint).toEqual({
      name: 'EndptN',
      protocol: 'tcp',
      port: 27,
      localPort: 27,
      vip: '23.99.52.112',
      loadBalancedEndpointSetName: 'LbSetTestN',
      probe: { protocol: 'tcp', port: 4444, intervalInSeconds: 15, timeoutInSeconds: 31 },
      enableDirectServerReturn: true,
      acl: [],
    });
  });
});

describe('When the recorded netcfg (with its UTF-8 byte order mark) is imported', () => {
  const parsed = parseSample(sampleFiles.netcfg);
  const { virtualNetworks = [], localNetworkSites = [], dnsServers = [] } = parsed.inventoryPart;
  const site = (name: string) => virtualNetworks.find((v) => v.name === name);

  it('then it holds 23 VNet sites, 2 local network sites and 2 DNS servers', () => {
    expect(parsed.kind).toBe('NetworkConfiguration');
    expect(parsed.counts).toMatchObject({ virtualNetworks: 23, localNetworkSites: 2, dnsServers: 2 });
    expect(dnsServers).toEqual([
      { name: 'dns-cli-1', address: '66.77.88.98' },
      { name: 'dns-cli-25964', address: '66.77.88.82' },
    ]);
  });

  it('then portal names `Group <rg> <vnet>`, names with spaces and the quoted name are kept as they are', () => {
    const names = virtualNetworks.map((v) => v.name);
    expect(names).toContain('Group test-roman-group ClassicVNet-2717');
    expect(names).toContain('Group xplat-do-not-delete-deploy-group xplat-deploy-vnet');
    expect(names).toContain('my network with whitespaces');
    expect(names[0]).toBe('"my vnet quoted"');
  });

  it('then VnetForGateway has a GatewaySubnet and an IPsec connection to LocalNet', () => {
    expect(site('VnetForGateway')?.subnets.map((s) => s.name)).toEqual(['Subnet-1', 'GatewaySubnet']);
    expect(site('VnetForGateway')?.gateway?.connections).toEqual([
      { localNetworkSiteName: 'LocalNet', connectionType: 'IPsec', connectivityState: 'Connected' },
    ]);
    expect(localNetworkSites.find((l) => l.name === 'LocalNet')).toMatchObject({
      addressSpace: ['10.2.0.0/16'],
      vpnGatewayAddress: '200.200.200.200',
    });
    expect(localNetworkSites.find((l) => l.name === 'tryaVnet')?.vpnGatewayAddress).toBeUndefined();
  });

  it('then DNS server references, locations and affinity groups are read', () => {
    expect(site('my network with whitespaces')?.dnsServerRefs).toEqual(['dns-cli-1']);
    expect(site('vnet2')?.dnsServerRefs).toEqual(['dns-cli-25964']);
    expect(site('testvnet8981')).toMatchObject({ affinityGroup: 'AG-CLI-05f8c31394d2a45b' });
    expect(site('testvnet8981')?.location).toBeUndefined();
    expect(site('classic-cli-vnet2')).toMatchObject({
      location: 'South Central US',
      addressSpace: ['192.168.2.0/16'],
    });
    expect(site('CliTestVnett7538')?.subnets).toHaveLength(2);
  });
});

describe('When the samples are used as fixtures', () => {
  it('then their attribution README sits next to them and names every file and the licence', () => {
    const readme = readSample('README.md');
    for (const file of Object.values(sampleFiles)) expect(readme).toContain(`\`${file}\``);
    expect(readme).toContain('Apache License 2.0');
  });
});
