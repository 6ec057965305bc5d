import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  entityChangeOrTimeout,
  noticeEntityChange,
} from '../../../shared/adapters/durable/entity-change-notices';
import { migrationScopeEntity } from '../../../shared/contracts/names';
import { requestDecision } from '../../../shared/use-cases/scope-decision';
import { LaggingScopeEntity } from '../../fakes/lagging-scope-entity';

/** A slow entity whose gateway pauses as the Durable one does: until a change notice or the pause's end. */
class NoticedLaggingEntity extends LaggingScopeEntity {
  reads = 0;

  override read(scopeKey: string) {
    this.reads++;
    return super.read(scopeKey);
  }

  changeOrTimeout(scopeKey: string, maxMs: number): Promise<void> {
    return entityChangeOrTimeout(migrationScopeEntity, scopeKey, maxMs);
  }
}

const request = {
  type: 'request' as const,
  operationId: 'op-1',
  operation: 'validate' as const,
  now: '2026-12-06T00:00:00.000Z',
  leaseSeconds: 3600,
  scopeLabel: 'virtual network vnet-a',
};

/** Starts a request with a 60 s pause between reads; `answer()` is the decision once it came. */
function startWaiting(entity: NoticedLaggingEntity, scopeKey: string) {
  let answer: string | undefined;
  const done = requestDecision(entity, scopeKey, request, { timeoutMs: 600_000, pollMs: 60_000 }).then(
    (decision) => (answer = decision.decision),
  );
  return { answer: () => answer, done };
}

describe('requestDecision waiting on the entity', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('When the entity is written in this process while the caller pauses, then the caller reads its answer at once', async () => {
    const entity = new NoticedLaggingEntity();
    const waiting = startWaiting(entity, 'scope-a');
    await vi.advanceTimersByTimeAsync(0);
    expect(entity.reads).toBe(2); // before signalling, and the first poll: nothing yet
    expect(waiting.answer()).toBeUndefined();

    await entity.deliver();
    noticeEntityChange(migrationScopeEntity, 'scope-a');
    // No time passes: only the notice can have ended the 60 s pause.
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.answer()).toBe('started');
    await waiting.done;
  });

  it('When another entity is written, then the caller keeps to its pause and still finds its answer by polling', async () => {
    const entity = new NoticedLaggingEntity();
    const waiting = startWaiting(entity, 'scope-b');
    await vi.advanceTimersByTimeAsync(0);
    await entity.deliver();
    noticeEntityChange(migrationScopeEntity, 'scope-other');
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.answer()).toBeUndefined();

    await vi.advanceTimersByTimeAsync(60_000);
    expect(waiting.answer()).toBe('started');
    await waiting.done;
  });
});
