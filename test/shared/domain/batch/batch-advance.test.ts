/**
 * Advancing a batch with a fake clock: nothing before the window, the concurrency limit, nothing new after
 * the window closes, resuming at the next occurrence, auto-commit only without validation errors, stop and
 * abort on failure, pause, resume, cancel, repeating runs.
 */
import { describe, expect, it } from 'vitest';

import {
  advanceBatch,
  applyStart,
  commandBatch,
  type OperationOutcome,
  type StartCommand,
} from '../../../../shared/domain/batch/batch-advance';
import { type Batch, type BatchPlan, pendingItem } from '../../../../shared/domain/batch/batch-plan';
import {
  type MaintenanceWindowInput,
  parseMaintenanceWindow,
} from '../../../../shared/domain/batch/maintenance-window';

/** Saturday 2026-12-12; the window opens at 22:00 UTC for an hour, every day. */
const nightly: MaintenanceWindowInput = {
  start: '2026-12-12T22:00',
  durationMinutes: 60,
  timeZone: 'UTC',
  recurEvery: 'Day',
};
const at = (time: string) => new Date(`2026-12-${time}Z`);

function aBatch(overrides: Partial<BatchPlan> = {}, names = ['a', 'b', 'c'], window = nightly): Batch {
  const parsed = parseMaintenanceWindow(window);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return {
    plan: {
      batchId: 'b-1',
      subscriptionId: 'sub',
      name: 'test',
      target: { scopes: names.map((name) => ({ kind: 'virtualNetwork', name })) },
      phases: ['validate'],
      window: parsed.value,
      windowInput: window,
      maxConcurrent: 10,
      onFailure: 'continue',
      abortOnFailure: false,
      autoCommit: false,
      repeat: false,
      includePreflight: false,
      createdBy: 'alice',
      createdAt: '2026-12-01T00:00:00Z',
      ...overrides,
    },
    run: {
      status: 'Scheduled',
      run: 0,
      items: names.map((name) => pendingItem({ kind: 'virtualNetwork', name })),
    },
  };
}

/** A tiny world: every start is admitted with a fresh operation id; outcomes are set by the test. */
class World {
  batch: Batch;
  readonly outcomes = new Map<string, OperationOutcome>();
  readonly started: (StartCommand & { operationId: string; name: string })[] = [];
  #next = 0;

  constructor(batch: Batch) {
    this.batch = batch;
  }

  advance(now: Date) {
    const result = advanceBatch(this.batch, { now, operations: this.outcomes });
    this.batch = result.batch;
    for (const command of result.starts) {
      const operationId = `op-${++this.#next}`;
      this.started.push({ ...command, operationId, name: this.batch.run.items[command.itemIndex]!.name });
      this.batch = applyStart(this.batch, command, { kind: 'started', operationId }, now);
    }
    return result;
  }

  /** The operation running for scope `name`. */
  running(name: string): string {
    const id = this.item(name).operationId;
    if (!id) throw new Error(`${name} runs nothing`);
    return id;
  }

  finish(name: string, outcome: Partial<OperationOutcome> = {}) {
    this.outcomes.set(this.running(name), { status: 'Succeeded', errors: 0, warnings: 0, ...outcome });
  }

  item(name: string) {
    const found = this.batch.run.items.find((item) => item.name === name);
    if (!found) throw new Error(`no item ${name}`);
    return found;
  }

  startedNames(since = 0) {
    return this.started.slice(since).map((start) => `${start.name}:${start.phase}`);
  }
}

describe('advanceBatch', () => {
  it('When the window has not opened, then nothing starts and the batch says when it opens', () => {
    const world = new World(aBatch());
    const result = world.advance(at('12T21:59:00'));
    expect(result.starts).toEqual([]);
    expect(world.batch.run).toMatchObject({ status: 'Scheduled', nextWindow: '2026-12-12T22:00:00.000Z' });
  });

  it('When the window opens, then at most maxConcurrent scopes start, and a finished one frees a slot', () => {
    const world = new World(aBatch({ maxConcurrent: 2 }));
    world.advance(at('12T22:00:30'));
    expect(world.startedNames()).toEqual(['a:validate', 'b:validate']);
    expect(world.batch.run).toMatchObject({
      status: 'Running',
      run: 1,
      windowClosesAt: '2026-12-12T23:00:00.000Z',
    });

    world.advance(at('12T22:01:00'));
    expect(world.started).toHaveLength(2);

    world.finish('a');
    world.advance(at('12T22:02:00'));
    expect(world.startedNames(2)).toEqual(['c:validate']);
    expect(world.item('a').status).toBe('Succeeded');
  });

  it('When the window closes, then nothing new starts, running work finishes, and the rest waits for the next occurrence', () => {
    const world = new World(aBatch({ maxConcurrent: 1 }));
    world.advance(at('12T22:59:00'));
    expect(world.startedNames()).toEqual(['a:validate']);

    world.advance(at('12T23:00:30'));
    expect(world.batch.run.status).toBe('Running');
    world.finish('a');
    world.advance(at('12T23:01:00'));
    expect(world.started).toHaveLength(1);
    expect(world.batch.run).toMatchObject({ status: 'Waiting', nextWindow: '2026-12-13T22:00:00.000Z' });

    world.advance(at('13T21:59:00'));
    expect(world.started).toHaveLength(1);
    world.advance(at('13T22:00:00'));
    expect(world.startedNames(1)).toEqual(['b:validate']);
    expect(world.batch.run.status).toBe('Running');
  });

  it('When a scope between phases meets a closed window, then its next phase waits for the next occurrence too', () => {
    const world = new World(aBatch({ phases: ['validate', 'prepare'] }, ['a']));
    world.advance(at('12T22:50:00'));
    world.finish('a');
    world.advance(at('12T23:05:00'));
    expect(world.startedNames()).toEqual(['a:validate']);
    expect(world.item('a').status).toBe('Active');
    expect(world.batch.run.status).toBe('Waiting');
    world.advance(at('13T22:00:00'));
    expect(world.startedNames()).toEqual(['a:validate', 'a:prepare']);
  });

  it('When validation finds errors, then that scope is blocked and auto-commit is not applied to it, while the others commit', () => {
    const world = new World(
      aBatch({ phases: ['validate', 'prepare', 'commit'], autoCommit: true }, ['clean', 'broken']),
    );
    world.advance(at('12T22:00:00'));
    world.finish('clean');
    world.finish('broken', {
      status: 'Failed',
      errors: 2,
      code: 'ValidationFailed',
      message: 'Validation failed.',
    });
    world.advance(at('12T22:01:00'));
    world.finish('clean', { resultingState: 'Prepared' });
    world.advance(at('12T22:02:00'));
    world.finish('clean', { resultingState: 'Committed' });
    world.advance(at('12T22:03:00'));

    expect(world.startedNames()).toEqual([
      'clean:validate',
      'broken:validate',
      'clean:prepare',
      'clean:commit',
    ]);
    expect(world.item('broken')).toMatchObject({ status: 'Blocked' });
    expect(world.item('broken').note).toContain('auto-commit not applied');
    expect(world.item('clean')).toMatchObject({ status: 'Succeeded', state: 'Committed' });
    expect(world.batch.run.status).toBe('Succeeded');
  });

  it('When commit is planned without autoCommit, then a prepared scope waits for a person', () => {
    const world = new World(aBatch({ phases: ['prepare', 'commit'] }, ['a']));
    world.advance(at('12T22:00:00'));
    world.finish('a', { resultingState: 'Prepared' });
    world.advance(at('12T22:01:00'));
    expect(world.startedNames()).toEqual(['a:prepare']);
    expect(world.item('a').status).toBe('AwaitingCommit');
    expect(world.batch.run.status).toBe('Succeeded');
  });

  it('When a scope fails and onFailure is stop, then nothing new starts, running work finishes, and the batch fails', () => {
    const world = new World(aBatch({ onFailure: 'stop', maxConcurrent: 2, phases: ['prepare'] }));
    world.advance(at('12T22:00:00'));
    world.finish('a', {
      status: 'Failed',
      code: 'InjectedFault',
      message: 'boom',
      resultingState: 'PrepareFailed',
    });
    world.advance(at('12T22:01:00'));
    expect(world.startedNames()).toEqual(['a:prepare', 'b:prepare']);
    expect(world.batch.run.status).toBe('Stopping');
    expect(world.item('c')).toMatchObject({ status: 'Cancelled', note: 'Not started: the batch stopped.' });

    world.finish('b', { resultingState: 'Prepared' });
    world.advance(at('12T22:02:00'));
    expect(world.batch.run.status).toBe('Failed');
    expect(world.batch.run.note).toContain('virtualNetwork a');
  });

  it('When Prepare fails and abortOnFailure is set, then the scope is aborted at once, even after the window closed', () => {
    const world = new World(aBatch({ abortOnFailure: true, phases: ['prepare'] }, ['a']));
    world.advance(at('12T22:58:00'));
    world.finish('a', {
      status: 'Failed',
      code: 'InjectedFault',
      message: 'boom',
      resultingState: 'PrepareFailed',
    });
    world.advance(at('12T23:10:00'));
    expect(world.startedNames()).toEqual(['a:prepare', 'a:abort']);
    world.finish('a', { resultingState: 'None' });
    world.advance(at('12T23:11:00'));
    expect(world.item('a')).toMatchObject({ status: 'Failed', state: 'None' });
    expect(world.item('a').note).toContain('aborted');
    expect(world.batch.run.status).toBe('Failed');
  });

  it('When a batch is paused, then nothing starts until it is resumed', () => {
    const world = new World(aBatch({ maxConcurrent: 1 }));
    world.advance(at('12T22:00:00'));
    const paused = commandBatch(world.batch, 'pause', 'bob', at('12T22:00:10'));
    if (!('batch' in paused)) throw new Error(paused.refused);
    world.batch = paused.batch;
    world.finish('a');
    world.advance(at('12T22:01:00'));
    expect(world.started).toHaveLength(1);
    expect(world.batch.run.status).toBe('Paused');

    const resumed = commandBatch(world.batch, 'resume', 'bob', at('12T22:02:00'));
    if (!('batch' in resumed)) throw new Error(resumed.refused);
    world.batch = resumed.batch;
    world.advance(at('12T22:02:30'));
    expect(world.startedNames(1)).toEqual(['b:validate']);
  });

  it('When a batch is cancelled, then its pending scopes are cancelled and it ends Cancelled once running work ends', () => {
    const world = new World(aBatch({ maxConcurrent: 1 }));
    world.advance(at('12T22:00:00'));
    const cancelled = commandBatch(world.batch, 'cancel', 'bob', at('12T22:00:10'));
    if (!('batch' in cancelled)) throw new Error(cancelled.refused);
    world.batch = cancelled.batch;
    expect(world.batch.run.status).toBe('Stopping');
    world.finish('a');
    world.advance(at('12T22:01:00'));
    expect(world.batch.run.status).toBe('Cancelled');
    expect(world.batch.run.items.map((item) => item.status)).toEqual(['Succeeded', 'Cancelled', 'Cancelled']);
    expect(commandBatch(world.batch, 'resume', 'bob', at('12T22:02:00'))).toHaveProperty('refused');
  });

  it('When a repeating plan finished its run, then the next occurrence starts a new run on the scopes selected then', () => {
    const world = new World(aBatch({ repeat: true }, ['a']));
    world.advance(at('12T22:00:00'));
    world.finish('a');
    const finished = world.advance(at('12T22:01:00'));
    expect(finished.runFinished).toBe(true);
    expect(world.batch.run).toMatchObject({ status: 'Succeeded', run: 1 });

    expect(world.advance(at('12T22:30:00')).starts).toEqual([]);
    const next = advanceBatch(world.batch, {
      now: at('13T22:00:00'),
      operations: world.outcomes,
      selected: [
        { kind: 'virtualNetwork', name: 'a' },
        { kind: 'virtualNetwork', name: 'new-vnet' },
      ],
    });
    expect(next.batch.run).toMatchObject({ status: 'Running', run: 2 });
    expect(next.starts.map((start) => start.idempotencyKey)).toEqual([
      'batch:b-1:2:0:validate:1',
      'batch:b-1:2:1:validate:1',
    ]);
  });

  it('When admission answers later (the scope is busy), then the scope stays pending and is tried on the next tick with the same key', () => {
    const batch = aBatch({}, ['a']);
    const first = advanceBatch(batch, { now: at('12T22:00:00'), operations: new Map() });
    const [command] = first.starts;
    const waiting = applyStart(
      first.batch,
      command!,
      { kind: 'later', code: 'OperationInProgress', message: 'busy' },
      at('12T22:00:00'),
    );
    expect(waiting.run.items[0]).toMatchObject({ status: 'Pending', note: 'validate not started yet: busy' });
    const again = advanceBatch(waiting, { now: at('12T22:01:00'), operations: new Map() });
    expect(again.starts[0]?.idempotencyKey).toBe(command!.idempotencyKey);
  });

  it('When admission refuses a scope for good, then that scope fails with the refusal', () => {
    const batch = aBatch({}, ['a']);
    const first = advanceBatch(batch, { now: at('12T22:00:00'), operations: new Map() });
    const refused = applyStart(
      first.batch,
      first.starts[0]!,
      { kind: 'rejected', code: 'ResourceNotFound', message: 'gone' },
      at('12T22:00:00'),
    );
    expect(refused.run.items[0]).toMatchObject({
      status: 'Failed',
      note: 'validate refused: ResourceNotFound: gone',
    });
    expect(refused.run.status).toBe('Failed');
  });

  it('When the window will never open again, then the batch stops with the reason', () => {
    const once = { start: '2026-12-12T22:00', durationMinutes: 60 };
    const world = new World(aBatch({ maxConcurrent: 1 }, ['a', 'b'], once));
    world.advance(at('12T22:30:00'));
    world.finish('a');
    world.advance(at('12T23:30:00'));
    expect(world.batch.run.status).toBe('Failed');
    expect(world.batch.run.note).toContain('will not open again');
    expect(world.item('b').status).toBe('Cancelled');
  });
});
