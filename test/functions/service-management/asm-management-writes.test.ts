/**
 * Management-plane writes through the real `azure-asm-compute` and `azure-asm-network` clients: they
 * change the Classic inventory while nothing is migrating, and are refused with Azure's verbatim texts
 * while the scope covering them is under migration (D1, D5; D3 #12 and #19).
 */
import { describe, expect, it } from 'vitest';

import {
  aCloudService,
  aDeployment,
  aStorageAccount,
  aVirtualNetwork,
  aVmRole,
} from '../../fixtures/classic-builders';
import { failure, newDestination } from '../../support/asm-clients';
import { useServiceManagementHost } from '../../support/service-management-host';

const sm = useServiceManagementHost();

const vmSecret = 'N0t-To-Be-Stored!';

/** A Create Virtual Machine Deployment request as the SDK takes it: one Windows VM per name. */
function vmDeployment(name: string, vms: string[], virtualNetworkName?: string): Record<string, unknown> {
  return {
    name,
    deploymentSlot: 'Production',
    label: name,
    ...(virtualNetworkName === undefined ? {} : { virtualNetworkName }),
    roles: vms.map((vm) => ({
      roleName: vm,
      roleType: 'PersistentVMRole',
      roleSize: 'Small',
      provisionGuestAgent: true,
      configurationSets: [
        {
          configurationSetType: 'WindowsProvisioningConfiguration',
          computerName: vm,
          adminUserName: 'azureuser',
          adminPassword: vmSecret,
        },
        {
          configurationSetType: 'NetworkConfiguration',
          inputEndpoints: [{ name: 'rdp', protocol: 'tcp', port: 3389, localPort: 3389 }],
          ...(virtualNetworkName === undefined ? {} : { subnetNames: ['Subnet-1'] }),
        },
      ],
      oSVirtualHardDisk: {
        mediaLink: `https://teststorage.blob.core.windows.net/vhds/${name}-${vm}.vhd`,
        sourceImageName: 'a699494373c04fc0bc8f2bb1389d6106__Windows-Server-2012-R2-201412.01-en.us-127GB.vhd',
        hostCaching: 'ReadWrite',
      },
    })),
  };
}

const vmRefusal = 'Management operations on VM are disallowed because migration is in progress';
const beingMigrated = (noun: string, name: string) =>
  `${noun} ${name} is in the process of being migrated and hence cannot be changed`;

describe('management-plane writes while nothing is migrating', () => {
  it('When a cloud service and a VM deployment are created, then they are in Classic, running, without the provisioning secrets', async () => {
    const { compute, subscriptionId } = await sm.subscriptionWith({});

    const created = await compute.hostedServices.create({
      serviceName: 'fresh01',
      label: 'fresh01',
      location: 'West US',
    });
    expect(created.statusCode).toBe(201);
    const deployed = await compute.virtualMachines.createDeployment(
      'fresh01',
      vmDeployment('fresh01', ['vm1', 'vm2']),
    );
    expect(deployed).toMatchObject({ status: 'Succeeded', httpStatusCode: '200' });

    const deployment = await compute.deployments.getBySlot('fresh01', 'Production');
    expect(deployment.roles.map((role) => role.roleName)).toEqual(['vm1', 'vm2']);
    expect(deployment.roleInstances.map((i) => [i.instanceName, i.instanceStatus, i.powerState])).toEqual([
      ['vm1', 'ReadyRole', 'Started'],
      ['vm2', 'ReadyRole', 'Started'],
    ]);
    const raw = await fetch(
      `${sm.baseUrl}/${subscriptionId}/services/hostedservices/fresh01?embed-detail=true`,
    );
    expect(await raw.text()).not.toContain(vmSecret);
  });

  it('When a data disk is added and VMs are shut down, started, restarted and deleted, then each change shows in the deployment', async () => {
    const { compute } = await sm.subscriptionWith({
      cloudServices: [
        aCloudService({
          name: 'ops02',
          deployments: [
            aDeployment({ name: 'ops02', roles: [aVmRole({ name: 'vm1' }), aVmRole({ name: 'vm2' })] }),
          ],
        }),
      ],
    });

    await compute.virtualMachineDisks.createDataDisk('ops02', 'ops02', 'vm1', {
      logicalUnitNumber: 0,
      logicalDiskSizeInGB: 128,
      mediaLinkUri: 'https://teststorage.blob.core.windows.net/vhds/ops02-vm1-data0.vhd',
      hostCaching: 'None',
    });
    const vm1 = await compute.virtualMachines.get('ops02', 'ops02', 'vm1');
    expect(vm1.dataVirtualHardDisks?.map((disk) => disk.mediaLink)).toEqual([
      'https://teststorage.blob.core.windows.net/vhds/ops02-vm1-data0.vhd',
    ]);

    const status = async () =>
      (await compute.deployments.getBySlot('ops02', 'Production')).roleInstances.find(
        (i) => i.roleName === 'vm1',
      );
    await compute.virtualMachines.shutdown('ops02', 'ops02', 'vm1', {
      postShutdownAction: 'StoppedDeallocated',
    });
    expect(await status()).toMatchObject({ instanceStatus: 'StoppedDeallocated', powerState: 'Stopped' });
    await compute.virtualMachines.start('ops02', 'ops02', 'vm1');
    expect(await status()).toMatchObject({ instanceStatus: 'ReadyRole', powerState: 'Started' });
    expect((await compute.virtualMachines.restart('ops02', 'ops02', 'vm1')).status).toBe('Succeeded');

    await compute.virtualMachines.deleteMethod('ops02', 'ops02', 'vm2', false);
    const after = await compute.deployments.getBySlot('ops02', 'Production');
    expect(after.roles.map((role) => role.roleName)).toEqual(['vm1']);
  });

  it('When a write is polled by its request id, then getOperationStatus reports it Succeeded', async () => {
    const { compute, subscriptionId } = await sm.subscriptionWith({});
    const response = await fetch(`${sm.baseUrl}/${subscriptionId}/services/hostedservices`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-ms-version': '2017-01-01' },
      body: '<CreateHostedService xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>polled03</ServiceName><Label>cG9sbGVkMDM=</Label><Location>West US</Location></CreateHostedService>',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(
      `${sm.baseUrl}/subscriptions/${subscriptionId}/compute/polled03`,
    );
    const requestId = response.headers.get('x-ms-request-id') ?? '';

    expect(await compute.getOperationStatus(requestId)).toMatchObject({
      status: 'Succeeded',
      httpStatusCode: '200',
    });
  });

  it('When a write body is not well-formed XML, then it is answered 400 BadRequest naming the element path', async () => {
    const { subscriptionId } = await sm.subscriptionWith({
      cloudServices: [aCloudService({ name: 'svc04', deployments: [] })],
    });
    const response = await fetch(
      `${sm.baseUrl}/${subscriptionId}/services/hostedservices/svc04/deployments`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/xml', 'x-ms-version': '2017-01-01' },
        body: '<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>svc04</Name><RoleList><Role></RoleList></Deployment>',
      },
    );

    expect(response.status).toBe(400);
    expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const body = await response.text();
    expect(body).toMatch(
      /^<Error xmlns="http:\/\/schemas.microsoft.com\/windowsazure"><Code>BadRequest<\/Code><Message>/,
    );
    expect(body).toContain('/Deployment/RoleList/Role');
  });
});

describe('management-plane writes while the scope is under migration', () => {
  it('When a cloud service is Prepared, then VM operations and changes to it are refused until Abort', async () => {
    const { compute } = await sm.subscriptionWith({ cloudServices: [aCloudService({ name: 'locked05' })] });
    await compute.deployments.prepareMigration('locked05', 'locked05', newDestination);

    const refusals = await Promise.all([
      failure(
        compute.virtualMachineDisks.createDataDisk('locked05', 'locked05', 'vm1', {
          logicalUnitNumber: 1,
          logicalDiskSizeInGB: 64,
          mediaLinkUri: 'https://teststorage.blob.core.windows.net/vhds/locked05-data1.vhd',
          hostCaching: 'None',
        }),
      ),
      failure(
        compute.virtualMachines.shutdown('locked05', 'locked05', 'vm1', { postShutdownAction: 'Stopped' }),
      ),
      failure(compute.virtualMachines.start('locked05', 'locked05', 'vm1')),
      failure(compute.virtualMachines.restart('locked05', 'locked05', 'vm1')),
      failure(compute.virtualMachines.deleteMethod('locked05', 'locked05', 'vm1', true)),
    ]);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ code: 'ConflictError', statusCode: 409, message: vmRefusal });
    }
    const taken = await failure(
      compute.hostedServices.create({ serviceName: 'locked05', label: 'x', location: 'West US' }),
    );
    expect(taken).toMatchObject({
      code: 'ConflictError',
      message: beingMigrated('HostedService', 'locked05'),
    });

    await compute.deployments.abortMigration('locked05', 'locked05');
    const stopped = await compute.virtualMachines.shutdown('locked05', 'locked05', 'vm1', {
      postShutdownAction: 'Stopped',
    });
    expect(stopped.status).toBe('Succeeded');
  });

  it('When a VNet is Prepared, then a deployment joining it is refused naming the VNet, and its VMs refuse operations', async () => {
    const { compute, network } = await sm.subscriptionWith({
      virtualNetworks: [aVirtualNetwork({ name: 'corp' })],
      cloudServices: [
        aCloudService({
          name: 'member06',
          deployments: [
            aDeployment({
              name: 'member06',
              virtualNetworkName: 'corp',
              roles: [aVmRole({ name: 'vm1', network: { subnetNames: ['Subnet-1'] } as never })],
            }),
          ],
        }),
        aCloudService({ name: 'joiner06', deployments: [] }),
      ],
    });
    await network.networks.prepareMigration('corp');

    const joining = await failure(
      compute.virtualMachines.createDeployment('joiner06', vmDeployment('joiner06', ['vm1'], 'corp')),
    );
    expect(joining).toMatchObject({
      code: 'ConflictError',
      statusCode: 409,
      message: beingMigrated('Virtual Network', 'corp'),
    });
    const restart = await failure(compute.virtualMachines.restart('member06', 'member06', 'vm1'));
    expect(restart.message).toBe(vmRefusal);
    // A deployment outside the VNet is not held by its lock.
    const outside = await compute.virtualMachines.createDeployment(
      'joiner06',
      vmDeployment('joiner06', ['vm1']),
    );
    expect(outside.status).toBe('Succeeded');
  });

  it('When a storage account is Prepared, then a data disk placed in it is refused naming the storage account', async () => {
    const { compute, storage } = await sm.subscriptionWith({
      storageAccounts: [aStorageAccount(), aStorageAccount({ name: 'vaultstore' })],
      cloudServices: [aCloudService({ name: 'disks07' })],
    });
    await storage.storageAccounts.prepareMigration('vaultstore');

    const refused = await failure(
      compute.virtualMachineDisks.createDataDisk('disks07', 'disks07', 'vm1', {
        logicalUnitNumber: 0,
        logicalDiskSizeInGB: 32,
        mediaLinkUri: 'https://vaultstore.blob.core.windows.net/vhds/disks07-data0.vhd',
        hostCaching: 'None',
      }),
    );
    expect(refused).toMatchObject({
      code: 'ConflictError',
      message: beingMigrated('Storage account', 'vaultstore'),
    });
  });
});
