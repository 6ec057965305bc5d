/**
 * The scope status keeps what follows from the inventories (validation, plan, the Classic and ARM sides)
 * per inventory version: a poll answers as a fresh read would without running the analysis again, and any
 * write to the inventories (an import, a Service Management write, a phase's ARM step), by this service
 * instance or another sharing the storage, shows in the next answer. Real stores on Azurite, the scope
 * entity in memory.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { serializeHostedService } from '../../../shared/adapters/service-management';
import { scopeKey, type ScopeRef } from '../../../shared/domain/scope/scope';
import type { CloudServiceScope } from '../../../shared/domain/scope/scope-contents';
import { addDataDisk } from '../../../shared/handlers/service-management/add-data-disk.handler';
import type { ClassicInventoryStore } from '../../../shared/ports/inventory.port';
import { importInventory } from '../../../shared/use-cases/import-inventory';
import { scopeStatus, scopeStatusAnswer } from '../../../shared/use-cases/scope-status';
import { InMemoryScopeEntity } from '../../fakes/in-memory-scope-entity';
import { aCloudService, aDeployment, anInventory, aVmRole } from '../../fixtures/classic-builders';
import { uniqueSubscriptionId } from '../../support/storage';
import { type TestServices, testServices } from '../../support/test-services';
import { smRequest } from '../handlers/service-management/sm-request-builder';

let services: TestServices;
let entity: InMemoryScopeEntity;
let subscriptionId: string;
let scope: ScopeRef;

const svc = (vms: string[]) =>
  aCloudService({
    name: 'svc',
    deployments: [aDeployment({ name: 'svc', roles: vms.map((name) => aVmRole({ name })) })],
  });

/** The Classic store of `of`, counting its loads (each analysis loads the inventory once). */
function countingLoads(of: TestServices): TestServices & { loads: () => number } {
  let loads = 0;
  const inner = of.classicInventory;
  const classicInventory = new Proxy(inner, {
    get(target, property) {
      if (property === 'load')
        return (subscription: string) => {
          loads++;
          return target.load(subscription);
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) satisfies ClassicInventoryStore;
  return { ...of, classicInventory, loads: () => loads };
}

/** The VMs of the status's Classic side (a cloud service scope's contents). */
const rolesOf = (status: Awaited<ReturnType<typeof scopeStatus>>) =>
  ((status.classic as CloudServiceScope).cloudService.deployments[0]?.roles ?? []).map((role) => ({
    name: role.name,
    dataDisks: role.roleType === 'PersistentVMRole' ? role.dataDisks : [],
  }));

beforeEach(async () => {
  services = testServices();
  entity = new InMemoryScopeEntity();
  subscriptionId = uniqueSubscriptionId();
  scope = { subscriptionId, kind: 'cloudService', name: 'svc' };
  await services.classicInventory.save(
    anInventory({
      subscription: { id: subscriptionId, registeredForMigration: true },
      cloudServices: [svc(['vm1'])],
    }),
  );
});

describe('scope status per inventory version', () => {
  it('When the status is polled and nothing changed, then every answer equals a fresh one and the analysis ran once', async () => {
    const counted = countingLoads(services);
    const first = await scopeStatus(counted, entity, scope);
    const polls = [];
    for (let i = 0; i < 5; i++) polls.push(await scopeStatus(counted, entity, scope));

    expect(counted.loads()).toBe(1);
    // Another service instance (its own empty cache) computes the status from scratch.
    const fresh = await scopeStatus(testServices(), entity, scope);
    for (const poll of polls) expect(poll).toEqual(fresh);
    expect(first).toEqual(fresh);
    expect(first).toMatchObject({
      state: 'None',
      arm: { source: 'planned' },
      validation: { blocking: false },
    });
  });

  it('When the answer is sent, then its segments are the JSON of the status object', async () => {
    const answer = await scopeStatusAnswer(services, entity, scope);
    expect(answer).toMatchObject({ state: 'None', running: false, inClassic: true, operationCount: 0 });
    expect(JSON.parse(Buffer.concat(answer.segments).toString('utf8'))).toEqual(
      await scopeStatus(testServices(), entity, scope),
    );
  });

  it('When an import changes the scope after a read, then the next status shows the change', async () => {
    expect(rolesOf(await scopeStatus(services, entity, scope)).map((role) => role.name)).toEqual(['vm1']);

    const imported = await importInventory(
      {
        classicInventory: services.classicInventory,
        defaultSubscriptionId: services.config.defaultSubscriptionId,
      },
      {
        subscriptionId,
        body: serializeHostedService(svc(['vm1', 'vm2'])),
        importedAt: '2026-01-02T03:04:05.000Z',
      },
    );
    expect(imported.ok).toBe(true);

    const after = await scopeStatus(services, entity, scope);
    expect(rolesOf(after).map((role) => role.name)).toEqual(['vm1', 'vm2']);
    expect(after).toEqual(await scopeStatus(testServices(), entity, scope));
  });

  it('When a Service Management Add Data Disk follows a read, then the next status shows the disk', async () => {
    expect(rolesOf(await scopeStatus(services, entity, scope))[0]?.dataDisks).toHaveLength(0);

    const response = await addDataDisk(
      services,
      entity,
      smRequest(
        'POST',
        `/${subscriptionId}/services/hostedservices/svc/deployments/svc/roles/vm1/DataDisks`,
        { subscriptionId, serviceName: 'svc', deploymentName: 'svc', roleName: 'vm1' },
        '<DataVirtualHardDisk xmlns="http://schemas.microsoft.com/windowsazure"><Lun>0</Lun><LogicalDiskSizeInGB>64</LogicalDiskSizeInGB></DataVirtualHardDisk>',
      ),
    );
    expect(response.status).toBe(202);

    expect(rolesOf(await scopeStatus(services, entity, scope))[0]?.dataDisks).toEqual([
      expect.objectContaining({ lun: 0, logicalDiskSizeInGB: 64 }),
    ]);
  });

  it('When another service instance sharing the storage writes, then this instance’s next status shows it', async () => {
    const counted = countingLoads(services);
    await scopeStatus(counted, entity, scope);
    await scopeStatus(counted, entity, scope);
    expect(counted.loads()).toBe(1);

    const otherWorker = testServices();
    await otherWorker.classicInventory.save(
      anInventory({
        subscription: { id: subscriptionId, registeredForMigration: true },
        cloudServices: [svc(['vm1', 'vm3'])],
      }),
    );

    expect(rolesOf(await scopeStatus(counted, entity, scope)).map((role) => role.name)).toEqual([
      'vm1',
      'vm3',
    ]);
    expect(counted.loads()).toBe(2);
  });

  it('When a Prepare writes the ARM side after a read, then the next status shows the written resources', async () => {
    const planned = await scopeStatus(services, entity, scope);
    expect(planned.arm.source).toBe('planned');

    const plannedIds = (planned.arm.resources as { id: string }[]).map((resource) => resource.id);
    const groups = planned.arm.resourceGroups as { id: string; name: string; location: string }[];
    await services.armInventory.writeScope(
      subscriptionId,
      scopeKey(scope),
      'op-prepare',
      groups,
      planned.arm.resources as Parameters<typeof services.armInventory.writeScope>[4],
      'Prepared',
    );

    const written = await scopeStatus(services, entity, scope);
    expect(written.arm.source).toBe('written');
    expect((written.arm.resources as { id: string; phase: string }[]).map((resource) => resource.id)).toEqual(
      plannedIds,
    );
    expect(written).toEqual(await scopeStatus(testServices(), entity, scope));
  });
});
