import { describe, expect, it } from 'vitest';

import { planCreateDeployment } from '../../../../shared/domain/management/create-deployment';
import {
  aCloudService,
  aDataDisk,
  aDeployment,
  anInventory,
  aVirtualNetwork,
  aVmRole,
} from '../../../fixtures/classic-builders';

const now = '2026-01-02T03:04:05.000Z';

/** A requested deployment as the create body reads: no instances, no VIPs. */
const requested = (overrides: Parameters<typeof aDeployment>[0] = {}) =>
  aDeployment({ name: 'new1', roleInstances: [], virtualIps: [], ...overrides });

describe('planCreateDeployment', () => {
  it('When the cloud service is empty, then a running deployment with one Ready instance per VM is added', () => {
    const inventory = anInventory({ cloudServices: [aCloudService({ name: 'svc', deployments: [] })] });
    const plan = planCreateDeployment(
      inventory,
      'svc',
      requested({ roles: [aVmRole({ name: 'a' }), aVmRole({ name: 'b' })] }),
      now,
    );

    expect(plan.outcome.ok).toBe(true);
    if (!plan.outcome.ok) return;
    const [deployment] = plan.outcome.inventory.cloudServices[0]?.deployments ?? [];
    expect(deployment).toMatchObject({
      name: 'new1',
      status: 'Running',
      createdTime: now,
      url: 'http://svc.cloudapp.net/',
    });
    expect(deployment?.roleInstances.map((i) => [i.instanceName, i.instanceStatus, i.powerState])).toEqual([
      ['a', 'ReadyRole', 'Started'],
      ['b', 'ReadyRole', 'Started'],
    ]);
    expect(deployment?.virtualIps).toEqual([
      { name: 'svcContractContract', isDnsProgrammed: true, isReserved: false },
    ]);
  });

  it('When the deployment joins a VNet and keeps disks in two accounts, then the cloud service, the VNet and both accounts are lock targets in that order', () => {
    const inventory = anInventory({
      virtualNetworks: [aVirtualNetwork({ name: 'corp' })],
      cloudServices: [aCloudService({ name: 'svc', deployments: [] })],
    });
    const role = aVmRole({
      name: 'a',
      network: { subnetNames: ['Subnet-1'] } as never,
      dataDisks: [aDataDisk({ mediaLink: 'https://other.blob.core.windows.net/vhds/d.vhd' })],
    });
    const plan = planCreateDeployment(
      inventory,
      'svc',
      requested({ virtualNetworkName: 'CORP', roles: [role] }),
      now,
    );

    expect(
      plan.lockTargets.map((t) => [t.scope.kind, t.scope.name, t.refusal.message.split(' is ')[0]]),
    ).toEqual([
      ['cloudService', 'svc', 'HostedService svc'],
      ['virtualNetwork', 'corp', 'Virtual Network corp'],
      ['storageAccount', 'teststorage', 'Storage account teststorage'],
      ['storageAccount', 'other', 'Storage account other'],
    ]);
    expect(
      plan.outcome.ok && plan.outcome.inventory.cloudServices[0]?.deployments[0]?.virtualNetworkName,
    ).toBe('corp');
  });

  it('When the slot is taken, then it is a ConflictError', () => {
    const inventory = anInventory({ cloudServices: [aCloudService({ name: 'svc' })] });
    const plan = planCreateDeployment(inventory, 'svc', requested(), now);
    expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 409, code: 'ConflictError' } });
  });

  it("When the VNet does not exist, then it is a BadRequest with Azure's text", () => {
    const inventory = anInventory({ cloudServices: [aCloudService({ name: 'svc', deployments: [] })] });
    const plan = planCreateDeployment(inventory, 'svc', requested({ virtualNetworkName: 'nowhere' }), now);
    expect(plan.outcome).toEqual({
      ok: false,
      error: { httpStatus: 400, code: 'BadRequest', message: 'The virtual network nowhere does not exist.' },
    });
  });

  it('When a VM names a subnet the VNet lacks, then it is a BadRequest', () => {
    const inventory = anInventory({
      virtualNetworks: [aVirtualNetwork({ name: 'corp' })],
      cloudServices: [aCloudService({ name: 'svc', deployments: [] })],
    });
    const role = aVmRole({ name: 'a', network: { subnetNames: ['Missing'] } as never });
    const plan = planCreateDeployment(
      inventory,
      'svc',
      requested({ virtualNetworkName: 'corp', roles: [role] }),
      now,
    );
    expect(plan.outcome).toMatchObject({
      ok: false,
      error: { code: 'BadRequest', message: 'The subnet Missing does not exist in virtual network corp.' },
    });
  });

  it('When the cloud service does not exist, then it is ResourceNotFound', () => {
    const plan = planCreateDeployment(anInventory(), 'ghost', requested(), now);
    expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 404, code: 'ResourceNotFound' } });
  });
});
