import { describe, expect, it } from 'vitest';

import { initialScopeEntityState } from '../../../shared/domain/migration/scope-entity.reducer';
import { operationProgress } from '../../../shared/use-cases/operation-progress';
import { InMemoryScopeEntity } from '../../fakes/in-memory-scope-entity';

const now = new Date('2026-12-06T10:01:00Z');
const clock = { clock: { now: () => now } };
const running = (operationId: string) => ({
  ...initialScopeEntityState,
  state: 'Preparing' as const,
  running: {
    operationId,
    operation: 'prepare' as const,
    startedAt: '2026-12-06T10:00:00Z',
    leaseUntil: '2026-12-07T10:00:00Z',
  },
  progress: { step: 'writeArm', done: 3, total: 12, updatedAt: '2026-12-06T10:00:45Z' },
});

describe('operationProgress', () => {
  it('When the operation runs on its scope, then its progress is done/total with percent and an ETA from the pace so far', async () => {
    const entity = new InMemoryScopeEntity();
    entity.states.set('scope-1', running('op-1'));
    const progress = await operationProgress(clock, entity, {
      operationId: 'op-1',
      scopeKey: 'scope-1',
      status: 'InProgress',
    });
    expect(progress).toEqual({
      step: 'writeArm',
      done: 3,
      total: 12,
      updatedAt: '2026-12-06T10:00:45Z',
      percent: 25,
      elapsedSeconds: 60,
      etaSeconds: 180,
    });
  });

  it('When the scope runs another operation, or the operation is queued or over, then there is no progress (and no read for the latter)', async () => {
    const entity = new InMemoryScopeEntity();
    entity.states.set('scope-1', running('op-2'));
    expect(
      await operationProgress(clock, entity, {
        operationId: 'op-1',
        scopeKey: 'scope-1',
        status: 'InProgress',
      }),
    ).toBeUndefined();
    let reads = 0;
    const counting = {
      signal: () => Promise.resolve(),
      read: () => ((reads += 1), Promise.resolve(undefined)),
    };
    for (const status of ['Queued', 'Succeeded', 'Failed'] as const)
      expect(
        await operationProgress(clock, counting, { operationId: 'op-1', scopeKey: 'scope-1', status }),
      ).toBeUndefined();
    expect(reads).toBe(0);
  });
});
