/**
 * The real `azure-asm-compute` client (0.18.0) driving cloud service migrations against the dev host:
 * the same calls `Move-AzureService` and `azure service deployment *-migration` made (C4, C6, D7).
 */
import { describe, expect, it } from 'vitest';

import {
  refusalText,
  subscriptionNotRegisteredRefusal,
} from '../../../shared/domain/validation/subscription-registration';
import {
  aCloudService,
  aDeployment,
  anExtension,
  anInventory,
  aVirtualNetwork,
  aVmRole,
} from '../../fixtures/classic-builders';
import { failure, newDestination } from '../../support/asm-clients';
import { useServiceManagementHost } from '../../support/service-management-host';
import { uniqueSubscriptionId } from '../../support/storage';

const sm = useServiceManagementHost();

describe('azure-asm-compute: deployment migration', () => {
  it('When a cloud service is validated, prepared and committed to a new VNet, then each step succeeds and the deployment leaves Classic', async () => {
    const { compute } = await sm.subscriptionWith({ cloudServices: [aCloudService({ name: 'web01' })] });

    const validation = await compute.deployments.validateMigration('web01', 'web01', newDestination);
    expect(validation.validateDeploymentMessages).toEqual([]);

    const prepared = await compute.deployments.prepareMigration('web01', 'web01', newDestination);
    expect(prepared).toMatchObject({ status: 'Succeeded', httpStatusCode: '200' });
    const deployment = await compute.deployments.getBySlot('web01', 'Production');
    expect(deployment.roles.map((role) => [role.roleName, role.migrationState])).toEqual([
      ['vm1', 'Prepared'],
    ]);

    const committed = await compute.deployments.commitMigration('web01', 'web01');
    expect(committed).toMatchObject({ status: 'Succeeded', httpStatusCode: '200' });
    const gone = await failure(compute.deployments.getBySlot('web01', 'Production'));
    expect(gone).toMatchObject({ code: 'ResourceNotFound', statusCode: 404 });
  });

  it('When a prepared cloud service is aborted, then its VMs show MigrationState None and stay in Classic', async () => {
    const { compute } = await sm.subscriptionWith({ cloudServices: [aCloudService({ name: 'web02' })] });
    await compute.deployments.prepareMigration('web02', 'web02', newDestination);

    const aborted = await compute.deployments.abortMigration('web02', 'web02');
    expect(aborted.status).toBe('Succeeded');
    const vm = await compute.virtualMachines.get('web02', 'web02', 'vm1');
    expect(vm.migrationState).toBe('None');
  });

  it('When a cloud service is prepared into an existing ARM VNet, then Prepare and Commit succeed', async () => {
    // The existing ARM VNet comes from migrating a Classic VNet first, as a user would have done.
    const subscriptionId = uniqueSubscriptionId();
    await sm.seed(
      anInventory({
        subscription: { id: subscriptionId, registeredForMigration: true },
        virtualNetworks: [aVirtualNetwork({ name: 'landing' })],
        cloudServices: [aCloudService({ name: 'app03' })],
      }),
    );
    const { compute, network } = sm.clients(subscriptionId);
    await network.networks.prepareMigration('landing');
    await network.networks.commitMigration('landing');
    const existing = {
      destinationVirtualNetwork: 'Existing' as const,
      resourceGroupName: 'landing-Migrated',
      virtualNetworkName: 'landing',
      subNetName: 'Subnet-1',
    };

    const validation = await compute.deployments.validateMigration('app03', 'app03', existing);
    expect(validation.validateDeploymentMessages).toEqual([]);
    const prepared = await compute.deployments.prepareMigration('app03', 'app03', existing);
    expect(prepared.status).toBe('Succeeded');
    const committed = await compute.deployments.commitMigration('app03', 'app03');
    expect(committed.status).toBe('Succeeded');
  });

  it('When the existing ARM VNet named does not exist, then Prepare fails and the client reports the operation error', async () => {
    const { compute } = await sm.subscriptionWith({ cloudServices: [aCloudService({ name: 'app04' })] });
    const error = await failure(
      compute.deployments.prepareMigration('app04', 'app04', {
        destinationVirtualNetwork: 'Existing',
        resourceGroupName: 'nowhere-rg',
        virtualNetworkName: 'nowhere',
        subNetName: 'Subnet-1',
      }),
    );
    expect(error.error?.code).toBe('ValidationFailed');
    expect(error.message).toMatch(/^ValidationFailed : Prepare stopped: validation found \d+ error\(s\)\./);
    const vm = await compute.virtualMachines.get('app04', 'app04', 'vm1');
    expect(vm.migrationState).toBeUndefined();
  });

  it('When an unsupported configuration is validated, then its validation messages arrive in the parsed result', async () => {
    const { compute } = await sm.subscriptionWith({
      cloudServices: [
        aCloudService({
          name: 'legacy05',
          deployments: [
            aDeployment({
              name: 'legacy05',
              roles: [
                aVmRole({ name: 'vm1', availabilitySetName: 'front' }),
                aVmRole({
                  name: 'vm2',
                  availabilitySetName: 'back',
                  extensions: [
                    anExtension({
                      referenceName: 'BGInfo',
                      publisher: 'Microsoft.Compute',
                      name: 'BGInfo',
                      version: '1.*',
                    }),
                  ],
                }),
              ],
            }),
          ],
        }),
      ],
    });

    const validation = await compute.deployments.validateMigration('legacy05', 'legacy05', newDestination);
    expect(validation.validateDeploymentMessages).toEqual(
      expect.arrayContaining([
        {
          resourceType: 'Deployment',
          resourceName: 'legacy05',
          category: 'Error',
          message:
            'Migration is not supported for Deployment legacy05 in HostedService legacy05 because it has multiple Availability Sets.',
        },
        {
          resourceType: 'Deployment',
          resourceName: 'legacy05',
          category: 'Warning',
          message:
            'VM vm2 in HostedService legacy05 contains Extension BGInfo which is not supported in Azure Resource Manager. It is recommended to uninstall it from the VM before continuing with migration.',
          virtualMachineName: 'vm2',
        },
      ]),
    );
  });

  it('When the deployment does not exist, then Validate answers with a message and Prepare with 404 ResourceNotFound', async () => {
    const { compute } = await sm.subscriptionWith({ cloudServices: [aCloudService({ name: 'svc06' })] });

    const validation = await compute.deployments.validateMigration('svc06', '123', newDestination);
    expect(validation.validateDeploymentMessages).toEqual([
      {
        resourceType: 'Deployment',
        resourceName: '123',
        category: 'Error',
        message: "The deployment name '123' does not exist.",
      },
    ]);
    const error = await failure(compute.deployments.prepareMigration('svc06', '123', newDestination));
    expect(error).toMatchObject({
      code: 'ResourceNotFound',
      statusCode: 404,
      message: "The deployment name '123' does not exist.",
    });
  });

  it('When an operation is started, then getOperationStatus reports it until it succeeds with HttpStatusCode 200', async () => {
    const { compute } = await sm.subscriptionWith({ cloudServices: [aCloudService({ name: 'svc07' })] });
    const accepted = await compute.deployments.beginPrepareMigration('svc07', 'svc07', newDestination);
    expect(accepted.statusCode).toBe(202);
    expect(accepted.requestId).toMatch(/^[0-9a-f]{32}$/);

    let status = await compute.getOperationStatus(accepted.requestId);
    for (let polls = 0; status.status === 'InProgress' && polls < 600; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await compute.getOperationStatus(accepted.requestId);
    }
    expect(status).toMatchObject({ status: 'Succeeded', httpStatusCode: '200' });
    const guid = accepted.requestId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    expect(status.id).toBe(guid);
  });

  it('When the subscription is not registered, then every call fails with BadRequest until it is registered through ARM', async () => {
    const subscriptionId = uniqueSubscriptionId();
    await sm.seed(
      anInventory({
        subscription: { id: subscriptionId, registeredForMigration: false },
        cloudServices: [aCloudService({ name: 'svc08' })],
      }),
    );
    const { compute } = sm.clients(subscriptionId);

    const refused = await failure(compute.deployments.validateMigration('svc08', 'svc08', newDestination));
    expect(`${refused.code} : ${refused.message}`).toBe(refusalText(subscriptionNotRegisteredRefusal));
    expect(refused.statusCode).toBe(400);

    await sm.register(subscriptionId);
    const validation = await compute.deployments.validateMigration('svc08', 'svc08', newDestination);
    expect(validation.validateDeploymentMessages).toEqual([]);
  });
});
