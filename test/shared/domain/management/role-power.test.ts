import { describe, expect, it } from 'vitest';

import { planRolePower, type RolePowerRequest } from '../../../../shared/domain/management/role-power';
import { aCloudService, aDeployment, anInventory, aVmRole } from '../../../fixtures/classic-builders';

const now = '2026-01-02T03:04:05.000Z';
const inventory = anInventory({
  cloudServices: [
    aCloudService({
      name: 'svc',
      deployments: [aDeployment({ name: 'svc', roles: [aVmRole({ name: 'a' }), aVmRole({ name: 'b' })] })],
    }),
  ],
});
const request = (overrides: Partial<RolePowerRequest>): RolePowerRequest => ({
  serviceName: 'svc',
  deploymentName: 'svc',
  roleNames: ['a'],
  action: 'start',
  ...overrides,
});
const statuses = (plan: ReturnType<typeof planRolePower>) =>
  plan.outcome.ok
    ? plan.outcome.inventory.cloudServices[0]?.deployments[0]?.roleInstances.map((i) => [
        i.roleName,
        i.instanceStatus,
        i.powerState,
      ])
    : plan.outcome.error;

describe('planRolePower', () => {
  it.each([
    ['shutdown', undefined, 'StoppedVM'],
    ['shutdown', 'StoppedDeallocated', 'StoppedDeallocated'],
    ['shutdown', 'stopped', 'StoppedVM'],
  ] as const)(
    'When %s with %s, then the instance is %s and Stopped',
    (action, postShutdownAction, status) => {
      const plan = planRolePower(
        inventory,
        request({ action, ...(postShutdownAction ? { postShutdownAction } : {}) }),
        now,
      );
      expect(statuses(plan)).toEqual([
        ['a', status, 'Stopped'],
        ['b', 'ReadyRole', 'Started'],
      ]);
    },
  );

  it('When several VMs are started, then each is ReadyRole and Started', () => {
    const stopped = planRolePower(inventory, request({ roleNames: ['a', 'b'], action: 'shutdown' }), now);
    if (!stopped.outcome.ok) throw new Error('shutdown failed');
    const plan = planRolePower(
      stopped.outcome.inventory,
      request({ roleNames: ['A', 'b'], action: 'restart' }),
      now,
    );
    expect(statuses(plan)).toEqual([
      ['a', 'ReadyRole', 'Started'],
      ['b', 'ReadyRole', 'Started'],
    ]);
  });

  it('When the operation runs, then the scope covering the deployment guards it with the VM text', () => {
    const plan = planRolePower(inventory, request({}), now);
    expect(plan.lockTargets).toEqual([
      {
        scope: { kind: 'cloudService', name: 'svc' },
        refusal: expect.objectContaining({
          message: 'Management operations on VM are disallowed because migration is in progress',
        }),
      },
    ]);
  });

  it('When the PostShutdownAction is unknown, then it is a BadRequest', () => {
    const plan = planRolePower(
      inventory,
      request({ action: 'shutdown', postShutdownAction: 'Hibernate' }),
      now,
    );
    expect(plan.outcome).toMatchObject({ ok: false, error: { code: 'BadRequest' } });
  });

  it('When a named VM does not exist, then it is ResourceNotFound', () => {
    const plan = planRolePower(inventory, request({ roleNames: ['ghost'] }), now);
    expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 404 } });
  });
});
