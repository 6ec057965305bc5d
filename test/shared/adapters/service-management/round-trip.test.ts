/**
 * parse → serialise → parse gives the model back, for every recorded sample and for builder-made
 * objects; and re-serialising a recorded sample gives Azure's bytes back exactly.
 */
import { describe, expect, it } from 'vitest';

import { parseRoleDocument } from '../../../../shared/adapters/service-management/parse-role-document';
import { parseServiceManagementDocument } from '../../../../shared/adapters/service-management/parse-service-management-document';
import { serializeDeployment } from '../../../../shared/adapters/service-management/serialize/serialize-deployment';
import { serializeHostedService } from '../../../../shared/adapters/service-management/serialize/serialize-hosted-service';
import { serializeNetworkConfiguration } from '../../../../shared/adapters/service-management/serialize/serialize-network-configuration';
import {
  serializeNetworkSecurityGroup,
  serializeNetworkSecurityGroups,
} from '../../../../shared/adapters/service-management/serialize/serialize-network-security-group';
import {
  serializeReservedIp,
  serializeReservedIps,
} from '../../../../shared/adapters/service-management/serialize/serialize-reserved-ip';
import { serializeRole } from '../../../../shared/adapters/service-management/serialize/serialize-role';
import {
  serializeRouteTable,
  serializeRouteTables,
} from '../../../../shared/adapters/service-management/serialize/serialize-route-table';
import {
  serializeStorageService,
  serializeStorageServices,
} from '../../../../shared/adapters/service-management/serialize/serialize-storage-service';
import { serializeVirtualNetworkSites } from '../../../../shared/adapters/service-management/serialize/serialize-virtual-network-sites';
import { paasRoleSchema } from '../../../../shared/domain/classic/compute.schema';
import {
  aCloudService,
  aDeployment,
  aNetworkSecurityGroup,
  aReservedIp,
  aRouteTable,
  aStorageAccount,
} from '../../../fixtures/classic-builders';
import { cloudServiceOfSample, parseSample, readSample, sampleFiles, valueOf } from './fixtures';
import { aRichCloudService, aRichVirtualNetwork, aRichVmRole } from './rich-builders';

const parse = (xml: string, cloudServiceName?: string) =>
  valueOf(parseServiceManagementDocument(xml, cloudServiceName === undefined ? {} : { cloudServiceName }));

const deploymentSamples = [
  sampleFiles.reservedIpDeployment,
  sampleFiles.extensionDeployment,
  sampleFiles.multiNicDeployment,
  sampleFiles.probeDeployment,
];

describe('When a recorded sample is parsed and serialised again', () => {
  it.each(deploymentSamples)('then Deployment %s comes back byte for byte', (file) => {
    const deployment = parseSample(file).inventoryPart.deployments![0]!.deployment;
    expect(serializeDeployment(deployment)).toBe(readSample(file));
  });

  it('then the HostedService with embed-detail comes back byte for byte', () => {
    const service = parseSample(sampleFiles.hostedService).inventoryPart.cloudServices![0]!;
    expect(serializeHostedService(service)).toBe(readSample(sampleFiles.hostedService));
  });

  it('then the netcfg comes back byte for byte, byte order mark, CRLF and indentation included', () => {
    const {
      dnsServers = [],
      localNetworkSites = [],
      virtualNetworks = [],
    } = parseSample(sampleFiles.netcfg).inventoryPart;
    expect(serializeNetworkConfiguration({ dnsServers, localNetworkSites, virtualNetworks })).toBe(
      readSample(sampleFiles.netcfg),
    );
  });

  it.each(deploymentSamples)('then re-parsing Deployment %s gives an equal model', (file) => {
    const first = parseSample(file).inventoryPart.deployments![0]!.deployment;
    const again = parse(serializeDeployment(first), cloudServiceOfSample[file]).inventoryPart.deployments![0]!
      .deployment;
    expect(again).toEqual(first);
  });

  it('then re-parsing the HostedService and the netcfg gives equal models', () => {
    const service = parseSample(sampleFiles.hostedService).inventoryPart.cloudServices![0]!;
    expect(parse(serializeHostedService(service)).inventoryPart.cloudServices).toEqual([service]);
    const netcfg = parseSample(sampleFiles.netcfg).inventoryPart;
    const content = {
      dnsServers: netcfg.dnsServers ?? [],
      localNetworkSites: netcfg.localNetworkSites ?? [],
      virtualNetworks: netcfg.virtualNetworks ?? [],
    };
    expect(parse(serializeNetworkConfiguration(content, { byteOrderMark: false })).inventoryPart).toEqual(
      content,
    );
  });
});

describe('When builder-made objects are serialised and parsed back', () => {
  it('then a cloud service with every modelled deployment feature is equal', () => {
    const service = aRichCloudService();
    expect(parse(serializeHostedService(service)).inventoryPart.cloudServices).toEqual([service]);
  });

  it('then a bare deployment is equal', () => {
    const deployment = aRichCloudService().deployments[0]!;
    expect(parse(serializeDeployment(deployment), 'svc1').inventoryPart.deployments).toEqual([
      { cloudServiceName: 'svc1', deployment },
    ]);
  });

  it('then a deployment with a PaaS role keeps the role kind', () => {
    const webRole = paasRoleSchema.parse({ name: 'Web', roleType: 'WebRole', roleSize: 'Small' });
    const deployment = aDeployment({ roles: [webRole], roleInstances: [] });
    expect(parse(serializeDeployment(deployment), 'svc1').inventoryPart.deployments?.[0]?.deployment).toEqual(
      deployment,
    );
  });

  it('then a default builder cloud service is equal', () => {
    const service = aCloudService();
    expect(parse(serializeHostedService(service)).inventoryPart.cloudServices).toEqual([service]);
  });

  it('then a Get Role body is equal', () => {
    const role = aRichVmRole();
    expect(valueOf(parseRoleDocument(serializeRole(role)))).toEqual(role);
  });

  it('then VNets, local sites and DNS servers survive the netcfg', () => {
    const { virtualNetwork, localNetworkSites, dnsServers } = aRichVirtualNetwork();
    const content = { dnsServers, localNetworkSites, virtualNetworks: [virtualNetwork] };
    expect(parse(serializeNetworkConfiguration(content)).inventoryPart).toEqual(content);
  });

  it('then VNets survive List Virtual Network Sites, with their DNS servers and local sites spelled out', () => {
    const { virtualNetwork, localNetworkSites, dnsServers } = aRichVirtualNetwork();
    const listed = {
      ...virtualNetwork,
      id: 'c8536fd0-4f06-41fe-835f-7541b718e7fc',
      label: 'vnet',
      state: 'Created',
    };
    const xml = serializeVirtualNetworkSites([listed], { dnsServers, localNetworkSites });
    expect(parse(xml).inventoryPart).toEqual({ virtualNetworks: [listed], dnsServers, localNetworkSites });
  });

  it('then reserved IPs are equal, alone and listed', () => {
    const bound = aReservedIp({ id: 'f0a1', label: 'web ip', serviceName: 'svc1', deploymentName: 'svc1' });
    const free = aReservedIp({ name: 'rip2', address: '40.9.9.10' });
    expect(parse(serializeReservedIp(bound)).inventoryPart.reservedIps).toEqual([bound]);
    expect(parse(serializeReservedIps([bound, free])).inventoryPart.reservedIps).toEqual([bound, free]);
  });

  it('then NSGs with custom and default rules are equal, alone and listed', () => {
    const nsg = aNetworkSecurityGroup({ label: 'web', state: 'Created' });
    const withDefault = aNetworkSecurityGroup({
      name: 'nsg2',
      rules: [
        {
          name: 'DENY ALL INBOUND',
          type: 'Inbound',
          priority: 65500,
          action: 'Deny',
          sourceAddressPrefix: '*',
          sourcePortRange: '*',
          destinationAddressPrefix: '*',
          destinationPortRange: '*',
          protocol: '*',
          state: 'Active',
          isDefault: true,
        },
      ],
    });
    expect(parse(serializeNetworkSecurityGroup(nsg)).inventoryPart.networkSecurityGroups).toEqual([nsg]);
    expect(
      parse(serializeNetworkSecurityGroups([nsg, withDefault])).inventoryPart.networkSecurityGroups,
    ).toEqual([nsg, withDefault]);
  });

  it('then route tables are equal, alone and listed', () => {
    const table = aRouteTable({ label: 'to firewall' });
    const internet = aRouteTable({
      name: 'rt2',
      routes: [{ name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }],
    });
    expect(parse(serializeRouteTable(table)).inventoryPart.routeTables).toEqual([table]);
    expect(parse(serializeRouteTables([table, internet])).inventoryPart.routeTables).toEqual([
      table,
      internet,
    ]);
  });

  it('then storage accounts are equal, alone and listed', () => {
    const account = aStorageAccount({
      label: 'teststorage',
      accountType: 'Standard_LRS',
      description: 'disks',
    });
    const inGroup = aStorageAccount({ name: 'agstorage', location: undefined, affinityGroup: 'ag1' });
    expect(parse(serializeStorageService(account)).inventoryPart.storageAccounts).toEqual([account]);
    expect(parse(serializeStorageServices([account, inGroup])).inventoryPart.storageAccounts).toEqual([
      account,
      inGroup,
    ]);
  });
});
