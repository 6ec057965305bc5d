import { describe, expect, it } from 'vitest';

import { planDeleteRole } from '../../../../shared/domain/management/delete-role';
import { aCloudService, aDeployment, anInventory, aVmRole } from '../../../fixtures/classic-builders';

const now = '2026-01-02T03:04:05.000Z';
const withRoles = (...names: string[]) =>
  anInventory({
    cloudServices: [
      aCloudService({
        name: 'svc',
        deployments: [aDeployment({ name: 'svc', roles: names.map((name) => aVmRole({ name })) })],
      }),
    ],
  });

describe('planDeleteRole', () => {
  it('When a VM is deleted, then its role and instance leave the deployment', () => {
    const plan = planDeleteRole(
      withRoles('a', 'b'),
      { serviceName: 'svc', deploymentName: 'svc', roleName: 'B' },
      now,
    );
    expect(plan.outcome.ok).toBe(true);
    if (!plan.outcome.ok) return;
    const deployment = plan.outcome.inventory.cloudServices[0]?.deployments[0];
    expect(deployment?.roles.map((r) => r.name)).toEqual(['a']);
    expect(deployment?.roleInstances.map((i) => i.roleName)).toEqual(['a']);
  });

  it('When the VM is the last one, then it is a BadRequest and the lock is still consulted first', () => {
    const plan = planDeleteRole(
      withRoles('a'),
      { serviceName: 'svc', deploymentName: 'svc', roleName: 'a' },
      now,
    );
    expect(plan.lockTargets).toHaveLength(1);
    expect(plan.outcome).toMatchObject({ ok: false, error: { code: 'BadRequest' } });
  });

  it('When the VM does not exist, then it is ResourceNotFound', () => {
    const plan = planDeleteRole(
      withRoles('a', 'b'),
      { serviceName: 'svc', deploymentName: 'svc', roleName: 'z' },
      now,
    );
    expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 404 } });
  });
});
