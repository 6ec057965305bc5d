import { describe, expect, it } from 'vitest';

import { planCreateReservedIp } from '../../../../shared/domain/management/create-reserved-ip';
import { planDeleteReservedIp } from '../../../../shared/domain/management/delete-reserved-ip';
import { planReservedIpAssociation } from '../../../../shared/domain/management/reserved-ip-association';
import { aCloudService, aDeployment, anInventory, aReservedIp } from '../../../fixtures/classic-builders';

const inventory = anInventory({
  reservedIps: [aReservedIp({ name: 'free', address: '40.9.9.9' })],
  cloudServices: [aCloudService({ name: 'svc', deployments: [aDeployment({ name: 'svc' })] })],
});
const messages = (plan: { lockTargets: { refusal: { message: string } }[] }) =>
  plan.lockTargets.map((t) => t.refusal.message);

describe('reserved IP writes', () => {
  it('When a reserved IP is created, then it is in the inventory without an address and nothing guards it', () => {
    const plan = planCreateReservedIp(inventory, { name: 'new', location: 'West US', label: 'web' });
    expect(plan.lockTargets).toEqual([]);
    expect(plan.outcome).toMatchObject({ ok: true, changed: { reservedIps: ['new'] } });
    if (!plan.outcome.ok) return;
    const created = plan.outcome.inventory.reservedIps.at(-1);
    expect(created).toMatchObject({ name: 'new', label: 'web', location: 'West US' });
    expect(created?.address).toBeUndefined();
  });

  it('When a reserved IP is created from a deployment VIP, then it takes the address, the VIP is reserved and the cloud service guards it', () => {
    const plan = planCreateReservedIp(inventory, {
      name: 'kept',
      location: 'West US',
      serviceName: 'svc',
      deploymentName: 'svc',
    });
    expect(messages(plan)).toEqual([
      'HostedService svc is in the process of being migrated and hence cannot be changed',
    ]);
    expect(plan.outcome.ok).toBe(true);
    if (!plan.outcome.ok) return;
    expect(plan.outcome.inventory.reservedIps.at(-1)).toMatchObject({
      address: '40.1.2.3',
      serviceName: 'svc',
      deploymentName: 'svc',
    });
    expect(plan.outcome.inventory.cloudServices[0]?.deployments[0]?.virtualIps[0]).toMatchObject({
      isReserved: true,
      reservedIpName: 'kept',
    });
  });

  it('When the name is taken or the location missing, then it is refused; a taken name consults its lock', () => {
    const taken = planCreateReservedIp(inventory, { name: 'FREE', location: 'West US' });
    expect(messages(taken)).toEqual([
      'ReservedIP free is in the process of being migrated and hence cannot be changed',
    ]);
    expect(taken.outcome).toMatchObject({ ok: false, error: { httpStatus: 409 } });
    expect(planCreateReservedIp(inventory, { name: 'x' }).outcome).toMatchObject({
      ok: false,
      error: { httpStatus: 400 },
    });
  });

  it('When a reserved IP is associated and then disassociated, then the VIP takes its address and gives it back', () => {
    const associated = planReservedIpAssociation(inventory, {
      reservedIpName: 'free',
      action: 'associate',
      serviceName: 'svc',
      deploymentName: 'svc',
    });
    expect(messages(associated)).toEqual([
      'HostedService svc is in the process of being migrated and hence cannot be changed',
      'ReservedIP free is in the process of being migrated and hence cannot be changed',
    ]);
    expect(associated.outcome.ok).toBe(true);
    if (!associated.outcome.ok) return;
    const after = associated.outcome.inventory;
    expect(after.reservedIps[0]).toMatchObject({ serviceName: 'svc', deploymentName: 'svc' });
    expect(after.cloudServices[0]?.deployments[0]?.virtualIps[0]).toMatchObject({
      address: '40.9.9.9',
      reservedIpName: 'free',
    });
    // Once associated, the reserved IP migrates with the cloud service: its lock guards it too.
    const again = planReservedIpAssociation(after, {
      reservedIpName: 'free',
      action: 'associate',
      serviceName: 'svc',
      deploymentName: 'svc',
    });
    expect(again.lockTargets.map((t) => t.scope)).toContainEqual({ kind: 'cloudService', name: 'svc' });
    expect(again.outcome).toMatchObject({ ok: false, error: { httpStatus: 409 } });

    const released = planReservedIpAssociation(after, {
      reservedIpName: 'free',
      action: 'disassociate',
      serviceName: 'svc',
      deploymentName: 'svc',
    });
    expect(released.outcome.ok).toBe(true);
    if (!released.outcome.ok) return;
    expect(released.outcome.inventory.reservedIps[0]?.serviceName).toBeUndefined();
    expect(released.outcome.inventory.cloudServices[0]?.deployments[0]?.virtualIps[0]).toMatchObject({
      isReserved: false,
      reservedIpName: undefined,
    });
  });

  it('When a reserved IP is disassociated from a deployment it is not bound to, then it is a BadRequest', () => {
    const plan = planReservedIpAssociation(inventory, {
      reservedIpName: 'free',
      action: 'disassociate',
      serviceName: 'svc',
      deploymentName: 'svc',
    });
    expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 400 } });
  });

  it('When a reserved IP in use is deleted, then it is a conflict; a free one is removed', () => {
    const inUse = anInventory({
      reservedIps: [aReservedIp({ name: 'used', serviceName: 'svc', deploymentName: 'svc' })],
      cloudServices: [aCloudService({ name: 'svc' })],
    });
    const refused = planDeleteReservedIp(inUse, 'used');
    expect(refused.lockTargets.map((t) => t.scope)).toEqual([
      { kind: 'reservedIp', name: 'used' },
      { kind: 'cloudService', name: 'svc' },
    ]);
    expect(refused.outcome).toMatchObject({ ok: false, error: { httpStatus: 409 } });
    expect(planDeleteReservedIp(inventory, 'Free').outcome).toMatchObject({
      ok: true,
      changed: { removed: [{ collection: 'reservedIps', name: 'free' }] },
    });
    expect(planDeleteReservedIp(inventory, 'nope').outcome).toMatchObject({
      ok: false,
      error: { httpStatus: 404 },
    });
  });
});
