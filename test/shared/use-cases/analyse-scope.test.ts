/**
 * The analysis in slices is the analysis: the same findings and translation as at once, while the event
 * loop gets its turns between the steps (so entity calls and HTTP are served during a large analysis).
 */
import { describe, expect, it } from 'vitest';

import type { ScopeRef } from '../../../shared/domain/scope/scope';
import { analyseScope, analyseScopeInSlices } from '../../../shared/use-cases/analyse-scope';
import { runInSlices } from '../../../shared/use-cases/cpu-slices';
import type { AnalysisInput } from '../../../shared/use-cases/scope-analysis';
import {
  aCloudService,
  aDeployment,
  anInventory,
  aVirtualNetwork,
  aVmRole,
  testSubscriptionId,
} from '../../fixtures/classic-builders';
import { e2eEstate } from '../../fixtures/e2e-estate';

const subscriptionId = '11111111-1111-1111-1111-111111111111';

function inputFor(scope: Omit<ScopeRef, 'subscriptionId'>): AnalysisInput {
  const inventory = e2eEstate(subscriptionId);
  return {
    inventory: { ...inventory, subscription: { ...inventory.subscription, registeredForMigration: true } },
    scope: { subscriptionId, ...scope },
    options: {},
    includePreflight: true,
    existingArm: { resourceGroups: [], resources: [] },
  };
}

describe('analyseScopeInSlices', () => {
  it.each([
    { kind: 'virtualNetwork', name: 'Prod-VNet' },
    { kind: 'cloudService', name: 'contoso-ftp' },
    { kind: 'storageAccount', name: 'contosovhds' },
    { kind: 'virtualNetwork', name: 'No-Such-VNet' },
  ] as const)(
    'When $kind $name is analysed in slices, then the analysis equals the one at once',
    async (scope) => {
      const input = inputFor(scope);
      expect(await analyseScopeInSlices(input, 0)).toEqual(analyseScope(input));
    },
  );

  it('When a VNet is analysed in slices, then other work runs between its steps', async () => {
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const before = turns;
    await analyseScopeInSlices(inputFor({ kind: 'virtualNetwork', name: 'Prod-VNet' }), 0);
    running = false;
    expect(turns - before).toBeGreaterThan(3);
  });

  it('When work is run in slices of no length, then every step is followed by a turn of the event loop', async () => {
    const order: string[] = [];
    function* work() {
      for (const step of ['a', 'b', 'c']) {
        order.push(step);
        setImmediate(() => order.push(`${step}-turn`));
        yield;
      }
      return order.length;
    }
    await runInSlices(work(), 0);
    expect(order).toEqual(['a', 'a-turn', 'b', 'b-turn', 'c', 'c-turn']);
  });
});

describe('names ARM does not accept, through the analysis', () => {
  /** VNet `vnet1` whose first subnet is `my subnet`, holding VM `app1` of cloud service `app`. */
  function spacedSubnet(options: AnalysisInput['options'] = {}): AnalysisInput {
    const vm = aVmRole({
      name: 'app1',
      network: {
        inputEndpoints: [],
        subnetNames: ['my subnet'],
        publicIps: [],
        networkInterfaces: [],
        ipForwarding: false,
      },
    });
    const inventory = anInventory({
      virtualNetworks: [
        aVirtualNetwork({ name: 'vnet1', subnets: [{ name: 'my subnet', addressPrefix: '10.0.0.0/24' }] }),
      ],
      cloudServices: [
        aCloudService({
          name: 'app',
          deployments: [aDeployment({ name: 'app', virtualNetworkName: 'vnet1', roles: [vm] })],
        }),
      ],
    });
    return {
      inventory,
      scope: { subscriptionId: testSubscriptionId, kind: 'virtualNetwork', name: 'vnet1' },
      options,
      includePreflight: true,
      existingArm: { resourceGroups: [], resources: [] },
    };
  }
  const codesOf = (input: AnalysisInput) => analyseScope(input).findings.map((f) => [f.code, f.severity]);

  it('When the final platform analyses subnet `my subnet`, then a warning says it becomes `my-subnet`, and nothing blocks', () => {
    const analysis = analyseScope(spacedSubnet());

    expect(analysis.blocking).toBe(false);
    expect(analysis.findings.find((f) => f.code === 'VNET_NAME_CHANGED')).toMatchObject({
      severity: 'Warning',
      message:
        'The name of Subnet my subnet is not valid in Azure Resource Manager; it will be renamed to my-subnet.',
    });
  });

  it('When a naming override names the subnet, then the warning states the name the translation plans', () => {
    const subnetKey = `/subscriptions/${testSubscriptionId}/resourceGroups/Default-Networking/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet1/subnets/my subnet#subnet`;
    const analysis = analyseScope(spacedSubnet({ naming: { overrides: { [subnetKey]: 'frontend' } } }));

    expect(analysis.translation?.resources.find((r) => r.name === 'vnet1')?.properties['subnets']).toEqual([
      expect.objectContaining({ name: 'frontend' }),
    ]);
    expect(analysis.findings.find((f) => f.code === 'VNET_NAME_CHANGED')?.message).toBe(
      'The name of Subnet my subnet is not valid in Azure Resource Manager; it will be renamed to frontend.',
    );
  });

  it('When the 2016 preview profile analyses subnet `my subnet`, then it is refused and no rename is announced', () => {
    const input = spacedSubnet({ profile: 'preview-2016' });

    expect(analyseScope(input).blocking).toBe(true);
    expect(codesOf(input)).toContainEqual(['VNET_NAME_WITH_SPACES', 'Error']);
    expect(codesOf(input).map(([code]) => code)).not.toContain('VNET_NAME_CHANGED');
  });
});
