/**
 * The analysis in slices is the analysis: the same findings and translation as at once, while the event
 * loop gets its turns between the steps (so entity calls and HTTP are served during a large analysis).
 */
import { describe, expect, it } from 'vitest';

import type { ScopeRef } from '../../../shared/domain/scope/scope';
import { analyseScope, analyseScopeInSlices } from '../../../shared/use-cases/analyse-scope';
import { runInSlices } from '../../../shared/use-cases/cpu-slices';
import type { AnalysisInput } from '../../../shared/use-cases/scope-analysis';
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
