import { describe, expect, it } from 'vitest';

import { type MigrationState, migrationStates } from '../../../../shared/domain/migration/migration-state';
import {
  decisionFor,
  entityStateBytes,
  initialScopeEntityState,
  maxEntityStateBytes,
  maxMessageBytes,
  maxOperationIdLength,
  reduceScope,
  rememberedDecisions,
  type ScopeCommand,
  type ScopeEntityState,
  scopeEntityStateSchema,
} from '../../../../shared/domain/migration/scope-entity.reducer';

const t0 = '2026-01-01T00:00:00.000Z';
const later = '2026-01-01T00:05:00.000Z';
const afterLease = '2026-01-02T00:00:01.000Z';
const scopeLabel = "virtualNetwork 'vnet1'";

const runningOperationOf: Partial<Record<MigrationState, 'prepare' | 'commit' | 'abort'>> = {
  Preparing: 'prepare',
  Committing: 'commit',
  Aborting: 'abort',
};

/** An entity in `state`, holding a running operation `op-running` (lease 24 h from t0) when transitional. */
function entityIn(state: MigrationState): ScopeEntityState {
  const operation = runningOperationOf[state];
  return {
    ...initialScopeEntityState,
    state,
    ...(operation
      ? {
          running: {
            operationId: 'op-running',
            operation,
            startedAt: t0,
            leaseUntil: '2026-01-02T00:00:00.000Z',
          },
          decisions: [{ operationId: 'op-running', operation, decision: 'started' as const, at: t0 }],
        }
      : {}),
    ...(state === 'None' || state === 'Committed' ? {} : { lockedSince: t0 }),
  };
}

type Expected = [decision: 'started' | 'noop' | 'refused', next: MigrationState, code?: string];

/**
 * The expected answer to a new request for every (state, operation) pair, written out independently of
 * the implementation's table (D1, D3, D4, D11).
 */
const expectedRequests: Record<
  MigrationState,
  Record<'validate' | 'prepare' | 'commit' | 'abort', Expected>
> = {
  None: {
    validate: ['started', 'None'],
    prepare: ['started', 'Preparing'],
    commit: ['refused', 'None', 'NotPrepared'],
    abort: ['refused', 'None', 'NotPrepared'],
  },
  Preparing: {
    validate: ['started', 'Preparing'],
    prepare: ['refused', 'Preparing', 'OperationInProgress'],
    commit: ['refused', 'Preparing', 'OperationInProgress'],
    abort: ['refused', 'Preparing', 'OperationInProgress'],
  },
  Prepared: {
    validate: ['started', 'Prepared'],
    prepare: ['noop', 'Prepared', 'AlreadyPrepared'],
    commit: ['started', 'Committing'],
    abort: ['started', 'Aborting'],
  },
  PrepareFailed: {
    validate: ['started', 'PrepareFailed'],
    prepare: ['started', 'Preparing'],
    commit: ['refused', 'PrepareFailed', 'PrepareNotSucceeded'],
    abort: ['started', 'Aborting'],
  },
  Committing: {
    validate: ['started', 'Committing'],
    prepare: ['refused', 'Committing', 'OperationInProgress'],
    commit: ['refused', 'Committing', 'OperationInProgress'],
    abort: ['refused', 'Committing', 'AbortNotAllowedAfterCommit'],
  },
  Committed: {
    validate: ['started', 'Committed'],
    prepare: ['refused', 'Committed', 'AlreadyCommitted'],
    commit: ['noop', 'Committed', 'AlreadyCommitted'],
    abort: ['refused', 'Committed', 'AbortNotAllowedAfterCommit'],
  },
  CommitFailed: {
    validate: ['started', 'CommitFailed'],
    prepare: ['refused', 'CommitFailed', 'CommitPending'],
    commit: ['started', 'Committing'],
    abort: ['refused', 'CommitFailed', 'AbortNotAllowedAfterCommit'],
  },
  Aborting: {
    validate: ['started', 'Aborting'],
    prepare: ['refused', 'Aborting', 'OperationInProgress'],
    commit: ['refused', 'Aborting', 'OperationInProgress'],
    abort: ['refused', 'Aborting', 'OperationInProgress'],
  },
  AbortFailed: {
    validate: ['started', 'AbortFailed'],
    prepare: ['refused', 'AbortFailed', 'AbortPending'],
    commit: ['refused', 'AbortFailed', 'AbortPending'],
    abort: ['started', 'Aborting'],
  },
};

/** Where lease expiry and force release leave each state (only running operations are abandoned). */
const expectedAbandon: Record<MigrationState, MigrationState | undefined> = {
  None: undefined,
  Preparing: 'PrepareFailed',
  Prepared: undefined,
  PrepareFailed: undefined,
  Committing: 'CommitFailed',
  Committed: undefined,
  CommitFailed: undefined,
  Aborting: 'AbortFailed',
  AbortFailed: undefined,
};

const requestCases = migrationStates.flatMap((state) =>
  (['validate', 'prepare', 'commit', 'abort'] as const).map((operation) => ({
    state,
    operation,
    expected: expectedRequests[state][operation],
  })),
);

function request(
  operation: 'validate' | 'prepare' | 'commit' | 'abort',
  operationId = 'op-new',
  now = later,
): ScopeCommand {
  return { type: 'request', operationId, operation, now, scopeLabel };
}

describe('migrationScope entity reducer', () => {
  describe('every state × operation', () => {
    it.each(requestCases)(
      'When $operation is requested in $state, then it is answered as the table says',
      ({ state, operation, expected }) => {
        const [decision, next, code] = expected;
        const { state: after, result } = reduceScope(entityIn(state), request(operation));
        expect(result?.decision).toBe(decision);
        expect(after.state).toBe(next);
        if (code) expect(result?.code).toBe(code);
        if (decision === 'refused') expect(result?.message).toContain(scopeLabel);
        if (decision === 'started' && operation !== 'validate') {
          expect(after.running?.operationId).toBe('op-new');
          expect(after.lockedSince).toBeDefined();
        }
      },
    );

    it.each(migrationStates.map((state) => ({ state, expected: expectedAbandon[state] })))(
      'When the lease runs out in $state, then the running operation is abandoned as failed',
      ({ state, expected }) => {
        const before = entityIn(state);
        const { state: after } = reduceScope(before, { type: 'expireLease', now: afterLease });
        expect(after.state).toBe(expected ?? state);
        if (expected) {
          expect(after.running).toBeUndefined();
          expect(decisionFor(after, 'op-running')).toMatchObject({
            decision: 'abandoned',
            code: 'OperationAbandoned',
          });
        } else expect(after).toEqual(before);
      },
    );

    it.each(migrationStates.map((state) => ({ state, expected: expectedAbandon[state] })))(
      'When an operator force-releases $state, then only a running operation is released, audited',
      ({ state, expected }) => {
        const { state: after, result } = reduceScope(entityIn(state), {
          type: 'forceRelease',
          operationId: 'op-release',
          now: later,
          requestedBy: 'ops@contoso',
          reason: 'worker crashed',
          scopeLabel,
        });
        expect(after.state).toBe(expected ?? state);
        expect(result?.decision).toBe(expected ? 'succeeded' : 'refused');
        if (expected) {
          expect(decisionFor(after, 'op-running')?.message).toContain('ops@contoso');
          expect(decisionFor(after, 'op-running')?.message).toContain('worker crashed');
        } else expect(result?.code).toBe('NothingToRelease');
      },
    );
  });

  describe('completion', () => {
    it.each([
      ['Preparing', 'succeeded', 'Prepared'],
      ['Preparing', 'failed', 'PrepareFailed'],
      ['Committing', 'succeeded', 'Committed'],
      ['Committing', 'failed', 'CommitFailed'],
      ['Aborting', 'succeeded', 'None'],
      ['Aborting', 'failed', 'AbortFailed'],
    ] as const)('When the operation running in %s %s, then the scope is %s', (state, outcome, next) => {
      const { state: after, result } = reduceScope(entityIn(state), {
        type: 'complete',
        operationId: 'op-running',
        outcome,
        now: later,
      });
      expect(after.state).toBe(next);
      expect(after.running).toBeUndefined();
      expect(result?.decision).toBe(outcome);
      expect(after.lockedSince === undefined).toBe(next === 'None' || next === 'Committed');
    });

    it('When a completion names an operation that is not running, then it is ignored', () => {
      const before = entityIn('Preparing');
      const { state: after } = reduceScope(before, {
        type: 'complete',
        operationId: 'op-other',
        outcome: 'succeeded',
        now: later,
      });
      expect(after).toEqual(before);
    });

    it('When a completion is delivered twice, then the second changes nothing', () => {
      const once = reduceScope(entityIn('Committing'), {
        type: 'complete',
        operationId: 'op-running',
        outcome: 'succeeded',
        now: later,
      }).state;
      const twice = reduceScope(once, {
        type: 'complete',
        operationId: 'op-running',
        outcome: 'failed',
        now: later,
      });
      expect(twice.state).toEqual(once);
      expect(twice.result?.decision).toBe('succeeded');
    });

    it('When a validate completes, then its outcome is recorded without touching the state', () => {
      const started = reduceScope(entityIn('Prepared'), request('validate', 'op-v')).state;
      const { state: after } = reduceScope(started, {
        type: 'complete',
        operationId: 'op-v',
        outcome: 'failed',
        now: later,
        code: 'ValidationFailed',
      });
      expect(after.state).toBe('Prepared');
      expect(decisionFor(after, 'op-v')).toMatchObject({ decision: 'failed', code: 'ValidationFailed' });
    });
  });

  describe('idempotency', () => {
    it('When the same prepare is requested twice (a redelivered message), then it gets the same answer and starts once', () => {
      const first = reduceScope(entityIn('None'), request('prepare', 'op-1'));
      const second = reduceScope(first.state, request('prepare', 'op-1', afterLease.replace('02T', '01T')));
      expect(second.result).toEqual(first.result);
      expect(second.state).toEqual(first.state);
    });

    it('When two different prepares race, then exactly one starts and the other is told who holds the scope', () => {
      const first = reduceScope(entityIn('None'), request('prepare', 'op-a'));
      const second = reduceScope(first.state, request('prepare', 'op-b'));
      expect(first.result?.decision).toBe('started');
      expect(second.result).toMatchObject({ decision: 'refused', code: 'OperationInProgress' });
      expect(second.result?.message).toContain('op-a');
      expect(second.state.running?.operationId).toBe('op-a');
    });

    it('When a refused request is redelivered after the scope moved on, then it stays refused', () => {
      const refused = reduceScope(entityIn('None'), request('commit', 'op-c')).state;
      const prepared = { ...refused, state: 'Prepared' as const };
      expect(reduceScope(prepared, request('commit', 'op-c')).result?.decision).toBe('refused');
    });

    it('When more operations than it remembers have been answered, then the oldest are forgotten', () => {
      let state = entityIn('None');
      for (let i = 0; i < 40; i++) state = reduceScope(state, request('validate', `op-${i}`)).state;
      expect(state.decisions).toHaveLength(32);
      expect(decisionFor(state, 'op-39')).toBeDefined();
      expect(decisionFor(state, 'op-0')).toBeUndefined();
    });
  });

  describe('bounds', () => {
    it("When more than 32 validates are answered between a Prepare's request and its complete, then the Prepare's decision is kept and complete ends it", () => {
      let state = reduceScope(entityIn('None'), request('prepare', 'op-prepare')).state;
      for (let i = 0; i < 3 * rememberedDecisions; i++)
        state = reduceScope(state, request('validate', `op-validate-${i}`)).state;
      expect(state.decisions).toHaveLength(rememberedDecisions);
      expect(decisionFor(state, 'op-prepare')?.decision).toBe('started');
      expect(decisionFor(state, `op-validate-${3 * rememberedDecisions - 1}`)).toBeDefined();
      const completed = reduceScope(state, {
        type: 'complete',
        operationId: 'op-prepare',
        outcome: 'failed',
        now: later,
      });
      expect(completed.result?.decision).toBe('failed');
      expect(completed.state).toMatchObject({ state: 'PrepareFailed', running: undefined });
    });

    it('When the running operation ends, then its decision can be evicted like any other', () => {
      let state = reduceScope(entityIn('None'), request('prepare', 'op-prepare')).state;
      state = reduceScope(state, {
        type: 'complete',
        operationId: 'op-prepare',
        outcome: 'succeeded',
        now: later,
      }).state;
      for (let i = 0; i < rememberedDecisions; i++)
        state = reduceScope(state, request('validate', `op-validate-${i}`)).state;
      expect(decisionFor(state, 'op-prepare')).toBeUndefined();
      expect(state.state).toBe('Prepared');
    });

    it('When every text is as long as it can be (ids, scope labels, reasons, who asked), then the serialized state stays within its budget', () => {
      const longId = (i: number) => `${'é'.repeat(maxOperationIdLength - 6)}-${String(i).padStart(5, '0')}`;
      const longLabel = `virtualNetwork '${'名'.repeat(2_000)}'`;
      const running = reduceScope(entityIn('None'), {
        type: 'request',
        operationId: longId(0),
        operation: 'prepare',
        now: t0,
        requestedBy: 'ü'.repeat(5_000),
        scopeLabel: longLabel,
      }).state;
      let state = running;
      for (let i = 1; i <= 200; i++) {
        // Refused prepares carry the long label and the long id of the running one in their messages.
        state = reduceScope(state, {
          type: 'request',
          operationId: longId(i),
          operation: i % 2 === 0 ? 'prepare' : 'validate',
          now: later,
          scopeLabel: longLabel,
        }).state;
        state = reduceScope(state, {
          type: 'progress',
          operationId: longId(0),
          step: 'ß'.repeat(10_000),
          done: i,
          total: 200,
          now: later,
        }).state;
      }
      state = reduceScope(state, {
        type: 'complete',
        operationId: longId(199),
        outcome: 'failed',
        now: later,
        code: 'X'.repeat(1_000),
        message: '✓'.repeat(50_000),
      }).state;
      expect(entityStateBytes(state)).toBeLessThanOrEqual(maxEntityStateBytes);
      // The running Prepare is still remembered, so its completion still works.
      expect(decisionFor(state, longId(0))?.decision).toBe('started');
      for (const decision of state.decisions)
        expect(new TextEncoder().encode(decision.message ?? '').length).toBeLessThanOrEqual(maxMessageBytes);
      const released = reduceScope(state, {
        type: 'forceRelease',
        operationId: 'op-release',
        now: later,
        requestedBy: 'ops',
        reason: 'r'.repeat(100_000),
        scopeLabel: longLabel,
      }).state;
      expect(entityStateBytes(released)).toBeLessThanOrEqual(maxEntityStateBytes);
      expect(released.state).toBe('PrepareFailed');
      // The bound holds after a trip through JSON, as the entity stores it.
      expect(scopeEntityStateSchema.parse(JSON.parse(JSON.stringify(released)))).toEqual(released);
    });

    it('When an operation id is longer than 128 characters, then the command is malformed', () => {
      expect(() =>
        reduceScope(entityIn('None'), request('prepare', 'x'.repeat(maxOperationIdLength + 1))),
      ).toThrow();
    });
  });

  describe('lease', () => {
    it('When a prepare starts, then its lease ends 24 hours later by default', () => {
      const { state } = reduceScope(entityIn('None'), request('prepare', 'op-1', t0));
      expect(state.running?.leaseUntil).toBe('2026-01-02T00:00:00.000Z');
    });

    it('When a new prepare arrives after the running one expired, then the old one is abandoned and the new one runs', () => {
      const { state, result } = reduceScope(
        entityIn('Preparing'),
        request('prepare', 'op-retry', afterLease),
      );
      expect(decisionFor(state, 'op-running')?.decision).toBe('abandoned');
      expect(result?.decision).toBe('started');
      expect(state.running?.operationId).toBe('op-retry');
    });

    it('When the expired operation later reports success, then it is ignored', () => {
      const expired = reduceScope(entityIn('Preparing'), { type: 'expireLease', now: afterLease }).state;
      const { state } = reduceScope(expired, {
        type: 'complete',
        operationId: 'op-running',
        outcome: 'succeeded',
        now: afterLease,
      });
      expect(state.state).toBe('PrepareFailed');
    });
  });

  describe('progress', () => {
    it('When the running operation reports progress, then it is kept until the operation ends', () => {
      const withProgress = reduceScope(entityIn('Preparing'), {
        type: 'progress',
        operationId: 'op-running',
        step: 'Writing ARM resources',
        done: 3,
        total: 10,
        now: later,
      }).state;
      expect(withProgress.progress).toMatchObject({ done: 3, total: 10 });
      const done = reduceScope(withProgress, {
        type: 'complete',
        operationId: 'op-running',
        outcome: 'succeeded',
        now: later,
      }).state;
      expect(done.progress).toBeUndefined();
    });

    it('When another operation reports progress, then it is ignored', () => {
      const before = entityIn('Preparing');
      const after = reduceScope(before, {
        type: 'progress',
        operationId: 'x',
        step: 's',
        done: 1,
        total: 2,
        now: later,
      });
      expect(after.state).toEqual(before);
    });
  });

  it('When the state goes through JSON (as entity state does), then it reads back equal and valid', () => {
    let state = entityIn('None');
    state = reduceScope(state, request('prepare', 'op-1')).state;
    state = reduceScope(state, {
      type: 'progress',
      operationId: 'op-1',
      step: 's',
      done: 1,
      total: 2,
      now: later,
    }).state;
    const reloaded = scopeEntityStateSchema.parse(JSON.parse(JSON.stringify(state)));
    expect(reloaded).toEqual(state);
    expect(reduceScope(reloaded, request('prepare', 'op-1'))).toEqual(
      reduceScope(state, request('prepare', 'op-1')),
    );
  });

  it('When a command is malformed, then the reducer throws (a programming error, not an outcome)', () => {
    expect(() =>
      reduceScope(initialScopeEntityState, { type: 'request' } as unknown as ScopeCommand),
    ).toThrow();
  });
});
