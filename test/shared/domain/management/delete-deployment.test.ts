import { describe, expect, it } from 'vitest';

import { planDeleteCloudService } from '../../../../shared/domain/management/delete-cloud-service';
import { planDeleteDeployment } from '../../../../shared/domain/management/delete-deployment';
import {
  aClassicDisk,
  aCloudService,
  aDeployment,
  anInventory,
  aReservedIp,
  aVirtualNetwork,
  aVmRole,
} from '../../../fixtures/classic-builders';

const now = '2026-01-02T03:04:05.000Z';
const inventory = anInventory({
  virtualNetworks: [aVirtualNetwork({ name: 'corp' })],
  reservedIps: [aReservedIp({ name: 'rip1', serviceName: 'svc', deploymentName: 'dep' })],
  disks: [
    aClassicDisk({
      name: 'os1',
      attachedTo: { hostedServiceName: 'svc', deploymentName: 'dep', roleName: 'vm1' },
    }),
    aClassicDisk({ name: 'free' }),
  ],
  cloudServices: [
    aCloudService({
      name: 'svc',
      deployments: [
        aDeployment({ name: 'dep', virtualNetworkName: 'corp', roles: [aVmRole({ name: 'vm1' })] }),
      ],
    }),
    aCloudService({ name: 'empty', deployments: [] }),
  ],
});

describe('planDeleteDeployment', () => {
  it('When a deployment in a VNet is deleted by name, then the VNet lock guards it with the cloud service text, its reserved IP is released and its disks detached', () => {
    const plan = planDeleteDeployment(
      inventory,
      { serviceName: 'SVC', deployment: { name: 'dep' }, deleteMedia: false },
      now,
    );
    expect(plan.lockTargets.map((t) => [t.scope, t.refusal.message])).toEqual([
      [
        { kind: 'virtualNetwork', name: 'corp' },
        'HostedService svc is in the process of being migrated and hence cannot be changed',
      ],
    ]);
    expect(plan.outcome.ok).toBe(true);
    if (!plan.outcome.ok) return;
    expect(plan.outcome.inventory.cloudServices.find((s) => s.name === 'svc')?.deployments).toEqual([]);
    expect(plan.outcome.inventory.reservedIps[0]).toMatchObject({ name: 'rip1', serviceName: undefined });
    expect(plan.outcome.inventory.disks.map((d) => [d.name, d.attachedTo])).toEqual([
      ['os1', undefined],
      ['free', undefined],
    ]);
    expect(plan.outcome.changed).toMatchObject({
      cloudServices: ['svc'],
      reservedIps: ['rip1'],
      disks: ['os1'],
      removed: [],
    });
  });

  it('When it is deleted by slot with comp=media, then its disks are removed and their storage account guards it too', () => {
    const plan = planDeleteDeployment(
      inventory,
      { serviceName: 'svc', deployment: { slot: 'production' }, deleteMedia: true },
      now,
    );
    expect(plan.lockTargets.map((t) => t.refusal.message)).toEqual([
      'HostedService svc is in the process of being migrated and hence cannot be changed',
      'Storage account teststorage is in the process of being migrated and hence cannot be changed',
    ]);
    expect(plan.outcome).toMatchObject({
      ok: true,
      changed: { removed: [{ collection: 'disks', name: 'os1' }] },
    });
  });

  it('When the deployment or slot does not exist, then it is ResourceNotFound', () => {
    for (const deployment of [{ name: 'nope' }, { slot: 'Staging' }]) {
      const plan = planDeleteDeployment(
        inventory,
        { serviceName: 'svc', deployment, deleteMedia: false },
        now,
      );
      expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 404, code: 'ResourceNotFound' } });
    }
  });
});

describe('planDeleteCloudService', () => {
  it('When a cloud service with a deployment is deleted without comp=media, then it is a conflict and its locks are consulted first', () => {
    const plan = planDeleteCloudService(inventory, { serviceName: 'svc', deleteAll: false });
    expect(plan.lockTargets[0]).toMatchObject({
      scope: { kind: 'virtualNetwork', name: 'corp' },
      refusal: {
        message: 'HostedService svc is in the process of being migrated and hence cannot be changed',
      },
    });
    expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 409 } });
  });

  it('When it is deleted with comp=media, then it and its disks are removed and its reserved IP released', () => {
    const plan = planDeleteCloudService(inventory, { serviceName: 'svc', deleteAll: true });
    expect(plan.outcome.ok).toBe(true);
    if (!plan.outcome.ok) return;
    expect(plan.outcome.inventory.cloudServices.map((s) => s.name)).toEqual(['empty']);
    expect(plan.outcome.changed).toMatchObject({
      reservedIps: ['rip1'],
      removed: [
        { collection: 'disks', name: 'os1' },
        { collection: 'cloudServices', name: 'svc' },
      ],
    });
  });

  it('When an empty cloud service is deleted, then its own scope guards it', () => {
    const plan = planDeleteCloudService(inventory, { serviceName: 'Empty', deleteAll: false });
    expect(plan.lockTargets.map((t) => t.scope)).toEqual([{ kind: 'cloudService', name: 'empty' }]);
    expect(plan.outcome).toMatchObject({
      ok: true,
      changed: { removed: [{ collection: 'cloudServices', name: 'empty' }] },
    });
  });
});
