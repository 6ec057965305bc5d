import { describe, expect, it } from 'vitest';

import { planCreateCloudService } from '../../../../shared/domain/management/create-cloud-service';
import { aCloudService, aDeployment, anInventory } from '../../../fixtures/classic-builders';

const now = '2026-01-02T03:04:05.000Z';

describe('planCreateCloudService', () => {
  it('When the name is free, then an empty cloud service is added and only it is written', () => {
    const plan = planCreateCloudService(
      anInventory(),
      { serviceName: 'fresh', location: 'West US', label: 'Fresh' },
      now,
    );

    expect(plan.lockTargets).toEqual([]);
    expect(plan.outcome).toMatchObject({ ok: true, changed: { cloudServices: ['fresh'] } });
    if (!plan.outcome.ok) return;
    expect(plan.outcome.inventory.cloudServices).toEqual([
      expect.objectContaining({
        name: 'fresh',
        location: 'West US',
        label: 'Fresh',
        status: 'Created',
        deployments: [],
        dateCreated: now,
      }),
    ]);
  });

  it('When the name is taken, then it conflicts, and the lock of the scope covering that service is consulted first', () => {
    const inventory = anInventory({
      cloudServices: [
        aCloudService({
          name: 'Taken',
          deployments: [aDeployment({ name: 'Taken', virtualNetworkName: 'corp' })],
        }),
      ],
    });
    const plan = planCreateCloudService(inventory, { serviceName: 'taken', location: 'West US' }, now);

    expect(plan.lockTargets).toEqual([
      {
        scope: { kind: 'virtualNetwork', name: 'corp' },
        refusal: expect.objectContaining({
          message: 'HostedService Taken is in the process of being migrated and hence cannot be changed',
        }),
      },
    ]);
    expect(plan.outcome).toEqual({
      ok: false,
      error: { httpStatus: 409, code: 'ConflictError', message: 'The specified DNS name is already taken.' },
    });
  });

  it.each([
    ['an invalid DNS label', { serviceName: '-bad-', location: 'West US' }],
    ['neither location nor affinity group', { serviceName: 'fine' }],
    ['both location and affinity group', { serviceName: 'fine', location: 'West US', affinityGroup: 'ag1' }],
  ])('When the request has %s, then it is a BadRequest', (_case, request) => {
    const plan = planCreateCloudService(anInventory(), request, now);
    expect(plan.outcome).toMatchObject({ ok: false, error: { httpStatus: 400, code: 'BadRequest' } });
  });
});
