import { describe, expect, it } from 'vitest';

import { progressView } from '../../../shared/use-cases/scope-status';

const running = {
  operationId: 'op',
  operation: 'prepare' as const,
  startedAt: '2026-01-01T00:00:00.000Z',
  leaseUntil: '2026-01-02T00:00:00.000Z',
};

describe('progressView', () => {
  it('When one of three steps took 20 s, then the ETA extrapolates 40 s more at 33 %', () => {
    const view = progressView(
      { step: 'Writing', done: 1, total: 3, updatedAt: '2026-01-01T00:00:20.000Z' },
      running,
      new Date('2026-01-01T00:00:20.000Z'),
    );
    expect(view).toMatchObject({ percent: 33, elapsedSeconds: 20, etaSeconds: 40 });
  });

  it('When no step has finished yet, then there is no ETA rather than a guess', () => {
    const view = progressView(
      { step: 'Starting', done: 0, total: 3, updatedAt: running.startedAt },
      running,
      new Date('2026-01-01T00:00:05.000Z'),
    );
    expect(view.percent).toBe(0);
    expect(view).not.toHaveProperty('etaSeconds');
  });

  it('When every step is done, then the ETA is zero and the percent is 100', () => {
    const view = progressView(
      { step: 'Done', done: 3, total: 3, updatedAt: running.startedAt },
      running,
      new Date('2026-01-01T00:01:00.000Z'),
    );
    expect(view).toMatchObject({ percent: 100, etaSeconds: 0 });
  });
});
